import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode, MeResponse, WishAction, WishStatus, WishView } from '@redvest/contract';
import { setTransport } from '../services/api';
import { errorResponse, fakeTransport, ok } from '../test/fake-transport';
import { memberMeFixture, wishFixture } from '../test/wish-fixtures';
import WishDetailPage from './detail';

const buttons = () =>
  [...document.querySelectorAll<HTMLElement>('.wish-bar .nut-button')].map((node) =>
    node.textContent?.trim(),
  );

async function show(wish: WishView, me: MeResponse = memberMeFixture()) {
  const fake = fakeTransport({ 'GET /api/me': ok(me), 'GET /api/wishes/w1': ok(wish) });
  setTransport(fake.transport);
  const view = render(<WishDetailPage />);
  await screen.findByText(wish.title);
  // The buttons that depend on who I am wait for /api/me.
  await waitFor(() => expect(fake.requests.some((r) => r.path === '/api/me')).toBe(true));
  await act(async () => undefined);
  return { fake, view };
}

const author = memberMeFixture({ id: 'u-resident', nickname: '孙桂芳' });

describe('心愿详情 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'w1' }, path: '' });
  });

  const cases: { name: string; wish: Partial<WishView>; me?: MeResponse; expected: string[] }[] = [
    {
      name: 'a member on a published wish',
      wish: { actions: ['claim'] },
      expected: ['认领心愿'],
    },
    {
      name: 'a secretary who may also claim',
      wish: { actions: ['dispatch', 'claim'] },
      expected: ['认领心愿', '派单'],
    },
    {
      name: 'the secretary on a wish waiting for review that is their own',
      wish: {
        status: WishStatus.PendingReview,
        statusLabel: '待审核',
        actions: ['cancel', 'reject', 'publish'],
      },
      expected: ['审核通过', '不通过', '撤回心愿'],
    },
    {
      name: 'the claimer',
      wish: {
        status: WishStatus.Claimed,
        claimedByMe: true,
        claimerName: '张卫东',
        actions: ['fulfil', 'release'],
      },
      expected: ['完成心愿', '放弃认领'],
    },
    {
      name: 'the author when it is fulfilled',
      me: author,
      wish: {
        status: WishStatus.Fulfilled,
        mine: true,
        claimerName: '张卫东',
        actions: ['confirm', 'dispute'] as WishAction[],
      },
      expected: ['确认完成', '有异议'],
    },
    {
      name: 'a secretary when it is fulfilled',
      wish: { status: WishStatus.Fulfilled, claimerName: '张卫东', actions: ['confirm_on_behalf'] },
      expected: ['代居民确认'],
    },
    {
      name: 'someone who may do nothing',
      wish: { status: WishStatus.Claimed, actions: [] },
      expected: [],
    },
  ];

  it.each(cases)('shows exactly the buttons the server allows: $name', async ({ wish, me, expected }) => {
    await show(wishFixture(wish), me);
    expect(buttons()).toEqual(expected);
    expect(Boolean(document.querySelector('.wish-bar'))).toBe(expected.length > 0);
  });

  it('offers the thank-you letter to the claimer of a confirmed wish, besides the actions', async () => {
    await show(
      wishFixture({
        status: WishStatus.Confirmed,
        statusLabel: '已完成',
        claimedByMe: true,
        claimerName: '张卫东',
        confirmation: 'author',
        rating: 5,
        thanks: '谢谢张同志！',
        actions: [],
      }),
    );
    expect(buttons()).toEqual(['下载感谢信']);
    expect(screen.getByText('谢谢张同志！')).toBeTruthy();
    expect(screen.getByText('居民已确认完成，10 积分已经入账。谢谢您！')).toBeTruthy();
  });

  it('shows the progress as a timeline, latest first', async () => {
    await show(wishFixture());
    const labels = [...document.querySelectorAll('.wish-timeline__label')].map((node) => node.textContent);
    expect(labels).toEqual(['审核通过', '发布心愿']);
    // The resident's name is masked on the board: the timeline keeps it masked.
    expect(within(document.querySelector<HTMLElement>('.wish-timeline')!).getByText('孙*芳')).toBeTruthy();
    expect(screen.getByText('认领后可以看到完整的电话和住址。')).toBeTruthy();
  });

  it('claims for the employer after asking, and shows the claimed wish with the contact details', async () => {
    const { fake } = await show(wishFixture());
    fake.routes['POST /api/wishes/w1/claim'] = ok(
      wishFixture({
        status: WishStatus.Claimed,
        statusLabel: '已认领',
        claimedByMe: true,
        claimerName: '张卫东',
        claimedForEmployer: '佛山市税务局',
        place: '阳光里小区 3栋 2单元 101',
        contactPhone: '13612345605',
        actions: ['fulfil', 'release'],
      }),
    );

    fireEvent.click(screen.getByText('认领心愿'));
    fireEvent.click(await screen.findByText('以原单位名义认领'));
    await act(async () => {
      fireEvent.click(screen.getByText('确认认领'));
    });

    await waitFor(() => expect(buttons()).toEqual(['完成心愿', '放弃认领']));
    const claim = fake.requests.find((r) => r.path === '/api/wishes/w1/claim');
    expect(claim?.body).toEqual({ onBehalfOfEmployer: true });
    expect(screen.getByText('阳光里小区 3栋 2单元 101')).toBeTruthy();
    expect(screen.getByText('13612345605')).toBeTruthy();
    expect(screen.getByText('张卫东（代表佛山市税务局）')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '认领成功' }));
  });

  it('says so when someone else claimed it first, and shows the wish as it is now', async () => {
    const { fake } = await show(wishFixture());
    fake.routes['POST /api/wishes/w1/claim'] = errorResponse(ErrorCode.WishAlreadyClaimed);
    fake.routes['GET /api/wishes/w1'] = ok(
      wishFixture({ status: WishStatus.Claimed, statusLabel: '已认领', claimerName: '陈丽', actions: [] }),
    );

    fireEvent.click(screen.getByText('认领心愿'));
    await act(async () => {
      fireEvent.click(await screen.findByText('确认认领'));
    });

    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '手慢了一步', content: '该心愿已被他人认领' }),
      ),
    );
    await waitFor(() => expect(buttons()).toEqual([]));
    expect(screen.getByText('陈丽已认领这个心愿。')).toBeTruthy();
  });

  it('confirms with stars and a thank-you message', async () => {
    const { fake } = await show(
      wishFixture({
        status: WishStatus.Fulfilled,
        mine: true,
        claimerName: '张卫东',
        fulfilNote: '已上门修好刹车',
        actions: ['confirm', 'dispute'],
      }),
      author,
    );
    fake.routes['POST /api/wishes/w1/confirm'] = (request) =>
      ok(
        wishFixture({
          status: WishStatus.Confirmed,
          statusLabel: '已完成',
          mine: true,
          claimerName: '张卫东',
          confirmation: 'author',
          ...(request.body as object),
          actions: [],
        }),
      );
    expect(screen.getByText('已上门修好刹车')).toBeTruthy();

    fireEvent.click(screen.getByText('确认完成'));
    fireEvent.click(await screen.findByLabelText('4 星'));
    fireEvent.click(screen.getByText('辛苦了，非常感谢！'));
    await act(async () => {
      fireEvent.click(screen.getAllByText('确认完成').at(-1)!);
    });

    await waitFor(() => expect(buttons()).toEqual([]));
    const confirm = fake.requests.find((r) => r.path === '/api/wishes/w1/confirm');
    expect(confirm?.body).toEqual({ rating: 4, thanks: '辛苦了，非常感谢！' });
    expect(screen.getByText('心愿已经完成，祝您生活顺心！')).toBeTruthy();
  });
});
