import { adminActivityFixture } from '../../test/activity-admin-fixtures';
import { emptyForm, formOf, serverFieldErrors, updateOf, validateActivity } from './form';
import { addDays, chinaDateTime, dateLabel, daysBetween } from './time';

const filled = () => ({
  ...emptyForm(new Date('2026-11-23T20:00:00+08:00')),
  title: '重阳节敬老院慰问',
  category: '敬老孝老' as const,
  place: '社区敬老院',
});

describe('the activity form', () => {
  it('starts tomorrow in China, 09:00–11:00, whatever the phone’s zone', () => {
    // 17:00 UTC on the 23rd is already the 24th in China.
    const form = emptyForm(new Date('2026-11-23T17:00:00Z'));
    expect([form.startDate, form.startTime, form.endDate, form.endTime]).toEqual([
      '2026-11-25',
      '09:00',
      '2026-11-25',
      '11:00',
    ]);
  });

  it('reads an activity’s times in China time', () => {
    const form = formOf(adminActivityFixture({ startAt: '2026-11-23T01:00:00.000Z' }));
    expect([form.startDate, form.startTime]).toEqual(['2026-11-23', '09:00']);
  });

  it('asks for the whole location or none of it', () => {
    const { errors } = validateActivity({ ...filled(), located: true, latitude: '30.04', radiusM: '10' });
    expect(errors).toEqual({
      longitude: '请选择签到地点',
      radiusM: '签到范围应为 20 到 10000 米之间的整数',
    });
    const { request } = validateActivity({
      ...filled(),
      located: true,
      latitude: '30.0421',
      longitude: '112.1926',
      radiusM: '300',
    });
    expect(request).toMatchObject({ latitude: 30.0421, longitude: 112.1926, radiusM: 300 });
  });

  it('checks the texts as the server will: blank, too long, or holding what cannot be shown', () => {
    const { errors } = validateActivity({
      ...filled(),
      title: '\u200b',
      place: '社'.repeat(101),
      description: '请带手套\u202e',
    });
    expect(errors).toEqual({
      title: '请填写活动名称',
      place: '活动地点最多 100 个字',
      description: '含有无法显示的字符，请删掉后重新输入',
    });
  });

  it('refuses an activity longer than 7 days', () => {
    const { errors } = validateActivity({ ...filled(), endDate: addDays(filled().startDate, 8) });
    expect(errors.end).toBe('一次活动最长 7 天');
  });

  it('clears on the server what an edit emptied', () => {
    const original = adminActivityFixture({ latitude: 30, longitude: 112, radiusM: 300, capacity: 20 });
    const { request } = validateActivity({ ...formOf(original), located: false, capacity: '' });
    expect(updateOf(request!, original)).toMatchObject({
      capacity: null,
      latitude: null,
      longitude: null,
      radiusM: null,
      description: '请穿红马甲，带好手套',
    });
  });

  it('puts the server’s field errors under the fields, named when the message is short', () => {
    expect(
      serverFieldErrors([
        { field: 'title', message: '太长了' },
        { field: 'radiusM', message: '定位签到需要同时填写纬度、经度和半径' },
        { field: 'color', message: '不允许提交此字段' },
      ]),
    ).toEqual({
      errors: { title: '活动名称太长了', radiusM: '定位签到需要同时填写纬度、经度和半径' },
      other: ['不允许提交此字段'],
    });
  });
});

describe('activity times', () => {
  it('writes picked dates with the weekday, and the year when it is not this one', () => {
    const now = new Date('2026-11-23T10:00:00+08:00');
    expect(dateLabel('2026-11-23', now)).toBe('11月23日 周一');
    expect(dateLabel('2027-01-04', now)).toBe('2027年1月4日 周一');
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-11-28', '2026-12-02')).toBe(4);
    expect(chinaDateTime('2026-12-31T16:30:00Z')).toEqual({ date: '2027-01-01', time: '00:30' });
  });
});
