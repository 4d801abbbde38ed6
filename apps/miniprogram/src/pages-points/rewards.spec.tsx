import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { HttpRequest } from '@redvest/api-client';
import { ErrorCode } from '@redvest/contract';
import { setTransport } from '../services/api';
import { errorResponse, fakeTransport, ok } from '../test/fake-transport';
import { pointsFixture, redemptionFixture, rewardFixture } from '../test/fixtures';
import RewardsPage from './rewards';

const catalog = {
  items: [
    rewardFixture(),
    rewardFixture({ id: 'r2', name: '东北大米 5kg', cost: 100, stock: 30, description: null }),
    rewardFixture({ id: 'r3', name: '洗衣液 2kg', cost: 50, stock: 0, description: null }),
  ],
};

function rewardCard(name: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('.reward-card')].find((node) =>
    node.textContent?.includes(name),
  );
  if (!found) throw new Error(`no card for ${name}`);
  return found;
}

const redeemRequests = (requests: HttpRequest[]) =>
  requests.filter((r) => r.path === '/api/rewards/r1/redeem');

describe('积分兑换 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('lists the rewards with my balance and says which ones I cannot take', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me/points': ok(pointsFixture()),
        'GET /api/communities/c1/rewards': ok(catalog),
      }).transport,
    );

    render(<RewardsPage />);

    expect(await screen.findByText('纯棉毛巾')).toBeTruthy();
    expect(document.querySelector('.rewards-balance__number')?.textContent).toBe('60');
    expect(within(rewardCard('纯棉毛巾')).getByText('20 积分')).toBeTruthy();
    expect(within(rewardCard('纯棉毛巾')).getByText('库存 60 件')).toBeTruthy();
    expect(within(rewardCard('东北大米 5kg')).getByText('积分不足')).toBeTruthy();
    expect(within(rewardCard('洗衣液 2kg')).getByText('已兑完')).toBeTruthy();
  });

  it('redeems with an Idempotency-Key, and sends the same key again when retrying after a network error', async () => {
    let attempts = 0;
    const fake = fakeTransport({
      'GET /api/me/points': ok(pointsFixture()),
      'GET /api/communities/c1/rewards': ok(catalog),
      'POST /api/rewards/r1/redeem': (request) => {
        if (++attempts === 1) throw new Error('timeout');
        return ok(
          redemptionFixture({ quantity: request.body ? (request.body as { quantity: number }).quantity : 1 }),
        );
      },
    });
    setTransport(fake.transport);

    render(<RewardsPage />);
    await screen.findByText('纯棉毛巾');
    fireEvent.click(within(rewardCard('纯棉毛巾')).getByText('兑换'));

    // 60 points buy three towels at 20.
    expect(await screen.findByText('确认兑换')).toBeTruthy();
    expect(screen.getByText('最多可兑换 3 件')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('增加'));
    expect(screen.getByText('40 积分')).toBeTruthy();
    expect(screen.getByText('兑换后剩余 20 积分')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByText('确认兑换'));
    });
    expect(await screen.findByText(/点“重试”不会重复扣积分/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '兑换成功' })),
    );
    const [first, retry] = redeemRequests(fake.requests);
    expect(first.body).toEqual({ quantity: 2 });
    expect(first.headers['idempotency-key']).toMatch(/^r-\d+-\w+$/);
    expect(retry.headers['idempotency-key']).toBe(first.headers['idempotency-key']);
    expect(retry.body).toEqual({ quantity: 2 });
    expect(screen.queryByText('确认兑换')).toBeNull();
  });

  it('uses a new key for a new confirmation', async () => {
    const fake = fakeTransport({
      'GET /api/me/points': ok(pointsFixture()),
      'GET /api/communities/c1/rewards': ok(catalog),
      'POST /api/rewards/r1/redeem': ok(redemptionFixture()),
    });
    setTransport(fake.transport);

    render(<RewardsPage />);
    await screen.findByText('纯棉毛巾');
    for (let round = 0; round < 2; round++) {
      fireEvent.click(within(rewardCard('纯棉毛巾')).getByText('兑换'));
      await act(async () => {
        fireEvent.click(await screen.findByText('确认兑换'));
      });
      await waitFor(() => expect(screen.queryByText('确认兑换')).toBeNull());
    }

    const keys = redeemRequests(fake.requests).map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('says why the server refused, and loads the balance and the catalog again', async () => {
    const fake = fakeTransport({
      'GET /api/me/points': ok(pointsFixture()),
      'GET /api/communities/c1/rewards': ok(catalog),
      'POST /api/rewards/r1/redeem': errorResponse(ErrorCode.InsufficientPoints),
    });
    setTransport(fake.transport);

    render(<RewardsPage />);
    await screen.findByText('纯棉毛巾');
    fireEvent.click(within(rewardCard('纯棉毛巾')).getByText('兑换'));
    await act(async () => {
      fireEvent.click(await screen.findByText('确认兑换'));
    });

    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '没有兑换成功', content: '积分不足' }),
      ),
    );
    await waitFor(() => expect(screen.queryByText('确认兑换')).toBeNull());
    expect(fake.requests.filter((r) => r.path === '/api/me/points')).toHaveLength(2);
  });
});
