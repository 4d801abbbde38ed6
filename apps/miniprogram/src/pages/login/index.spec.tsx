import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { AuthOptions, PRIVACY_NOTICE_VERSION } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { meFixture } from '../../test/fixtures';
import LoginPage from './index';

const options: AuthOptions = {
  wechat: false,
  devLogin: true,
  demoUsers: [
    { openid: 'demo-secretary', nickname: '王书记', description: '社区书记：审核成员、管理楼栋住户' },
    { openid: 'demo-resident', nickname: '李阿姨', description: '居民：发布心愿' },
  ],
};

describe('登录 page on H5', () => {
  beforeEach(() => jest.clearAllMocks());

  it('lists the demo users with their descriptions', async () => {
    setTransport(fakeTransport({ 'GET /api/auth/options': ok(options) }).transport);

    render(<LoginPage />);

    expect(await screen.findByText('王书记')).toBeTruthy();
    expect(screen.getByText('社区书记：审核成员、管理楼栋住户')).toBeTruthy();
    expect(screen.getByText('李阿姨')).toBeTruthy();
    expect(screen.queryByText('微信一键登录')).toBeNull();
  });

  it('logs in as the demo user tapped, keeps the token and opens the home page', async () => {
    const fake = fakeTransport({
      'GET /api/auth/options': ok(options),
      'POST /api/auth/dev-login': ok({ token: 'tok-1', user: { id: 'u1', nickname: '王书记' } }),
      'GET /api/me': ok(meFixture()),
    });
    setTransport(fake.transport);

    render(<LoginPage />);
    const user = await screen.findByText('王书记');
    await act(async () => {
      fireEvent.click(user);
    });

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
    expect(fake.requests.find((r) => r.path === '/api/auth/dev-login')?.body).toEqual({
      openid: 'demo-secretary',
    });
    expect(Taro.getStorageSync('token')).toBe('tok-1');
    expect(fake.requests.find((r) => r.path === '/api/me')?.headers.authorization).toBe('Bearer tok-1');
  });

  it('shows the privacy notice before anything else to a user who has not agreed yet', async () => {
    setTransport(
      fakeTransport({
        'GET /api/auth/options': ok(options),
        'POST /api/auth/dev-login': ok({ token: 'tok-2', user: { id: 'u2', nickname: '李阿姨' } }),
        'GET /api/me': ok(
          meFixture({ privacy: { agreedVersion: null, currentVersion: PRIVACY_NOTICE_VERSION } }),
        ),
      }).transport,
    );

    render(<LoginPage />);
    const user = await screen.findByText('李阿姨');
    await act(async () => {
      fireEvent.click(user);
    });

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/privacy/index' }));
  });

  it('says how to log in when the demo login is off', async () => {
    setTransport(
      fakeTransport({ 'GET /api/auth/options': ok({ wechat: true, devLogin: false, demoUsers: [] }) })
        .transport,
    );

    render(<LoginPage />);

    expect(await screen.findByText(/请在微信中搜索并打开/)).toBeTruthy();
  });
});
