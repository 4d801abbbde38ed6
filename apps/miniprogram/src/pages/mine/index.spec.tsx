import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode, MembershipStatus, Role } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { errorResponse, fakeTransport, ok } from '../../test/fake-transport';
import { click } from '../../test/dom';
import { meFixture, pointsFixture } from '../../test/fixtures';
import { invitationFixture } from '../../test/privacy-fixtures';
import MinePage from './index';

describe('我的 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('shows each community with its status and the roles in Chinese, most powerful first', async () => {
    const fake = fakeTransport({ 'GET /api/me': ok(meFixture()) });
    setTransport(fake.transport);

    render(<MinePage />);

    expect(await screen.findByText('襄阳街社区')).toBeTruthy();
    expect(screen.getByText('王书记')).toBeTruthy();
    expect(screen.getByText('社区书记')).toBeTruthy();
    expect(screen.getByText('已认证')).toBeTruthy();
    expect(screen.getByText('檀溪社区')).toBeTruthy();
    expect(screen.getByText('待审核')).toBeTruthy();
    expect(screen.getByText('檀溪花园')).toBeTruthy();
    expect(screen.getByText('市税务局机关党委')).toBeTruthy();
    const labels = screen.getAllByText(/^(在职党员|居民)$/).map((node) => node.textContent);
    expect(labels).toEqual(['在职党员', '居民']);
    expect(fake.requests[0].headers.authorization).toBe('Bearer test-token');
  });

  it('offers the secretary tools only in the community where the user is secretary', async () => {
    setTransport(fakeTransport({ 'GET /api/me': ok(meFixture()) }).transport);

    render(<MinePage />);

    fireEvent.click(await screen.findByText('成员审核'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/members/index?cid=c1' });
    expect(screen.getAllByText('成员审核')).toHaveLength(1);
    expect(screen.getAllByText('楼栋住户')).toHaveLength(1);
    fireEvent.click(screen.getByText('审计日志'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/audit/index?cid=c1' });
  });

  it('shows my balance on 我的积分 and opens the points page', async () => {
    setTransport(
      fakeTransport({ 'GET /api/me': ok(meFixture()), 'GET /api/me/points': ok(pointsFixture()) }).transport,
    );

    render(<MinePage />);

    expect(await screen.findByText('60')).toBeTruthy();
    fireEvent.click(screen.getByText('我的积分'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-points/index' });
  });

  it('gives a secretary 积分审批 and 商品管理, and a branch secretary 积分审批 only', async () => {
    setTransport(fakeTransport({ 'GET /api/me': ok(meFixture()) }).transport);
    const { unmount } = render(<MinePage />);

    fireEvent.click(await screen.findByText('积分审批'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/approvals/index?cid=c1' });
    fireEvent.click(screen.getByText('商品管理'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/rewards/index?cid=c1' });
    unmount();

    const branch = meFixture();
    branch.memberships = [
      {
        ...branch.memberships[0],
        roles: [Role.BranchSecretary],
        branchCompounds: [{ id: 'k1', name: '阳光里小区' }],
      },
      { ...branch.memberships[1], status: MembershipStatus.Active },
    ];
    setTransport(fakeTransport({ 'GET /api/me': ok(branch) }).transport);
    render(<MinePage />);

    expect(await screen.findByText('积分审批')).toBeTruthy();
    expect(screen.getAllByText('积分审批')).toHaveLength(1);
    expect(screen.queryByText('商品管理')).toBeNull();
    expect(screen.queryByText('成员审核')).toBeNull();
    expect(screen.queryByText('审计日志')).toBeNull();
  });

  it('invites a user without a community to join one', async () => {
    setTransport(fakeTransport({ 'GET /api/me': ok(meFixture({ memberships: [] })) }).transport);

    render(<MinePage />);

    expect(await screen.findByText('还没有加入社区')).toBeTruthy();
    expect(screen.getAllByText('加入社区').length).toBeGreaterThan(0);
  });

  it('shows the server’s message when loading fails, and loads again on 重试', async () => {
    let calls = 0;
    setTransport(
      fakeTransport({
        'GET /api/me': () => (++calls === 1 ? errorResponse(ErrorCode.DatabaseUnavailable) : ok(meFixture())),
      }).transport,
    );

    render(<MinePage />);

    expect(await screen.findByText('数据服务暂时不可用')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    await waitFor(() => expect(screen.getByText('襄阳街社区')).toBeTruthy());
    expect(calls).toBe(2);
  });

  it('sends the user to the login page when the session has expired', async () => {
    setTransport(fakeTransport({ 'GET /api/me': errorResponse(ErrorCode.TokenInvalid) }).transport);

    render(<MinePage />);

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(Taro.getStorageSync('token')).toBe('');
  });

  it('shows an invitation and joins only after the user confirms 同意加入', async () => {
    let joined = false;
    const fake = fakeTransport({
      'GET /api/me': () => ok(meFixture(joined ? {} : { memberships: [] })),
      'GET /api/me/invitations': () => ok({ items: joined ? [] : [invitationFixture()] }),
      'POST /api/invitations/i1/accept': () => {
        joined = true;
        return ok(invitationFixture({ status: 'accepted' }));
      },
    });
    setTransport(fake.transport);
    render(<MinePage />);

    expect(await screen.findByText('清河社区邀请您加入')).toBeTruthy();
    expect(screen.getByText(/李书记邀请您以在职党员、居民的身份加入/)).toBeTruthy();
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    await click(screen.getByText('同意加入'));
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);

    await click(screen.getByText('同意加入'));
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: expect.stringContaining('社区工作人员可以看到您的微信昵称') }),
    );
    expect(fake.requests.find((r) => r.method === 'POST')?.path).toBe('/api/invitations/i1/accept');
    await waitFor(() => expect(screen.queryByText('清河社区邀请您加入')).toBeNull());
    expect(await screen.findByText('襄阳街社区')).toBeTruthy();
  });

  it('says why an invitation can no longer be accepted, and shows the invitations as they are now', async () => {
    let withdrawn = false;
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/me/invitations': () => ok({ items: withdrawn ? [] : [invitationFixture()] }),
      'POST /api/invitations/i1/accept': () => {
        withdrawn = true;
        return errorResponse(ErrorCode.InvitationAnswered);
      },
    });
    setTransport(fake.transport);
    render(<MinePage />);

    await click(await screen.findByText('同意加入'));
    expect(Taro.showModal).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '没有加入', content: '该邀请已经处理过或已失效', showCancel: false }),
    );
    await waitFor(() => expect(screen.queryByText('清河社区邀请您加入')).toBeNull());
    expect(fake.requests.filter((r) => r.path === '/api/me/invitations')).toHaveLength(2);
  });

  it('declines an invitation', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/me/invitations': ok({ items: [invitationFixture()] }),
      'POST /api/invitations/i1/decline': ok(invitationFixture({ status: 'declined' })),
    });
    setTransport(fake.transport);
    render(<MinePage />);

    await click(await screen.findByText('拒绝'));
    expect(fake.requests.find((r) => r.method === 'POST')?.path).toBe('/api/invitations/i1/decline');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已拒绝' }));
  });

  it('leaves a community after saying what leaving does, and shows why when the server refuses', async () => {
    let left = false;
    const fake = fakeTransport({
      'GET /api/me': () =>
        ok(left ? meFixture({ memberships: meFixture().memberships.slice(0, 1) }) : meFixture()),
      'POST /api/communities/c1/leave': errorResponse(ErrorCode.LastSecretaryMustHandOver),
      'POST /api/communities/c2/leave': () => {
        left = true;
        return ok({ communityId: 'c2' });
      },
    });
    setTransport(fake.transport);
    render(<MinePage />);

    await screen.findByText('檀溪社区');
    await click(screen.getByText('退出社区'));
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '退出襄阳街社区', content: expect.stringContaining('退回积分') }),
    );
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenLastCalledWith(
        expect.objectContaining({ title: '没有退出', content: expect.stringContaining('唯一的社区书记') }),
      ),
    );

    await click(screen.getByText('撤回申请'));
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/api/communities/c1/leave',
      '/api/communities/c2/leave',
    ]);
    await waitFor(() => expect(screen.queryByText('檀溪社区')).toBeNull());
  });

  it('opens 导出我的数据 and 注销账号', async () => {
    setTransport(fakeTransport({ 'GET /api/me': ok(meFixture()) }).transport);
    render(<MinePage />);

    fireEvent.click(await screen.findByText('导出我的数据'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-account/my-data' });
    fireEvent.click(screen.getByText('注销账号'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-account/delete-account' });
  });

  it('asks for the privacy notice first when the user has not agreed to its current version', async () => {
    const me = meFixture({ privacy: { agreedVersion: null, currentVersion: '2026-11' } });
    setTransport(fakeTransport({ 'GET /api/me': ok(me) }).transport);

    render(<MinePage />);

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/privacy/index' }));
  });

  it('退出登录 asks first, then ends this login on the server and opens the login page', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'POST /api/auth/logout': { status: 204, data: '' },
    });
    setTransport(fake.transport);
    render(<MinePage />);

    const button = await screen.findByText('退出登录');
    await act(async () => {
      fireEvent.click(button);
    });

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出登录' }));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    const logout = fake.requests.find((request) => request.path === '/api/auth/logout');
    expect(logout?.headers.authorization).toBe('Bearer test-token');
    expect(Taro.getStorageSync('token')).toBe('');
  });

  it('退出所有设备 warns what it does, and does nothing when not confirmed', async () => {
    const fake = fakeTransport({ 'GET /api/me': ok(meFixture()) });
    setTransport(fake.transport);
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<MinePage />);

    const button = await screen.findByText('退出所有设备');
    await act(async () => {
      fireEvent.click(button);
    });

    const modal = (Taro.showModal as jest.Mock).mock.calls[0][0];
    expect(modal).toMatchObject({ title: '退出所有设备', confirmText: '全部退出' });
    expect(modal.content).toContain('所有手机上的登录都会失效');
    expect(fake.requests.some((request) => request.path === '/api/auth/logout-all')).toBe(false);
    expect(Taro.getStorageSync('token')).toBe('test-token');
  });

  it('退出所有设备 ends every login, or says why not and stays logged in', async () => {
    let calls = 0;
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'POST /api/auth/logout-all': () =>
        ++calls === 1 ? errorResponse(ErrorCode.DatabaseUnavailable) : { status: 204, data: '' },
    });
    setTransport(fake.transport);
    render(<MinePage />);

    const button = await screen.findByText('退出所有设备');
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '数据服务暂时不可用' })),
    );
    expect(Taro.getStorageSync('token')).toBe('test-token');
    expect(Taro.reLaunch).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByText('退出所有设备'));
    });
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(Taro.getStorageSync('token')).toBe('');
  });
});
