import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { NotificationView } from '@redvest/contract';
import { setTransport } from '../services/api';
import { fakeTransport, ok } from '../test/fake-transport';
import MessagesPage from './messages';

function message(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'n1',
    title: '心愿“轮椅刹车坏了”',
    body: '有人认领了您的心愿，会尽快和您联系',
    wishId: 'w1',
    read: false,
    createdAt: '2026-11-23T10:00:00.000+08:00',
    ...overrides,
  };
}

describe('消息 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('opens the wish of a message and marks it read', async () => {
    const fake = fakeTransport({
      'GET /api/me/notifications': ok({
        items: [message(), message({ id: 'n2', read: true, body: '您的心愿已通过审核，发布到心愿墙了' })],
        nextCursor: null,
        unread: 1,
      }),
      'POST /api/me/notifications/read': { status: 204, data: '' },
    });
    setTransport(fake.transport);

    render(<MessagesPage />);
    expect(await screen.findByText('1 条未读')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('有人认领了您的心愿，会尽快和您联系'));
    });

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-wishes/detail?id=w1' });
    await waitFor(() =>
      expect(fake.requests.find((r) => r.path === '/api/me/notifications/read')?.body).toEqual({
        ids: ['n1'],
      }),
    );
    expect(screen.queryByText('1 条未读')).toBeNull();
  });
});
