import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { HttpRequest } from '@redvest/api-client';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { findByTextIn } from '../../test/dom';
import { memberMeFixture, wishFixture } from '../../test/wish-fixtures';
import WishesPage from './index';

const board = [
  wishFixture(),
  wishFixture({
    id: 'w2',
    title: '想学用手机和孙子视频',
    category: '文化娱乐',
    points: 15,
    authorName: '李*兰',
    compound: '和平苑小区',
    photos: [{ id: 'p1', url: '/api/uploads/p1?e=1&s=x' }],
    desiredDate: '2026-12-01',
  }),
];

const card = (title: string) => findByTextIn('.wish-card', title);

const boardRequests = (requests: HttpRequest[]) =>
  requests.filter((r) => r.path === '/api/communities/c1/wishes');

describe('心愿墙 page', () => {
  beforeAll(() => {
    // Photos load lazily (Taro's Image watches for them to scroll into view); jsdom has no such observer.
    Object.assign(window, {
      IntersectionObserver: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  });

  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('shows the published wishes as cards: title, category, points, compound, masked author, first photo', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(memberMeFixture()),
      'GET /api/communities/c1/wishes': ok({ items: board, nextCursor: null }),
    });
    setTransport(fake.transport);

    render(<WishesPage />);

    expect(await screen.findByText('轮椅刹车坏了，想请人修一下')).toBeTruthy();
    expect(document.querySelectorAll('.wish-card')).toHaveLength(2);
    const first = within(card('轮椅刹车坏了'));
    expect(first.getByText('维修服务')).toBeTruthy();
    expect(first.getByText('10 积分')).toBeTruthy();
    expect(first.getByText('孙*芳 · 阳光里小区')).toBeTruthy();
    const second = card('想学用手机');
    expect(within(second).getByText('15 积分')).toBeTruthy();
    expect(within(second).getByText('李*兰 · 和平苑小区')).toBeTruthy();
    expect(within(second).getByText('希望 12月1日 前完成')).toBeTruthy();
    // The first photo is the card's picture; a wish without one shows its category's icon.
    expect(second.querySelector('img, taro-image-core')?.getAttribute('src')).toBe('/api/uploads/p1?e=1&s=x');
    expect(card('轮椅刹车坏了').querySelector('.wish-thumb--icon')).toBeTruthy();

    const [request] = boardRequests(fake.requests);
    expect(request.query).toMatchObject({ sort: 'newest' });
    expect(request.query?.mine).toBeUndefined();
    expect(request.headers.authorization).toBe('Bearer test-token');
  });

  it('filters by category and sorts by 快到期 on the server', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(memberMeFixture()),
      'GET /api/communities/c1/wishes': (request) =>
        ok({
          items: board.filter((wish) => !request.query?.category || wish.category === request.query.category),
          nextCursor: null,
        }),
    });
    setTransport(fake.transport);

    render(<WishesPage />);
    await screen.findByText('想学用手机和孙子视频');

    await act(async () => {
      const chips = document.querySelector<HTMLElement>('.wishes-categories')!;
      fireEvent.click(within(chips).getByText('文化娱乐'));
    });
    await waitFor(() => expect(document.querySelectorAll('.wish-card')).toHaveLength(1));
    expect(boardRequests(fake.requests).at(-1)?.query).toMatchObject({ category: '文化娱乐' });

    await act(async () => {
      fireEvent.click(screen.getByText('快到期'));
    });
    await waitFor(() =>
      expect(boardRequests(fake.requests).at(-1)?.query).toMatchObject({
        category: '文化娱乐',
        sort: 'expiring',
      }),
    );
  });

  it('opens a wish, the form and my lists', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(memberMeFixture()),
        'GET /api/communities/c1/wishes': ok({ items: board, nextCursor: null }),
      }).transport,
    );

    render(<WishesPage />);
    fireEvent.click(await screen.findByText('轮椅刹车坏了，想请人修一下'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-wishes/detail?id=w1' });
    fireEvent.click(screen.getByText('发布心愿'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-wishes/post?cid=c1' });
    fireEvent.click(screen.getByText('我的心愿'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-wishes/mine' });
    fireEvent.click(screen.getByText('我认领的'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages-wishes/claimed' });
    // A party member is no reviewer.
    expect(screen.queryByText('心愿审核')).toBeNull();
  });
});
