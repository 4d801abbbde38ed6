import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { WishStatus } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { findByTextIn } from '../../test/dom';
import { meFixture } from '../../test/fixtures';
import { wishFixture } from '../../test/wish-fixtures';
import WishesAdminPage from './index';

const pending = [
  wishFixture({
    status: WishStatus.PendingReview,
    statusLabel: '待审核',
    title: '厨房水龙头一直滴水',
    authorName: '孙桂芳',
    actions: ['publish', 'reject'],
  }),
  // Another compound's wish: a branch secretary sees it but may not decide it.
  wishFixture({ id: 'w2', status: WishStatus.PendingReview, title: '想请人读报', actions: [] }),
];

const card = (title: string) => findByTextIn('.wish-card', title);

describe('心愿审核 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('publishes a wish after asking and takes it off the queue; offers only what each wish allows', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/wishes': ok({ items: pending, nextCursor: null }),
      'POST /api/wishes/w1/review': ok(wishFixture({ status: WishStatus.Published, actions: ['dispatch'] })),
    });
    setTransport(fake.transport);

    render(<WishesAdminPage />);
    await screen.findByText('厨房水龙头一直滴水');
    expect(fake.requests.find((r) => r.path === '/api/communities/c1/wishes')?.query).toMatchObject({
      status: 'pending_review',
    });
    expect(within(card('想请人读报')).queryByText('通过')).toBeNull();

    await act(async () => {
      fireEvent.click(within(card('厨房水龙头')).getByText('通过'));
    });

    await waitFor(() => expect(screen.queryByText('厨房水龙头一直滴水')).toBeNull());
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '审核通过' }));
    expect(fake.requests.find((r) => r.path === '/api/wishes/w1/review')?.body).toEqual({
      action: 'publish',
    });
  });

  it('turns a wish down with a reason', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/wishes': ok({ items: pending, nextCursor: null }),
      'POST /api/wishes/w1/review': ok(wishFixture({ status: WishStatus.Rejected, actions: [] })),
    });
    setTransport(fake.transport);

    render(<WishesAdminPage />);
    await screen.findByText('厨房水龙头一直滴水');
    fireEvent.click(within(card('厨房水龙头')).getByText('不通过'));
    fireEvent.click(await screen.findByText('不属于微心愿的范围'));
    await act(async () => {
      fireEvent.click(screen.getByText('确定不通过'));
    });

    await waitFor(() => expect(screen.queryByText('厨房水龙头一直滴水')).toBeNull());
    expect(fake.requests.find((r) => r.path === '/api/wishes/w1/review')?.body).toEqual({
      action: 'reject',
      reason: '不属于微心愿的范围',
    });
  });
});
