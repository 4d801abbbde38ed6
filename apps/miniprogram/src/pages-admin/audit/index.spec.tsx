import { act, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { AuditAction, AuditEntryView, ErrorCode, Role } from '@redvest/contract';
import { setTransport } from '../../services/api';
import * as files from '../../services/files';
import { chinaDay } from '../../services/format';
import { errorResponse, fakeTransport, ok } from '../../test/fake-transport';
import { click, findByTextIn } from '../../test/dom';
import { meFixture, membershipFixture } from '../../test/fixtures';
import AuditLogPage from './index';
import { periodDays } from './filters';

const LOG = '/api/communities/c1/audit-log';

function entry(overrides: Partial<AuditEntryView> = {}): AuditEntryView {
  return {
    id: 'e12',
    sequence: 12,
    at: '2026-11-23T18:30:00.000+08:00',
    actorId: 'u1',
    actorName: '王红',
    actorRole: Role.Secretary,
    actorRoleLabel: '社区书记',
    action: AuditAction.PointsApprove,
    actionLabel: '积分审批通过',
    targetType: 'transfer',
    targetId: 't1',
    subjectId: 'u2',
    subjectName: '赵志远',
    summary: '通过：志愿服务签到 15 积分 + 120 分钟',
    ip: '203.0.113.9',
    userAgent: 'Mozilla/5.0',
    ...overrides,
  };
}

const page = (items: AuditEntryView[], nextCursor: string | null = null) => ok({ items, nextCursor });
const card = (text: string) => findByTextIn('.audit-card', text);
/** The list has come: the first entry's last line (its action's name is also on the action picker's wheel). */
const shown = () => screen.findByText('第 12 条 · IP 203.0.113.9');
const logRequests = (fake: ReturnType<typeof fakeTransport>) => fake.requests.filter((r) => r.path === LOG);

describe('审计日志 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('shows who did what to whom, when and from where, for the last seven days', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      [`GET ${LOG}`]: page([
        entry(),
        entry({
          id: 'e11',
          sequence: 11,
          actorId: 'admin',
          actorName: '平台运维',
          actorRole: 'platform_admin',
          actorRoleLabel: '平台管理员',
          action: AuditAction.MemberRolesSet,
          actionLabel: '设置成员角色',
          subjectName: '',
          summary: '角色设为：社区书记、居民（原为：居民）',
          ip: null,
        }),
      ]),
    });
    setTransport(fake.transport);
    render(<AuditLogPage />);

    await shown();
    const approval = card('积分审批通过');
    expect(within(approval).getByText('王红')).toBeTruthy();
    expect(within(approval).getByText('社区书记')).toBeTruthy();
    expect(within(approval).getByText('涉及成员：赵志远')).toBeTruthy();
    expect(within(approval).getByText('通过：志愿服务签到 15 积分 + 120 分钟')).toBeTruthy();
    expect(within(approval).getByText('第 12 条 · IP 203.0.113.9')).toBeTruthy();
    expect(within(approval).getByText('11月23日 18:30', { exact: false })).toBeTruthy();
    const roles = card('设置成员角色');
    expect(within(roles).getByText('平台管理员')).toBeTruthy();
    // A member whose personal data was erased has no name any more.
    expect(within(roles).getByText('涉及成员：（已注销）')).toBeTruthy();
    expect(logRequests(fake)[0].query).toEqual({ ...periodDays('week'), limit: 20 });
  });

  it('narrows by period, by action and by person, and pages on', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      [`GET ${LOG}`]: (request) =>
        request.query?.cursor ? page([entry({ id: 'e1', sequence: 1 })]) : page([entry()], '12'),
    });
    setTransport(fake.transport);
    render(<AuditLogPage />);
    await shown();

    const onReachBottom = (Taro.useReachBottom as jest.Mock).mock.calls.at(-1)?.[0];
    await act(async () => onReachBottom());
    expect(logRequests(fake).at(-1)?.query).toMatchObject({ cursor: '12' });
    expect(await screen.findByText('第 1 条 · IP 203.0.113.9')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();

    await click(screen.getByText('今天'));
    await waitFor(() =>
      expect(logRequests(fake).at(-1)?.query).toEqual({
        from: chinaDay(new Date()),
        to: chinaDay(new Date()),
        limit: 20,
      }),
    );

    const picker = document.querySelector('taro-picker-core');
    await act(async () => {
      picker?.dispatchEvent(new CustomEvent('change', { detail: { value: 1 } }));
    });
    await waitFor(() =>
      expect(logRequests(fake).at(-1)?.query).toMatchObject({ action: AuditAction.CommunityCreate }),
    );
    expect(screen.getByText('创建社区', { selector: '.rv-picker-row__label' })).toBeTruthy();

    await shown();
    await click(within(card('第 12 条')).getByText('只看此人'));
    await waitFor(() => expect(logRequests(fake).at(-1)?.query).toMatchObject({ actorId: 'u1' }));
    expect(screen.getByText('只看：王红')).toBeTruthy();
    await click(screen.getByLabelText('不再只看王红'));
    await waitFor(() => expect(logRequests(fake).at(-1)?.query?.actorId).toBeUndefined());

    await click(screen.getByText('全部'));
    await waitFor(() =>
      expect(logRequests(fake).at(-1)?.query).toEqual({ action: AuditAction.CommunityCreate, limit: 20 }),
    );
  });

  it('refreshes when pulled down', async () => {
    const fake = fakeTransport({ 'GET /api/me': ok(meFixture()), [`GET ${LOG}`]: page([entry()]) });
    setTransport(fake.transport);
    render(<AuditLogPage />);
    await shown();
    const onPullDown = (Taro.usePullDownRefresh as jest.Mock).mock.calls.at(-1)?.[0];
    await act(async () => onPullDown());
    expect(logRequests(fake)).toHaveLength(2);
  });

  it('says so when there is nothing in the period, and offers a retry when loading fails', async () => {
    let fail = true;
    setTransport(
      fakeTransport({
        'GET /api/me': ok(meFixture()),
        [`GET ${LOG}`]: () => (fail ? errorResponse(ErrorCode.Internal) : page([])),
      }).transport,
    );
    render(<AuditLogPage />);
    expect(await screen.findByText('加载失败')).toBeTruthy();
    fail = false;
    await click(screen.getByText('重试'));
    expect(await screen.findByText('这段时间没有记录')).toBeTruthy();
  });

  it('exports what the filters show as a spreadsheet, with the login', async () => {
    setTransport(
      fakeTransport({ 'GET /api/me': ok(meFixture()), [`GET ${LOG}`]: page([entry()]) }).transport,
    );
    const save = jest.spyOn(files, 'saveSpreadsheetWithLogin').mockResolvedValue(undefined);
    render(<AuditLogPage />);
    await shown();
    await click(screen.getByText('今天'));
    await click(screen.getByText('导出 Excel'));
    const day = chinaDay(new Date());
    expect(save).toHaveBeenCalledWith(
      `/api/communities/c1/audit-log/export?from=${day}&to=${day}`,
      `审计日志-${day}.xlsx`,
    );
    save.mockRestore();
  });

  it('is for the community’s secretaries only', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture({ memberships: [membershipFixture({ roles: [Role.BranchSecretary] })] })),
    });
    setTransport(fake.transport);
    render(<AuditLogPage />);
    expect(await screen.findByText('没有查看权限')).toBeTruthy();
    expect(logRequests(fake)).toEqual([]);
  });
});
