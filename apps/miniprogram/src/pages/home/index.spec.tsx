import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { MembershipStatus, Role } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { meFixture, membershipFixture } from '../../test/fixtures';
import HomePage from './index';

function withRoles(...roles: Role[]) {
  return meFixture({
    memberships: [membershipFixture({ roles })],
  });
}

async function renderFor(me: ReturnType<typeof meFixture>) {
  setTransport(fakeTransport({ 'GET /api/me': ok(me) }).transport);
  render(<HomePage />);
  await screen.findByText('常用服务');
}

/** A 首页 tile: a button named by its title, then its note. */
const tile = (title: string) => ({ name: new RegExp(`^${title}`) });

describe('首页 tiles by role', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('offers a resident neither', async () => {
    await renderFor(withRoles(Role.Resident));
    expect(screen.queryByRole('button', tile('三单'))).toBeNull();
    expect(screen.queryByRole('button', tile('年度评价'))).toBeNull();
  });

  it('offers a party member 三单 only', async () => {
    await renderFor(withRoles(Role.PartyMember));
    fireEvent.click(screen.getByRole('button', tile('三单')));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-contact/lists?cid=c1' });
    expect(screen.queryByRole('button', tile('年度评价'))).toBeNull();
  });

  it('offers a group leader both', async () => {
    await renderFor(withRoles(Role.GroupLeader));
    expect(screen.getByRole('button', tile('三单'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', tile('年度评价')));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/evaluation/index?cid=c1' });
  });

  it('offers branch secretaries and secretaries both', async () => {
    await renderFor(withRoles(Role.BranchSecretary));
    expect(screen.getByRole('button', tile('三单'))).toBeTruthy();
    expect(screen.getByRole('button', tile('年度评价'))).toBeTruthy();
  });

  it('offers a secretary both', async () => {
    await renderFor(meFixture());
    expect(screen.getByRole('button', tile('三单'))).toBeTruthy();
    expect(screen.getByRole('button', tile('年度评价'))).toBeTruthy();
  });

  it('offers nothing of the kind before the membership is verified', async () => {
    await renderFor(
      meFixture({
        memberships: [
          membershipFixture({ status: MembershipStatus.Pending, roles: [Role.Secretary, Role.GroupLeader] }),
        ],
      }),
    );
    expect(screen.queryByRole('button', tile('三单'))).toBeNull();
    expect(screen.queryByRole('button', tile('年度评价'))).toBeNull();
  });

  it('offers 审计日志 to a secretary, not to a branch secretary', async () => {
    await renderFor(meFixture());
    fireEvent.click(screen.getByRole('button', tile('审计日志')));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/audit/index?cid=c1' });
  });

  it('keeps 审计日志 from a branch secretary', async () => {
    await renderFor(withRoles(Role.BranchSecretary));
    expect(screen.queryByRole('button', tile('审计日志'))).toBeNull();
  });
});

describe('长辈模式 on 首页', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    Taro.removeStorageSync('elderlyMode');
    jest.clearAllMocks();
  });

  const resident = (settings: { elderlyMode: boolean; elderlyModeChosen: boolean }) =>
    meFixture({ settings, memberships: [membershipFixture({ roles: [Role.Resident] })] });

  it('is offered once to someone who is only a resident, and the answer is kept on the server', async () => {
    const chosen = resident({ elderlyMode: true, elderlyModeChosen: true });
    const { transport, requests } = fakeTransport({
      'GET /api/me': ok(resident({ elderlyMode: false, elderlyModeChosen: false })),
      'PUT /api/me/settings': ok(chosen),
    });
    setTransport(transport);
    render(<HomePage />);
    fireEvent.click(await screen.findByText('开启长辈模式'));
    await screen.findByLabelText('我要求助，说出难处，志愿者来帮您');
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({ elderlyMode: true });
    expect(screen.queryByText('开启长辈模式')).toBeNull();
    expect(Taro.getStorageSync('elderlyMode')).toBe(true);
  });

  it('is not offered to a volunteer or a secretary, nor again to a resident who answered', async () => {
    await renderFor(withRoles(Role.Volunteer));
    expect(screen.queryByText('开启长辈模式')).toBeNull();
  });
});
