import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ERROR_CATALOG, ErrorCode } from '@redvest/contract';
import { setTransport } from '../services/api';
import { fakeTransport, ok } from '../test/fake-transport';
import { click } from '../test/dom';
import DeleteAccountPage from './delete-account';

const deleteButton = () => screen.getByText('注销账号').closest('.nut-button') as HTMLElement;

describe('注销账号 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('says what is erased, what is closed and what is kept, and waits until the user has read it', async () => {
    const fake = fakeTransport({});
    setTransport(fake.transport);
    render(<DeleteAccountPage />);

    expect(screen.getByText('注销后将删除')).toBeTruthy();
    expect(screen.getByText(/在各社区填写的真实姓名、手机号和住户/)).toBeTruthy();
    expect(screen.getByText(/还没领取的兑换订单，取消并退回积分/)).toBeTruthy();
    expect(screen.getByText(/积分账本中的每一笔流水和备注/)).toBeTruthy();
    expect(deleteButton().className).toContain('nut-button-disabled');
    await click(deleteButton());
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(fake.requests).toEqual([]);
  });

  it('asks once more, then deletes with the explicit confirmation and logs out', async () => {
    const fake = fakeTransport({ 'DELETE /api/me': ok({ deletedAt: '2026-11-23T10:00:00.000+08:00' }) });
    setTransport(fake.transport);
    render(<DeleteAccountPage />);

    await click(screen.getByText('我已阅读并了解以上内容'));
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    await click(deleteButton());
    expect(fake.requests).toEqual([]);

    await click(deleteButton());
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '确定注销账号吗？' }));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: 'DELETE', path: '/api/me', body: { confirm: 'DELETE_MY_ACCOUNT' } }),
    ]);
    expect(Taro.getStorageSync('token')).toBe('');
  });

  it('names the communities where the user is the last secretary, and stays logged in', async () => {
    const { status, message } = ERROR_CATALOG[ErrorCode.LastSecretaryMustHandOver];
    const fake = fakeTransport({
      'DELETE /api/me': {
        status,
        data: {
          error: {
            code: ErrorCode.LastSecretaryMustHandOver,
            message,
            details: { communities: [{ id: 'c1', name: '襄阳街社区' }] },
          },
        },
      },
    });
    setTransport(fake.transport);
    render(<DeleteAccountPage />);

    await click(screen.getByText('我已阅读并了解以上内容'));
    await click(deleteButton());
    expect(await screen.findByText(/唯一的社区书记.*（襄阳街社区）/)).toBeTruthy();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(Taro.getStorageSync('token')).toBe('test-token');
  });
});
