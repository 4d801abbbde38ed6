import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { HttpRequest, HttpResponse } from '@redvest/api-client';
import { ERROR_CATALOG, ErrorCode } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { assignmentsFixture, buildingFixture, groupFixture } from './fixtures';
import AssignPage from './assign';

const MAP = 'GET /api/buildings/b1/assignments';
const ASSIGN = 'POST /api/contact-groups/g1/assignments';

function routes(extra: Parameters<typeof fakeTransport>[0] = {}) {
  return fakeTransport({
    'GET /api/communities/c1/contact-groups': ok({ items: [groupFixture()] }),
    'GET /api/communities/c1/buildings': ok({
      items: [
        buildingFixture(),
        buildingFixture({ id: 'b2', name: '2栋', householdCount: 8 }),
        buildingFixture({ id: 'b7', compoundId: 'k2', compound: '幸福苑', name: '7栋', householdCount: 40 }),
      ],
    }),
    [MAP]: ok(assignmentsFixture()),
    ...extra,
  });
}

function conflict(): HttpResponse {
  const { status, message } = ERROR_CATALOG[ErrorCode.AssignmentConflict];
  return {
    status,
    data: {
      error: {
        code: ErrorCode.AssignmentConflict,
        message,
        details: {
          conflicts: [
            {
              householdId: 'h102',
              label: '阳光里小区 1栋 1单元 102',
              groupId: 'g2',
              groupName: '阳光里2栋党员小组',
            },
          ],
        },
      },
    },
  };
}

async function openBuilding() {
  fireEvent.click(await screen.findByText('1栋（6 户）'));
  await screen.findByText('3层');
}

async function type(placeholder: string, value: string) {
  const field = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!found) throw new Error(`no input ${placeholder}`);
    return found;
  });
  await act(async () => {
    fireEvent.input(field, { target: { value } });
  });
}

async function click(text: string) {
  await act(async () => {
    fireEvent.click(screen.getByText(text));
  });
}

const room = (label: string) => screen.getByRole('checkbox', { name: label });
const posts = (requests: HttpRequest[]) => requests.filter((r) => r.method === 'POST');
const maps = (requests: HttpRequest[]) => requests.filter((r) => `${r.method} ${r.path}` === MAP);

describe('分配住户 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1', groupId: 'g1' }, path: '' });
  });

  it("draws the building's floors from the top, each household coloured by whose it is", async () => {
    setTransport(routes().transport);
    render(<AssignPage />);

    expect(await screen.findByText('分配给：阳光里1栋党员小组')).toBeTruthy();
    expect(screen.getByText('幸福苑')).toBeTruthy();
    await openBuilding();

    const floors = [...document.querySelectorAll('.floor-map__label')].map((node) => node.textContent);
    expect(floors).toEqual(['3层', '2层', '1层']);
    expect(room('301，本组').className).toMatch(/floor-map__room--mine/);
    expect(room('302，阳光里2栋党员小组').className).toMatch(/floor-map__room--other/);
    expect(room('201，未分配').className).toMatch(/floor-map__room--free/);
    expect(screen.getByText('阳光里小区 1栋')).toBeTruthy();
  });

  it('says so when the group is no longer there', async () => {
    setTransport(routes({ 'GET /api/communities/c1/contact-groups': ok({ items: [] }) }).transport);
    render(<AssignPage />);

    expect(await screen.findByText('找不到这个小组，可能已经解散')).toBeTruthy();
    expect(screen.getByText('加载失败')).toBeTruthy();
  });

  it('assigns a range of floors and draws the map again', async () => {
    const fake = routes({ [ASSIGN]: ok({ assigned: 2, reassigned: 0 }) });
    setTransport(fake.transport);
    render(<AssignPage />);
    await openBuilding();

    await type('如 24', '2');
    await type('如 27', '3');
    expect(screen.getByText('这个范围共 4 户，1 户属于其他小组，1 户已是本组的')).toBeTruthy();
    await click('分配给本组');

    expect(posts(fake.requests)[0].body).toEqual({ buildingId: 'b1', floorFrom: 2, floorTo: 3 });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已分配 2 户', icon: 'none', duration: 2500 });
    await waitFor(() => expect(maps(fake.requests)).toHaveLength(2));
  });

  it('checks the floors before sending', async () => {
    const fake = routes();
    setTransport(fake.transport);
    render(<AssignPage />);
    await openBuilding();

    await click('分配给本组');
    expect(screen.getByText('请填写从第几层开始')).toBeTruthy();
    await type('如 24', '3');
    await type('如 27', '2');
    await click('分配给本组');
    expect(screen.getByText('结束楼层不能低于开始楼层')).toBeTruthy();
    await type('如 24', '8');
    await type('如 27', '');
    await click('分配给本组');
    expect(screen.getByText('这个范围里没有住户')).toBeTruthy();
    expect(posts(fake.requests)).toHaveLength(0);
  });

  it('shows the households other groups have and reassigns them when asked (改派)', async () => {
    const fake = routes({
      [ASSIGN]: (request) =>
        (request.body as { reassign?: boolean }).reassign ? ok({ assigned: 2, reassigned: 1 }) : conflict(),
    });
    setTransport(fake.transport);
    render(<AssignPage />);
    await openBuilding();

    await type('如 24', '1');
    await click('分配给本组');

    const dialog = await screen.findByText('有住户已由其他小组包干');
    expect(dialog).toBeTruthy();
    expect(screen.getByText('阳光里小区 1栋 1单元 102')).toBeTruthy();
    expect(screen.getAllByText('阳光里2栋党员小组').length).toBeGreaterThan(0);
    await click('改派给本组');

    const [first, second] = posts(fake.requests);
    expect(first.body).toEqual({ buildingId: 'b1', floorFrom: 1, floorTo: 1 });
    expect(second.body).toEqual({ buildingId: 'b1', floorFrom: 1, floorTo: 1, reassign: true });
    expect(Taro.showToast).toHaveBeenCalledWith({
      title: '已分配 2 户，其中改派 1 户',
      icon: 'none',
      duration: 2500,
    });
    await waitFor(() => expect(screen.queryByText('有住户已由其他小组包干')).toBeNull());
  });

  it('assigns the households tapped', async () => {
    const fake = routes({ [ASSIGN]: ok({ assigned: 2, reassigned: 0 }) });
    setTransport(fake.transport);
    render(<AssignPage />);
    await openBuilding();

    fireEvent.click(room('201，未分配'));
    fireEvent.click(room('202，未分配'));
    expect(room('201，未分配').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('已选 2 户')).toBeTruthy();
    await click('分配给本组（2 户）');

    expect(posts(fake.requests)[0].body).toEqual({ householdIds: ['h201', 'h202'] });
    await waitFor(() => expect(screen.queryByText('已选 2 户')).toBeNull());
  });

  it("takes this group's households back after asking (收回)", async () => {
    const fake = routes({
      'POST /api/contact-groups/g1/assignments/release': ok({ released: 1 }),
    });
    setTransport(fake.transport);
    render(<AssignPage />);
    await openBuilding();

    fireEvent.click(room('301，本组'));
    fireEvent.click(room('201，未分配'));
    const bar = document.querySelector('.assign-bar') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(bar).getByText('收回（1 户）'));
    });

    const modal = (Taro.showModal as jest.Mock).mock.calls[0][0];
    expect(modal.title).toBe('收回住户');
    expect(modal.content).toMatch(/走访记录会保留/);
    const [release] = posts(fake.requests);
    expect(release.path).toBe('/api/contact-groups/g1/assignments/release');
    expect(release.body).toEqual({ householdIds: ['h301'] });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已收回 1 户', icon: 'none', duration: 2500 });
    await waitFor(() => expect(maps(fake.requests)).toHaveLength(2));
  });

  it('assigns the floors of one unit when the building has several', async () => {
    const base = assignmentsFixture().households;
    const fake = routes({
      [MAP]: ok(
        assignmentsFixture({
          households: [
            ...base,
            ...base.map((h) => ({ ...h, id: `${h.id}-2`, unit: '2单元', groupId: null })),
          ],
        }),
      ),
      [ASSIGN]: ok({ assigned: 2, reassigned: 0 }),
    });
    setTransport(fake.transport);
    render(<AssignPage />);
    await openBuilding();

    expect(screen.getAllByRole('checkbox', { name: '1单元301，本组' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('radio', { name: '2单元' }));
    // Only that unit's households are drawn now.
    expect(screen.queryByRole('checkbox', { name: '301，本组' })).toBeNull();
    expect(room('301，未分配')).toBeTruthy();
    await type('如 24', '3');
    await click('分配给本组');

    expect(posts(fake.requests)[0].body).toEqual({
      buildingId: 'b1',
      unit: '2单元',
      floorFrom: 3,
      floorTo: 3,
    });
  });

  it('keeps the households when the secretary does not confirm', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const fake = routes();
    setTransport(fake.transport);
    render(<AssignPage />);
    await openBuilding();

    fireEvent.click(room('301，本组'));
    await click('收回（1 户）');

    expect(Taro.showModal).toHaveBeenCalled();
    expect(posts(fake.requests)).toHaveLength(0);
  });
});
