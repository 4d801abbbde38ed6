import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Role } from '@redvest/contract';
import { setTransport } from '../services/api';
import { fakeTransport, ok } from '../test/fake-transport';
import { meFixture, membershipFixture } from '../test/fixtures';
import { demandFixture } from '../test/contact-fixtures';
import DemandsPage from './demands';

const page = (items: unknown[]) => ok({ items, nextCursor: null });

describe('群众诉求 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    Taro.setStorageSync('currentCommunityId', 'c1');
    jest.clearAllMocks();
  });

  it("shows a secretary's queue with the actions the server allows, and accepts one", async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/demands': (request) =>
        request.query?.mine
          ? page([])
          : page([
              demandFixture({
                actions: ['accept', 'reject', 'assign'],
                photos: [{ id: 'p1', url: '/api/uploads/p1?e=1&s=x' }],
              }),
            ]),
      'POST /api/demands/d1/transition': ok(
        demandFixture({ status: 'accepted', statusLabel: '已受理', actions: ['start', 'resolve'] }),
      ),
    });
    setTransport(fake.transport);

    render(<DemandsPage />);
    fireEvent.click(await screen.findByText('待处理'));
    expect(await screen.findByText('卫生间水管老化渗水')).toBeTruthy();
    expect(document.querySelectorAll('.demand-card .rv-photos__photo')).toHaveLength(1);
    expect(screen.getByText('不予受理')).toBeTruthy();
    expect(screen.getByText('指派')).toBeTruthy();
    expect(screen.getByText('转为心愿')).toBeTruthy();
    fireEvent.click(screen.getByText('建服务项目'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-contact/lists?cid=c1&demandId=d1' });
    await act(async () => {
      fireEvent.click(screen.getByText('受理'));
    });

    expect(await screen.findByText('已受理')).toBeTruthy();
    expect(screen.getByText('开始办理')).toBeTruthy();
    const sent = fake.requests.find((r) => r.method === 'POST');
    expect(sent?.body).toEqual({ action: 'accept' });
  });

  it('resolves a demand with a note', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/demands': page([
        demandFixture({ status: 'in_progress', statusLabel: '办理中', actions: ['resolve'] }),
      ]),
      'POST /api/demands/d1/transition': ok(
        demandFixture({ status: 'resolved', statusLabel: '已办结', resolution: '已更换水管' }),
      ),
    });
    setTransport(fake.transport);

    render(<DemandsPage />);
    fireEvent.click(await screen.findByText('办结'));
    const field = await waitFor(() => {
      const found = document.querySelector<HTMLTextAreaElement>('.rv-dialog textarea');
      if (!found) throw new Error('no note');
      return found;
    });
    await act(async () => {
      fireEvent.input(field, { target: { value: '已更换水管' } });
    });
    // The card's button and the dialog's: the dialog's comes last.
    const confirm = screen.getAllByText('办结').pop() as HTMLElement;
    await act(async () => {
      fireEvent.click(confirm);
    });

    expect(await screen.findByText('办理结果：已更换水管')).toBeTruthy();
    const sent = fake.requests.find((r) => r.method === 'POST');
    expect(sent?.body).toEqual({ action: 'resolve', note: '已更换水管' });
  });

  it('lets a resident raise a demand with a category', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(
        meFixture({
          memberships: [membershipFixture({ roles: [Role.Resident] })],
        }),
      ),
      'GET /api/communities/c1/demands': page([]),
      'POST /api/communities/c1/demands': ok(demandFixture({ raisedBy: 'u1' })),
    });
    setTransport(fake.transport);

    render(<DemandsPage />);
    expect(await screen.findByText('还没有提过诉求')).toBeTruthy();
    expect(screen.queryByText('待处理')).toBeNull();
    fireEvent.click(screen.getByText('提诉求'));
    fireEvent.click(await screen.findByText('环境卫生'));
    const field = await waitFor(() => {
      const found = document.querySelector<HTMLTextAreaElement>('.rv-dialog textarea');
      if (!found) throw new Error('no text');
      return found;
    });
    await act(async () => {
      fireEvent.input(field, { target: { value: '楼道堆放杂物' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByText('提交'));
    });

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '诉求已提交' })),
    );
    const sent = fake.requests.find((r) => r.method === 'POST');
    expect(sent?.body).toEqual({ category: '环境卫生', text: '楼道堆放杂物' });
  });
});
