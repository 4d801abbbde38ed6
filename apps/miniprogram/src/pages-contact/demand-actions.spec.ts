import { demandActionDone, orderDemandActions } from './demand-actions';

describe('a demand card’s buttons', () => {
  it('makes the step the state waits for the one main action', () => {
    expect(orderDemandActions('reported', ['accept', 'reject', 'assign'])).toEqual({
      main: 'accept',
      others: ['reject', 'assign'],
    });
    expect(orderDemandActions('accepted', ['assign', 'start', 'resolve', 'reject'])).toEqual({
      main: 'start',
      others: ['assign', 'resolve', 'reject'],
    });
    expect(orderDemandActions('in_progress', ['resolve'])).toEqual({ main: 'resolve', others: [] });
  });

  it('has no main action when the state’s step is not the caller’s to take', () => {
    expect(orderDemandActions('accepted', ['assign'])).toEqual({ main: null, others: ['assign'] });
  });

  it('says what happened', () => {
    expect(demandActionDone('accept')).toBe('已受理');
    expect(demandActionDone('assign', '张卫东')).toBe('已指派给张卫东');
    expect(demandActionDone('resolve')).toBe('已办结');
  });
});
