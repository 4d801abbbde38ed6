import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { coverageFixture, groupFixture } from './fixtures';
import { recentMonths } from './months';
import ContactAdminPage from './index';

const GROUPS = 'GET /api/communities/c1/contact-groups';
const COVERAGE = 'GET /api/communities/c1/coverage';
const SETTINGS = 'GET /api/communities/c1/contact-settings';

function routes(extra: Parameters<typeof fakeTransport>[0] = {}) {
  return fakeTransport({
    [GROUPS]: ok({ items: [groupFixture()] }),
    [COVERAGE]: ok(coverageFixture()),
    [SETTINGS]: ok({ contactGroupSize: 3, visitOverdueDays: 90 }),
    ...extra,
  });
}

const count = (requests: { method: string; path: string }[], route: string) =>
  requests.filter((r) => `${r.method} ${r.path}` === route).length;

describe('包户管理 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it("shows the groups with their households and this month's coverage", async () => {
    const fake = routes();
    setTransport(fake.transport);
    render(<ContactAdminPage />);

    expect(await screen.findByText('阳光里小区 · 包 12 户')).toBeTruthy();
    expect(screen.getByText('组长：张卫东 · 成员：张卫东、刘建国')).toBeTruthy();
    expect(
      await screen.findByText('已访：本月走访过的住户；逾期：现在已超过 30 天没有走访的住户'),
    ).toBeTruthy();
    expect(screen.getByText('11')).toBeTruthy();
    expect(screen.getByText('1栋')).toBeTruthy();
    const thisMonth = recentMonths()[0];
    expect(document.querySelector('.contact-month__label')?.textContent).toBe(thisMonth.label);
    expect(fake.requests.find((r) => r.path.endsWith('/coverage'))?.query).toEqual({
      month: thisMonth.value,
    });
  });

  it('shows an earlier month when picked', async () => {
    const fake = routes({
      [COVERAGE]: (request) =>
        ok(
          request.query?.month === recentMonths()[0].value
            ? coverageFixture()
            : coverageFixture({ rows: [{ ...coverageFixture().rows[0], visited: 7, overdue: 5 }] }),
        ),
    });
    setTransport(fake.transport);
    render(<ContactAdminPage />);
    await screen.findByText('11');

    const picker = document.querySelector('taro-picker-core');
    await act(async () => {
      picker?.dispatchEvent(new CustomEvent('change', { detail: { value: 1 } }));
    });

    const earlier = recentMonths()[1];
    expect(await screen.findByText('7')).toBeTruthy();
    expect(document.querySelector('.contact-month__label')?.textContent).toBe(earlier.label);
    expect(fake.requests.filter((r) => r.path.endsWith('/coverage')).map((r) => r.query?.month)).toEqual([
      recentMonths()[0].value,
      earlier.value,
    ]);
  });

  it('opens the group form and the floor map', async () => {
    setTransport(routes().transport);
    render(<ContactAdminPage />);

    fireEvent.click(await screen.findByText('新建小组'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/contact/group?cid=c1' });
    fireEvent.click(screen.getByText('修改'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/contact/group?cid=c1&groupId=g1' });
    fireEvent.click(screen.getByText('分配住户'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/contact/assign?cid=c1&groupId=g1' });
  });

  it('offers to create the first group when there is none', async () => {
    setTransport(routes({ [GROUPS]: ok({ items: [] }) }).transport);
    render(<ContactAdminPage />);

    expect(await screen.findByText('还没有包户小组')).toBeTruthy();
    fireEvent.click(screen.getByText('新建小组'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/contact/group?cid=c1' });
  });

  it('dissolves a group after saying that its households are released and its visits stay', async () => {
    let dissolved = false;
    const fake = routes({
      [GROUPS]: () => ok({ items: dissolved ? [] : [groupFixture()] }),
      'POST /api/contact-groups/g1/dissolve': () => {
        dissolved = true;
        return ok(groupFixture({ status: 'dissolved' }));
      },
    });
    setTransport(fake.transport);
    render(<ContactAdminPage />);

    const dissolve = await screen.findByText('解散');
    await act(async () => {
      fireEvent.click(dissolve);
    });

    const modal = (Taro.showModal as jest.Mock).mock.calls[0][0];
    expect(modal.content).toMatch(/阳光里1栋党员小组/);
    expect(modal.content).toMatch(/12 户住户会被收回/);
    expect(modal.content).toMatch(/走访记录都会保留/);
    expect(count(fake.requests, 'POST /api/contact-groups/g1/dissolve')).toBe(1);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已解散', icon: 'success' });
    expect(await screen.findByText('还没有包户小组')).toBeTruthy();
    expect(count(fake.requests, GROUPS)).toBe(2);
  });

  it('keeps the group when the secretary cancels', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const fake = routes();
    setTransport(fake.transport);
    render(<ContactAdminPage />);

    const dissolve = await screen.findByText('解散');
    await act(async () => {
      fireEvent.click(dissolve);
    });

    expect(Taro.showModal).toHaveBeenCalled();
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('loads again when shown again (back from the form)', async () => {
    const fake = routes();
    setTransport(fake.transport);
    render(<ContactAdminPage />);
    await screen.findByText('阳光里小区 · 包 12 户');

    const shown = (Taro.useDidShow as jest.Mock).mock.calls.at(-1)?.[0] as () => void;
    await act(async () => {
      shown(); // the first show: the mount has loaded
      shown();
    });

    await waitFor(() => expect(count(fake.requests, GROUPS)).toBe(2));
    expect(count(fake.requests, COVERAGE)).toBe(2);
  });

  it('shows the group size and the overdue period, and saves a change', async () => {
    const fake = routes({
      'PUT /api/communities/c1/contact-settings': (request) =>
        ok({ contactGroupSize: 3, visitOverdueDays: 90, ...(request.body as object) }),
    });
    setTransport(fake.transport);
    render(<ContactAdminPage />);

    expect(await screen.findByText('每组最多 3 人')).toBeTruthy();
    expect(screen.getByText('超过 90 天没走访算逾期')).toBeTruthy();
    fireEvent.click(screen.getByText('修改设置'));
    const [groupSize, days] = screen.getAllByLabelText('增加');
    fireEvent.click(groupSize);
    fireEvent.click(days);
    await act(async () => {
      fireEvent.click(screen.getByText('保存'));
    });

    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ contactGroupSize: 4, visitOverdueDays: 97 });
    expect(await screen.findByText('每组最多 4 人')).toBeTruthy();
    expect(screen.getByText('超过 97 天没走访算逾期')).toBeTruthy();
    await waitFor(() => expect(count(fake.requests, COVERAGE)).toBe(2));
  });
});
