import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { adminActivityFixture, attendeeFixture, memberFixture } from '../../test/activity-admin-fixtures';
import ActivityAdminPage from './index';

const attendees = {
  items: [
    attendeeFixture(),
    attendeeFixture({
      id: 't2',
      userId: 'u2',
      name: '陈丽',
      phone: '136****8899',
      checkedOutAt: '2026-11-23T11:00:00.000+08:00',
      minutes: 115,
      status: 'closed',
      points: 10,
    }),
    attendeeFixture({ id: 't3', userId: 'u3', name: '刘大爷', phone: null, proxyBy: 's1', offline: false }),
  ],
};

function row(name: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('.attendee')].find((node) =>
    node.textContent?.includes(name),
  );
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

function routes(extra: Parameters<typeof fakeTransport>[0] = {}) {
  return fakeTransport({
    'GET /api/activities/a1': ok(adminActivityFixture()),
    'GET /api/activities/a1/attendances': ok(attendees),
    ...extra,
  });
}

describe('活动详情 (secretary) page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { activityId: 'a1' }, path: '' });
  });

  it('shows the activity and its attendance list with status tags and masked phones', async () => {
    setTransport(routes().transport);
    render(<ActivityAdminPage />);

    expect(await screen.findByText('小区环境整治志愿服务')).toBeTruthy();
    expect(screen.getByText('3 / 30 人')).toBeTruthy();
    expect(screen.getByText('11月23日 09:00–11:30')).toBeTruthy();
    expect(screen.getByText('每次签到 10 积分，需审批')).toBeTruthy();
    await screen.findByText('赵志远');
    expect(document.querySelectorAll('.attendee')).toHaveLength(3);
    expect(within(row('赵志远')).getByText('已签到')).toBeTruthy();
    expect(within(row('赵志远')).getByText('138****1234')).toBeTruthy();
    expect(within(row('赵志远')).getByText('签到 09:05')).toBeTruthy();
    expect(within(row('陈丽')).getByText('已签退')).toBeTruthy();
    expect(within(row('陈丽')).getByText('时长 1 小时 55 分钟')).toBeTruthy();
    expect(within(row('陈丽')).getByText('签退 11:00')).toBeTruthy();
    expect(within(row('陈丽')).queryByText('代签退')).toBeNull();
    expect(within(row('刘大爷')).getByText('代签')).toBeTruthy();
    expect(within(row('刘大爷')).getByText('未留电话')).toBeTruthy();
    expect(screen.getByText('签到名单（3 人）')).toBeTruthy();
    // No phone is ever shown in full.
    expect(document.body.textContent).not.toMatch(/1\d{10}/);
  });

  it('opens the live code and the poster', async () => {
    setTransport(routes().transport);
    render(<ActivityAdminPage />);

    fireEvent.click(await screen.findByText('显示签到码'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/live-code/index?activityId=a1' });
    fireEvent.click(screen.getByText('打印海报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/poster/index?activityId=a1' });
    fireEvent.click(screen.getByText('编辑活动'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/activities/edit?activityId=a1' });
  });

  it('checks in a member picked by name (代签到)', async () => {
    const fake = routes({
      'GET /api/communities/c1/members': ok({
        items: [
          memberFixture(),
          memberFixture({ userId: 'u1', realName: '赵志远' }),
          memberFixture({ userId: 'u6', realName: '孙建国', phone: '137****0001' }),
        ],
        nextCursor: null,
      }),
      'POST /api/activities/a1/proxy-checkins': ok(attendeeFixture({ userId: 'u6' })),
    });
    setTransport(fake.transport);
    render(<ActivityAdminPage />);

    fireEvent.click(await screen.findByText('代签到'));
    expect(await screen.findByText('孙建国')).toBeTruthy();
    expect(screen.getByText('已在名单中')).toBeTruthy();
    const search = await waitFor(() => {
      const found = document.querySelector<HTMLInputElement>('input[placeholder="输入姓名查找"]');
      if (!found) throw new Error('no search box');
      return found;
    });
    await act(async () => {
      fireEvent.input(search, { target: { value: '孙' } });
    });
    expect(screen.queryByText('周桂兰')).toBeNull();
    fireEvent.click(screen.getByText('孙建国'));
    await act(async () => {
      fireEvent.click(screen.getByText('为孙建国签到'));
    });

    const proxy = fake.requests.find((r) => r.method === 'POST');
    expect(proxy?.path).toBe('/api/activities/a1/proxy-checkins');
    expect(proxy?.body).toEqual({ userId: 'u6', action: 'check_in' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '孙建国已签到', icon: 'success' });
    const members = fake.requests.find((r) => r.path === '/api/communities/c1/members');
    expect(members?.query).toMatchObject({ status: 'active' });
  });

  it('checks out a row after asking', async () => {
    const fake = routes({
      'POST /api/activities/a1/proxy-checkins': ok(attendeeFixture({ status: 'closed' })),
    });
    setTransport(fake.transport);
    render(<ActivityAdminPage />);

    await screen.findByText('赵志远');
    await act(async () => {
      fireEvent.click(within(row('赵志远')).getByText('代签退'));
    });

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '代签退' }));
    const proxy = fake.requests.find((r) => r.method === 'POST');
    expect(proxy?.body).toEqual({ userId: 'u1', action: 'check_out' });
  });

  it('cancels the activity with a reason', async () => {
    const fake = routes({
      'POST /api/activities/a1/cancel': ok(
        adminActivityFixture({ phase: 'cancelled', cancelReason: '天气原因，活动延期' }),
      ),
    });
    setTransport(fake.transport);
    render(<ActivityAdminPage />);

    fireEvent.click(await screen.findByText('取消活动'));
    fireEvent.click(await screen.findByText('确定取消'));
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);
    // Taro's textarea draws its native box a moment after the dialog.
    await waitFor(() => expect(document.querySelector('.reason-dialog__input textarea')).toBeTruthy());
    fireEvent.click(screen.getByText('天气原因，活动延期'));
    await act(async () => {
      fireEvent.click(screen.getByText('确定取消'));
    });

    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '天气原因，活动延期' });
    expect(await screen.findByText('活动已取消：天气原因，活动延期')).toBeTruthy();
    expect(screen.queryByText('显示签到码')).toBeNull();
    expect(screen.queryByText('代签到')).toBeNull();
  });

  it('downloads the list as a spreadsheet with the login (H5)', async () => {
    setTransport(routes().transport);
    const fetchMock = jest.fn(async () => ({ ok: true, status: 200, blob: async () => new Blob(['xlsx']) }));
    const created = jest.fn(() => 'blob:sheet');
    Object.assign(globalThis, { fetch: fetchMock });
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<ActivityAdminPage />);

    const button = await screen.findByText('导出名单');
    await act(async () => {
      fireEvent.click(button);
    });

    expect(fetchMock).toHaveBeenCalledWith('/api/activities/a1/attendances/export', {
      headers: { authorization: 'Bearer test-token' },
    });
    expect(created).toHaveBeenCalled();
    expect(clicked).toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已开始下载', icon: 'success' });
    clicked.mockRestore();
  });
});
