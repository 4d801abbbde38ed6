import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Role } from '@redvest/contract';
import { setTransport } from '../../services/api';
import * as files from '../../services/files';
import { fakeTransport, ok } from '../../test/fake-transport';
import { click, findByTextIn } from '../../test/dom';
import { meFixture, membershipFixture } from '../../test/fixtures';
import { annualRowFixture, evaluationFixture } from '../../test/contact-lists-fixtures';
import EvaluationPage, { yearChoices } from './index';

const thisYear = Number(yearChoices()[0].key);

const groupLeader = () =>
  meFixture({
    memberships: [membershipFixture({ roles: [Role.GroupLeader] })],
  });

const card = (name: string) => findByTextIn('.eval-card', name);

describe('年度评价 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it("lists a group leader's members with the ratings given, and rates one", async () => {
    let rated = false;
    const fake = fakeTransport({
      'GET /api/me': ok(groupLeader()),
      'GET /api/communities/c1/evaluations': (request) =>
        ok({
          year: request.query?.year,
          items: [
            evaluationFixture({
              ratings: rated ? { group: { grade: 'excellent', comment: '走访认真' } } : {},
            }),
            evaluationFixture({
              userId: 'u3',
              name: '李明',
              employer: null,
              ratings: { group: { grade: 'good', comment: null }, branch: { grade: 'fair', comment: null } },
            }),
          ],
        }),
      'PUT /api/communities/c1/evaluations/u2': ok(undefined),
    });
    setTransport(fake.transport);

    render(<EvaluationPage />);
    expect(await screen.findByText('张建国')).toBeTruthy();
    expect(fake.requests.find((r) => r.path === '/api/communities/c1/evaluations')?.query).toEqual({
      year: thisYear,
    });
    expect(within(card('张建国')).getByText('市税务局 · 阳光里小区')).toBeTruthy();
    expect(within(card('张建国')).getByText('未评价')).toBeTruthy();
    expect(within(card('李明')).getByText('合格')).toBeTruthy();
    // Given by the branch: shown, not the group leader's to change.
    expect(within(card('李明')).getByText('支部评价')).toBeTruthy();
    expect(within(card('李明')).getByText('基本合格')).toBeTruthy();
    expect(within(card('李明')).getAllByText('修改')).toHaveLength(1);
    // Not a secretary: no report and no export.
    expect(screen.queryByText('导出年度表（Excel）')).toBeNull();
    expect(screen.queryByText('服务时长')).toBeNull();
    expect(fake.requests.some((r) => r.path.includes('/reports/'))).toBe(false);

    fireEvent.click(within(card('张建国')).getByText('评价'));
    expect(await screen.findByText('张建国 · ' + thisYear + ' 年度')).toBeTruthy();
    fireEvent.click(screen.getByText('优秀'));
    const field = await waitFor(() => {
      const found = document.querySelector<HTMLTextAreaElement>('.rv-dialog textarea');
      if (!found) throw new Error('no comment');
      return found;
    });
    await act(async () => {
      fireEvent.input(field, { target: { value: ' 走访认真 ' } });
    });
    rated = true;
    await click(screen.getByText('提交评价'));

    expect(fake.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      year: thisYear,
      level: 'group',
      grade: 'excellent',
      comment: '走访认真',
    });
    expect(await screen.findByText('评语：走访认真')).toBeTruthy();
    expect(within(card('张建国')).getByText('优秀')).toBeTruthy();
    expect(fake.requests.filter((r) => r.path === '/api/communities/c1/evaluations')).toHaveLength(2);
  });

  it('loads another year when picked', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(groupLeader()),
      'GET /api/communities/c1/evaluations': ok({ year: thisYear, items: [] }),
    });
    setTransport(fake.transport);

    render(<EvaluationPage />);
    expect(await screen.findByText('没有需要您评价的党员')).toBeTruthy();
    fireEvent.click(screen.getByText(`${thisYear - 1}年`));
    await waitFor(() =>
      expect(fake.requests.filter((r) => r.path === '/api/communities/c1/evaluations').pop()?.query).toEqual({
        year: thisYear - 1,
      }),
    );
  });

  it("shows a secretary every member's year in figures, and all three levels to rate", async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/evaluations': ok({
        year: thisYear,
        items: [evaluationFixture({ levels: ['group', 'branch', 'community'] })],
      }),
      'GET /api/communities/c1/reports/annual': ok({
        communityId: 'c1',
        year: thisYear,
        members: [
          annualRowFixture(),
          annualRowFixture({
            userId: 'u5',
            name: '赵敏',
            employer: '市教育局',
            minutes: 90,
            ratings: { community: 'good' },
          }),
        ],
      }),
    });
    setTransport(fake.transport);

    render(<EvaluationPage />);
    expect(await screen.findByText('张建国')).toBeTruthy();
    const zhang = card('张建国');
    expect(within(zhang).getAllByText('评价')).toHaveLength(3);
    expect(within(zhang).getByText('参加活动')).toBeTruthy();
    expect(within(zhang).getByText('12')).toBeTruthy();
    expect(within(zhang).getByText('25 小时 30 分钟')).toBeTruthy();
    expect(within(zhang).getByText('260')).toBeTruthy();
    // In the report but not for the caller to rate: the figures and the rating given.
    const zhao = card('赵敏');
    expect(within(zhao).getByText('1 小时 30 分钟')).toBeTruthy();
    expect(within(zhao).getByText('社区评价')).toBeTruthy();
    expect(within(zhao).getByText('合格')).toBeTruthy();
    expect(within(zhao).queryByText('评价')).toBeNull();
    expect(fake.requests.find((r) => r.path === '/api/communities/c1/reports/annual')?.query).toEqual({
      year: thisYear,
    });
  });

  it('downloads the year as a spreadsheet with the login', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(meFixture()),
        'GET /api/communities/c1/evaluations': ok({ year: thisYear, items: [evaluationFixture()] }),
        'GET /api/communities/c1/reports/annual': ok({ communityId: 'c1', year: thisYear, members: [] }),
      }).transport,
    );
    const save = jest.spyOn(files, 'saveSpreadsheetWithLogin');
    const fetchMock = jest.fn(async () => ({ ok: true, status: 200, blob: async () => new Blob(['xlsx']) }));
    Object.assign(globalThis, { fetch: fetchMock });
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:sheet'), revokeObjectURL: jest.fn() });
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    render(<EvaluationPage />);
    await click(await screen.findByText('导出年度表（Excel）'));

    expect(save).toHaveBeenCalledWith(
      `/api/communities/c1/reports/annual/export?year=${thisYear}`,
      `${thisYear}年在职党员社区服务情况.xlsx`,
    );
    expect(fetchMock).toHaveBeenCalledWith(`/api/communities/c1/reports/annual/export?year=${thisYear}`, {
      headers: { authorization: 'Bearer test-token' },
    });
    expect(clicked).toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已开始下载', icon: 'success' });
    clicked.mockRestore();
    save.mockRestore();
  });

  it('tells a member without the role that they cannot rate', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(
        meFixture({
          memberships: [membershipFixture({ roles: [Role.PartyMember] })],
        }),
      ),
    });
    setTransport(fake.transport);

    render(<EvaluationPage />);
    expect(await screen.findByText('没有评价权限')).toBeTruthy();
    expect(fake.requests.some((r) => r.path.includes('evaluations'))).toBe(false);
  });
});
