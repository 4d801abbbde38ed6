import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Role } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { meFixture } from '../../test/fixtures';
import HomePage from '../../pages/home/index';
import MinePage from '../../pages/mine/index';

/** A branch secretary in 襄阳街社区: approves points there, but does not run activities. */
function branchSecretary() {
  const me = meFixture();
  me.memberships = [
    { ...me.memberships[0], roles: [Role.BranchSecretary], branchCompounds: [{ id: 'k1', name: '阳光里' }] },
  ];
  return me;
}

describe('entries to 活动管理 and 服务记录更正', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('are among a secretary’s tools on 我的', async () => {
    setTransport(fakeTransport({ 'GET /api/me': ok(meFixture()) }).transport);
    render(<MinePage />);

    fireEvent.click(await screen.findByText('活动管理'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/activities/index?cid=c1' });
    fireEvent.click(screen.getByText('服务记录更正'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/corrections/index?cid=c1' });
    // Only in the community where the user is secretary.
    expect(screen.getAllByText('活动管理')).toHaveLength(1);
  });

  it('are on 首页 for the current community’s secretary', async () => {
    setTransport(fakeTransport({ 'GET /api/me': ok(meFixture()) }).transport);
    render(<HomePage />);

    fireEvent.click(await screen.findByText('活动管理'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/activities/index?cid=c1' });
    fireEvent.click(screen.getByText('服务记录更正'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/corrections/index?cid=c1' });
  });

  it('are not offered to a branch secretary', async () => {
    setTransport(fakeTransport({ 'GET /api/me': ok(branchSecretary()) }).transport);
    const { unmount } = render(<HomePage />);
    expect(await screen.findByText('积分审批')).toBeTruthy();
    expect(screen.queryByText('活动管理')).toBeNull();
    unmount();

    render(<MinePage />);
    expect(await screen.findByText('积分审批')).toBeTruthy();
    expect(screen.queryByText('活动管理')).toBeNull();
    expect(screen.queryByText('服务记录更正')).toBeNull();
  });
});
