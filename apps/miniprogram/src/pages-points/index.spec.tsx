import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode, TransferCode, TransferStatus, Unit } from '@redvest/contract';
import { setTransport } from '../services/api';
import { errorResponse, fakeTransport, ok } from '../test/fake-transport';
import { pointsFixture, transferFixture } from '../test/fixtures';
import PointsPage from './index';

const history = {
  items: [
    transferFixture(),
    transferFixture({
      id: 't2',
      amount: 20,
      delta: -20,
      code: TransferCode.Redemption,
      codeLabel: '积分兑换',
      memo: '纯棉毛巾 × 1',
      linkId: null,
      status: TransferStatus.Posted,
      createdAt: '2026-11-20T09:05:00.000+08:00',
    }),
    transferFixture({
      id: 't3',
      amount: 10,
      delta: 10,
      memo: '垃圾分类宣传',
      status: TransferStatus.Voided,
      createdAt: '2026-11-18T15:00:00.000+08:00',
    }),
  ],
  nextCursor: 't3',
};

describe('我的积分 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('shows the balance, what waits for approval and the service hours, then the history', async () => {
    const fake = fakeTransport({
      'GET /api/me/points': ok(pointsFixture()),
      'GET /api/me/transfers': (request) =>
        request.query?.cursor ? ok({ items: [], nextCursor: null }) : ok(history),
    });
    setTransport(fake.transport);

    const { container } = render(<PointsPage />);

    expect(await screen.findByText('襄阳街社区')).toBeTruthy();
    expect(container.querySelector('.points-card__balance')?.textContent).toBe('60');
    expect(container.querySelector('.points-card__pending')?.textContent).toBe('15');
    expect(container.querySelector('.points-card__hours')?.textContent).toBe('4 小时');
    expect(screen.getByText('另有 2 小时服务时长待审批')).toBeTruthy();

    expect(await screen.findByText('小区环境整治')).toBeTruthy();
    const rows = [...container.querySelectorAll('.ledger-row')];
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('志愿服务签到');
    expect(rows[0].textContent).toContain('待审批');
    expect(rows[0].textContent).toContain('11月23日 18:30');
    expect(rows[0].querySelector('.ledger-row__amount--plus')?.textContent).toBe('+15');
    expect(rows[1].textContent).toContain('纯棉毛巾 × 1');
    expect(rows[1].textContent).not.toContain('已入账');
    expect(rows[1].querySelector('.ledger-row__amount--minus')?.textContent).toBe('−20');
    expect(rows[2].textContent).toContain('未通过');
    expect(rows[2].querySelector('.ledger-row__amount--void')).toBeTruthy();

    const first = fake.requests.find((r) => r.path === '/api/me/transfers');
    expect(first?.query).toMatchObject({ communityId: 'c1', unit: Unit.Points, limit: 20 });
    expect(first?.headers.authorization).toBe('Bearer test-token');

    // The page's reach-bottom handler asks for the next page with the cursor.
    const onReachBottom = (Taro.useReachBottom as jest.Mock).mock.calls.at(-1)?.[0];
    await act(async () => onReachBottom());
    expect(fake.requests.some((r) => r.path === '/api/me/transfers' && r.query?.cursor === 't3')).toBe(true);
    expect(await screen.findByText('没有更多了')).toBeTruthy();
  });

  it('lists service hours on their own tab', async () => {
    const fake = fakeTransport({
      'GET /api/me/points': ok(pointsFixture()),
      'GET /api/me/transfers': (request) =>
        request.query?.unit === Unit.Minutes
          ? ok({
              items: [transferFixture({ id: 'm1', unit: Unit.Minutes, amount: 90, delta: 90 })],
              nextCursor: null,
            })
          : ok({ items: [], nextCursor: null }),
    });
    setTransport(fake.transport);

    render(<PointsPage />);
    expect(await screen.findByText('还没有积分记录')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('服务时长明细'));
    });

    expect(await screen.findByText('+1 小时 30 分钟')).toBeTruthy();
  });

  it('opens the rewards and the leaderboard of the community shown', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me/points': ok(pointsFixture()),
        'GET /api/me/transfers': ok({ items: [], nextCursor: null }),
      }).transport,
    );

    render(<PointsPage />);
    fireEvent.click(await screen.findByText('积分兑换'));
    fireEvent.click(screen.getByText('排行榜'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-points/rewards?cid=c1' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-points/leaderboard?cid=c1' });
  });

  it('shows the server’s message when the balance cannot be loaded, and loads again on 重试', async () => {
    let calls = 0;
    setTransport(
      fakeTransport({
        'GET /api/me/points': () =>
          ++calls === 1 ? errorResponse(ErrorCode.DatabaseUnavailable) : ok(pointsFixture()),
        'GET /api/me/transfers': ok({ items: [], nextCursor: null }),
      }).transport,
    );

    render(<PointsPage />);

    expect(await screen.findByText('数据服务暂时不可用')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    await waitFor(() => expect(screen.getByText('襄阳街社区')).toBeTruthy());
  });
});
