import { certificatePeriod, checkCorrection, periodProblem } from './records-validate';

describe('申请更正 form', () => {
  it('turns hours and minutes into the minutes the server takes', () => {
    expect(checkCorrection({ hours: '2', minutes: '30', reason: '签退时手机没电' }, 60)).toEqual({
      minutes: 150,
    });
    expect(checkCorrection({ hours: '', minutes: '45', reason: '忘了签退' }, 0)).toEqual({ minutes: 45 });
  });

  it('asks for whole numbers, a different time and a reason', () => {
    expect(checkCorrection({ hours: '1.5', minutes: '', reason: '' }, 0)).toEqual({
      errors: {
        time: '请填写整数：小时，以及 0 到 59 分钟',
        reason: '请说明原因，例如“签退时手机没电，实际服务到 11 点”',
      },
    });
    expect(checkCorrection({ hours: '1', minutes: '75', reason: '原因' }, 0)).toHaveProperty('errors.time');
    expect(checkCorrection({ hours: '1', minutes: '0', reason: '原因' }, 60)).toEqual({
      errors: { time: '与现在记录的时长相同，请填写实际服务的时长' },
    });
    expect(checkCorrection({ hours: '200', minutes: '0', reason: '原因' }, 0)).toEqual({
      errors: { time: '服务时长不能超过 7 天' },
    });
  });
});

describe('志愿服务证明 period', () => {
  const now = new Date('2026-11-23T10:00:00+08:00');

  it('covers this year so far, or the whole of last year, in China days', () => {
    expect(certificatePeriod('this_year', { from: '', to: '' }, now)).toEqual({
      from: '2026-01-01',
      to: '2026-11-23',
    });
    expect(certificatePeriod('last_year', { from: '', to: '' }, now)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(certificatePeriod('custom', { from: '2026-03-01', to: '2026-06-30' }, now)).toEqual({
      from: '2026-03-01',
      to: '2026-06-30',
    });
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodProblem({ from: '2026-06-30', to: '2026-03-01' })).toBe('开始日期不能晚于结束日期');
    expect(periodProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
  });
});
