import { toVisitRequest, validateVisit, VisitForm } from './visit-form';

const FORM: VisitForm = {
  day: '2026-11-23',
  visitorIds: [],
  residents: 2,
  rented: null,
  moveInMonth: '',
  phone: '',
  flags: [],
  notes: '',
  demands: [],
};

describe('the visit form', () => {
  it('sends what was filled: companions, move-in month, demands with their photos', () => {
    const now = new Date('2026-11-23T02:00:00.000Z');
    expect(
      toVisitRequest(
        {
          ...FORM,
          visitorIds: ['u4'],
          moveInMonth: '2019-05',
          phone: '138 0000 1111',
          demands: [{ key: 0, category: '住房维修', text: ' 窗户漏风 ', photoIds: ['p1'] }],
        },
        '2026-11-23',
        now,
      ),
    ).toEqual({
      visitedAt: now.toISOString(),
      visitorIds: ['u4'],
      residents: 2,
      moveInDate: '2019-05',
      phone: '13800001111',
      flags: [],
      demands: [{ category: '住房维修', text: '窗户漏风', photoIds: ['p1'] }],
    });
  });

  it('leaves out what was not filled, and dates an earlier day at noon in China', () => {
    expect(toVisitRequest({ ...FORM, day: '2026-11-20' }, '2026-11-23')).toEqual({
      visitedAt: '2026-11-20T12:00:00.000+08:00',
      residents: 2,
      flags: [],
    });
  });

  it('asks for a valid phone and complete demands', () => {
    expect(
      validateVisit({
        ...FORM,
        phone: '12345',
        demands: [{ key: 0, category: '', text: '', photoIds: [] }],
      }),
    ).toEqual({
      phone: '手机号码格式不正确，请填写 11 位手机号或带区号的座机',
      demands: '每条诉求都要选类别并写明内容',
    });
  });

  it('holds the notes and each demand to the contract’s limits, counted as the server counts', () => {
    expect(
      validateVisit({
        ...FORM,
        notes: '好'.repeat(1001),
        demands: [{ key: 0, category: '其他', text: '😀'.repeat(501), photoIds: [] }],
      }),
    ).toEqual({ notes: '走访情况最多 1000 个字', demands: '每条诉求最多 500 个字' });
    expect(
      validateVisit({
        ...FORM,
        demands: [{ key: 0, category: '其他', text: '😀'.repeat(500), photoIds: [] }],
      }),
    ).toEqual({});
  });

  it('refuses what cannot be shown, and a demand of invisible characters only', () => {
    expect(
      validateVisit({
        ...FORM,
        notes: '门铃\u202e坏了',
        demands: [{ key: 0, category: '其他', text: '\u200b\u200b', photoIds: [] }],
      }),
    ).toEqual({
      notes: '含有无法显示的字符，请删掉后重新输入',
      demands: '每条诉求都要选类别并写明内容',
    });
  });
});
