import { ErrorCode, Role } from '@redvest/contract';
import {
  demandListRows,
  finishProjectRefusal,
  newProjectTaker,
  organisesProjects,
  projectDemandText,
  resourceEmployer,
} from './three-lists';

describe('资源单', () => {
  it('offers by the employer only for a member who registered one', () => {
    expect(resourceEmployer(false, 'e1')).toBeNull();
    expect(resourceEmployer(true, 'e1')).toBe('e1');
    expect(resourceEmployer(true, null)).toEqual({
      error: ErrorCode.ValidationFailed,
      details: [{ field: 'byEmployer', message: '您还没有登记原单位' }],
    });
  });
});

describe('项目单', () => {
  const volunteer = { userId: 'v1', granted: [Role.Volunteer] };

  it('gives a dispatched project to a volunteer at once, and leaves the others open', () => {
    expect(newProjectTaker('community_dispatch', volunteer)).toEqual({ takerId: 'v1', status: 'taken' });
    expect(newProjectTaker('community_dispatch', null)).toEqual({ error: ErrorCode.MemberNotFound });
    expect(newProjectTaker('community_dispatch', { userId: 'r1', granted: [Role.Resident] })).toEqual({
      error: ErrorCode.MemberNotFound,
    });
    expect(newProjectTaker('member_take', volunteer)).toEqual({ takerId: null, status: 'open' });
    expect(newProjectTaker('resident_order', null)).toEqual({ takerId: null, status: 'open' });
  });

  it('is marked done by its taker, or a secretary for them', () => {
    expect(finishProjectRefusal({ takerId: 'v1' }, 'v1', [Role.Volunteer])).toBeNull();
    expect(finishProjectRefusal({ takerId: 'v1' }, 's1', [Role.Secretary])).toBeNull();
    expect(finishProjectRefusal({ takerId: 'v1' }, 'b1', [Role.BranchSecretary])).toEqual({
      error: ErrorCode.Forbidden,
    });
  });

  it('is set up by secretaries and branch secretaries', () => {
    expect(organisesProjects([Role.Secretary])).toBe(true);
    expect(organisesProjects([Role.BranchSecretary])).toBe(true);
    expect(organisesProjects([Role.GroupLeader])).toBe(false);
  });

  it('shows the demand it answers, shortened, to the demand’s branch and to the taker only', () => {
    const demand = { text: '一'.repeat(45), compoundId: 'c1' };
    const shortened = `${'一'.repeat(40)}…`;
    const caller = (userId: string, granted: Role[], branchCompoundIds: string[] = []) => ({
      userId,
      granted,
      branchCompoundIds,
    });
    expect(projectDemandText(demand, { takerId: null }, caller('s', [Role.Secretary]))).toBe(shortened);
    expect(projectDemandText(demand, { takerId: null }, caller('b', [Role.BranchSecretary], ['c1']))).toBe(
      shortened,
    );
    expect(
      projectDemandText(demand, { takerId: null }, caller('b', [Role.BranchSecretary], ['c2'])),
    ).toBeNull();
    expect(projectDemandText(demand, { takerId: 'v1' }, caller('v1', [Role.Volunteer]))).toBe(shortened);
    expect(projectDemandText({ text: '短', compoundId: null }, { takerId: 'v1' }, caller('v1', []))).toBe(
      '短',
    );
  });
});

describe('需求单', () => {
  it('counts open and resolved demands per category and compound, rejected ones left out, most open first', () => {
    expect(
      demandListRows([
        { category: '环境卫生', compound: '阳光里', status: 'resolved' },
        { category: '养老服务', compound: '阳光里', status: 'reported' },
        { category: '环境卫生', compound: '阳光里', status: 'in_progress' },
        { category: '养老服务', compound: '阳光里', status: 'accepted' },
        { category: '其他', compound: null, status: 'rejected' },
      ]),
    ).toEqual([
      { category: '养老服务', compound: '阳光里', open: 2, resolved: 0 },
      { category: '环境卫生', compound: '阳光里', open: 1, resolved: 1 },
    ]);
  });
});
