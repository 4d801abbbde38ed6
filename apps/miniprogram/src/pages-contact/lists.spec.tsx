import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Role } from '@redvest/contract';
import { setTransport } from '../services/api';
import { fakeTransport, ok } from '../test/fake-transport';
import { click, findByTextIn } from '../test/dom';
import { meFixture, membershipFixture } from '../test/fixtures';
import { demandFixture } from '../test/contact-fixtures';
import { memberViewFixture, projectFixture, resourceFixture } from '../test/contact-lists-fixtures';
import ContactListsPage from './lists';

const partyMember = () =>
  meFixture({
    id: 'u2',
    nickname: '张建国',
    memberships: [membershipFixture({ roles: [Role.PartyMember], employer: '市税务局' })],
  });

const empty = { items: [], nextCursor: null };

/** Taro's inputs draw their native box a moment after the dialog. */
async function type(placeholder: string, value: string) {
  const field = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(
      `.rv-dialog input[placeholder="${placeholder}"], .rv-dialog textarea[placeholder="${placeholder}"]`,
    );
    if (!found) throw new Error(`no field ${placeholder}`);
    return found;
  });
  await act(async () => {
    fireEvent.input(field, { target: { value } });
  });
}

const card = (title: string) => findByTextIn('.list-card', title);

describe('三单 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('shows each list: resources, demands by category and compound, projects', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(partyMember()),
      'GET /api/communities/c1/resources': ok({
        items: [
          resourceFixture(),
          resourceFixture({ id: 'r2', kind: 'goods', title: '图书', employer: '市教育局' }),
        ],
        nextCursor: null,
      }),
      'GET /api/communities/c1/demand-list': ok({
        rows: [
          { category: '住房维修', compound: '阳光里小区', open: 3, resolved: 1 },
          { category: '住房维修', compound: '檀溪花园', open: 1, resolved: 0 },
          { category: '环境卫生', compound: null, open: 0, resolved: 4 },
        ],
      }),
      'GET /api/communities/c1/service-projects': ok({
        items: [
          projectFixture(),
          projectFixture({
            id: 'p2',
            title: '陪老人去医院',
            mode: 'community_dispatch',
            modeLabel: '社区派单',
            status: 'taken',
            takerName: '李*',
          }),
        ],
      }),
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    expect(await screen.findByText('水电维修')).toBeTruthy();
    expect(within(card('水电维修')).getByText('技能')).toBeTruthy();
    expect(within(card('水电维修')).getByText('提供人：张建国')).toBeTruthy();
    expect(within(card('图书')).getByText('物资')).toBeTruthy();
    expect(within(card('图书')).getByText('所在单位：市教育局')).toBeTruthy();

    fireEvent.click(screen.getByText('需求单'));
    expect(await screen.findByText('共 4 件诉求待办理')).toBeTruthy();
    const repairs = card('住房维修');
    expect(within(repairs).getByText('待办 4')).toBeTruthy();
    expect(within(repairs).getByText('阳光里小区')).toBeTruthy();
    expect(within(repairs).getByText('檀溪花园')).toBeTruthy();
    expect(within(card('环境卫生')).getByText('全部办结')).toBeTruthy();
    expect(within(card('环境卫生')).getByText('已办结 4')).toBeTruthy();
    expect(within(card('环境卫生')).getByText('未分小区')).toBeTruthy();

    fireEvent.click(screen.getByText('项目单'));
    expect(await screen.findByText('为独居老人更换水管')).toBeTruthy();
    expect(within(card('为独居老人更换水管')).getByText('党员接单')).toBeTruthy();
    expect(within(card('为独居老人更换水管')).getByText('待接单')).toBeTruthy();
    expect(within(card('陪老人去医院')).getByText('社区派单')).toBeTruthy();
    expect(within(card('陪老人去医院')).getByText('进行中')).toBeTruthy();
    // Someone else's project: their name masked, as the server sends it to a party member.
    expect(within(card('陪老人去医院')).getByText('接单人：李*')).toBeTruthy();
    // A party member who is not the taker nor a secretary: no 完成, and no 新建项目.
    expect(within(card('陪老人去医院')).queryByText('完成')).toBeNull();
    expect(screen.queryByText('新建项目')).toBeNull();
  });

  it('shows the empty and error states, and retries', async () => {
    let fail = true;
    const fake = fakeTransport({
      'GET /api/me': ok(partyMember()),
      'GET /api/communities/c1/resources': () =>
        fail ? { status: 500, data: { error: { code: 'INTERNAL', message: '服务器开小差了' } } } : ok(empty),
      'GET /api/communities/c1/service-projects': ok({ items: [] }),
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    expect(await screen.findByText('服务器开小差了')).toBeTruthy();
    fail = false;
    await click(screen.getByText('重试'));
    expect(await screen.findByText('还没有登记的资源')).toBeTruthy();
    fireEvent.click(screen.getByText('项目单'));
    expect(await screen.findByText('还没有服务项目')).toBeTruthy();
  });

  it('lets a party member offer a resource in the name of their employer', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(partyMember()),
      'GET /api/communities/c1/resources': ok(empty),
      'POST /api/communities/c1/resources': ok(
        resourceFixture({ id: 'r9', title: '法律咨询', kind: 'time', employer: '市税务局' }),
      ),
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    fireEvent.click(await screen.findByText('登记资源'));
    fireEvent.click(await screen.findByText('时间'));
    await type('如：水电维修、法律咨询', ' 法律咨询 ');
    await type('什么时间、在哪里、能提供多少', '每月第一个周六上午');
    fireEvent.click(screen.getByLabelText('以原单位名义'));
    await click(screen.getByText('登记'));

    expect(await screen.findByText('法律咨询')).toBeTruthy();
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({
      kind: 'time',
      title: '法律咨询',
      description: '每月第一个周六上午',
      byEmployer: true,
    });
  });

  it('lets a party member take an open project, and not one someone has taken', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(partyMember()),
      'GET /api/communities/c1/resources': ok(empty),
      'GET /api/communities/c1/service-projects': ok({
        items: [
          projectFixture(),
          projectFixture({
            id: 'p3',
            title: '社区读报',
            mode: 'resident_order',
            modeLabel: '群众点单',
            status: 'taken',
            takerName: '刘*',
          }),
        ],
      }),
      'POST /api/service-projects/p1/take': ok(
        projectFixture({ status: 'taken', takerName: '张建国', takenByMe: true }),
      ),
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    fireEvent.click(await screen.findByText('项目单'));
    await screen.findByText('为独居老人更换水管');
    expect(within(card('社区读报')).queryByText('接单')).toBeNull();
    await click(within(card('为独居老人更换水管')).getByText('接单'));

    expect(await screen.findByText('接单人：张建国')).toBeTruthy();
    expect(within(card('为独居老人更换水管')).getByText('进行中')).toBeTruthy();
    expect(fake.requests.some((r) => r.method === 'POST' && r.path === '/api/service-projects/p1/take')).toBe(
      true,
    );
    // The taker may now mark it done.
    expect(within(card('为独居老人更换水管')).getByText('完成')).toBeTruthy();
  });

  it('says so and reloads when someone else took the project first (409)', async () => {
    let taken = false;
    const fake = fakeTransport({
      'GET /api/me': ok(partyMember()),
      'GET /api/communities/c1/resources': ok(empty),
      'GET /api/communities/c1/service-projects': () =>
        ok({
          items: [taken ? projectFixture({ status: 'taken', takerName: '李*' }) : projectFixture()],
        }),
      'POST /api/service-projects/p1/take': () => {
        taken = true;
        return {
          status: 409,
          data: { error: { code: 'PROJECT_ALREADY_TAKEN', message: '该项目已有人接单' } },
        };
      },
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    fireEvent.click(await screen.findByText('项目单'));
    await click(await screen.findByText('接单'));

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '该项目已有人接单' }));
    expect(await screen.findByText('接单人：李*')).toBeTruthy();
    expect(screen.queryByText('接单')).toBeNull();
    expect(fake.requests.filter((r) => r.path === '/api/communities/c1/service-projects')).toHaveLength(2);
  });

  it('lets a secretary finish a project someone else took', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/resources': ok(empty),
      'GET /api/communities/c1/service-projects': ok({
        items: [projectFixture({ status: 'taken', takerId: 'u9', takerName: '李明' })],
      }),
      'POST /api/service-projects/p1/done': ok(
        projectFixture({ status: 'done', takerId: 'u9', takerName: '李明' }),
      ),
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    fireEvent.click(await screen.findByText('项目单'));
    await click(await screen.findByText('完成'));

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '项目完成' }));
    expect(await screen.findByText('已完成')).toBeTruthy();
    expect(screen.queryByText('完成')).toBeNull();
    expect(fake.requests.some((r) => r.method === 'POST' && r.path === '/api/service-projects/p1/done')).toBe(
      true,
    );
    // A secretary is not a party member: no 登记资源 on the resource list.
    fireEvent.click(screen.getByText('资源单'));
    expect(await screen.findByText('还没有登记的资源')).toBeTruthy();
    expect(screen.queryByText('登记资源')).toBeNull();
  });

  it('lets a secretary create a 社区派单 project for a demand, a resource and a member', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/resources': ok({ items: [resourceFixture()], nextCursor: null }),
      'GET /api/communities/c1/demands': ok({
        items: [
          demandFixture({ photos: [] }),
          demandFixture({ id: 'd2', text: '已经修好的', status: 'resolved', photos: [] }),
        ],
        nextCursor: null,
      }),
      'GET /api/communities/c1/service-projects': ok({ items: [] }),
      'GET /api/communities/c1/members': ok({
        items: [
          memberViewFixture(),
          memberViewFixture({ userId: 'u4', realName: '王大妈', roles: [Role.Resident] }),
        ],
        nextCursor: null,
      }),
      'POST /api/communities/c1/service-projects': ok(
        projectFixture({
          id: 'p9',
          title: '更换卫生间水管',
          mode: 'community_dispatch',
          modeLabel: '社区派单',
          status: 'taken',
          takerId: 'u3',
          takerName: '李明',
        }),
      ),
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    fireEvent.click(await screen.findByText('项目单'));
    fireEvent.click(await screen.findByText('新建项目'));
    await type('如：为独居老人更换水管', '更换卫生间水管');
    fireEvent.click(screen.getByText('社区派单'));
    // No member yet: the button stays disabled.
    expect(screen.getByText('建立项目').closest('.nut-button')?.className).toContain('nut-button-disabled');

    fireEvent.click(screen.getByText('请选择成员'));
    // Only party members and volunteers can be given a project.
    expect(await screen.findByText('李明')).toBeTruthy();
    expect(screen.queryByText('王大妈')).toBeNull();
    fireEvent.click(screen.getByText('李明'));

    await waitFor(() => expect(document.querySelectorAll('taro-picker-core')).toHaveLength(2));
    const [demandPicker, resourcePicker] = document.querySelectorAll('taro-picker-core');
    await act(async () => {
      demandPicker.dispatchEvent(new CustomEvent('change', { detail: { value: 1 } }));
      resourcePicker.dispatchEvent(new CustomEvent('change', { detail: { value: 1 } }));
    });
    // The resolved demand is not offered.
    const chosen = [...document.querySelectorAll('.link-picker__text')].map((node) => node.textContent);
    expect(chosen).toEqual(['李明', '住房维修：卫生间水管老化渗水', '技能·水电维修（张建国）']);
    expect(screen.queryAllByText('住房维修：已经修好的')).toHaveLength(0);
    await click(screen.getByText('建立项目'));

    expect(await screen.findByText('接单人：李明')).toBeTruthy();
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({
      title: '更换卫生间水管',
      mode: 'community_dispatch',
      demandId: 'd1',
      resourceId: 'r1',
      takerId: 'u3',
    });
  });

  it('opens 新建项目 answering the demand a secretary came from (建服务项目)', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1', demandId: 'd1' }, path: '' });
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/communities/c1/resources': ok({ items: [], nextCursor: null }),
      'GET /api/communities/c1/demands': ok({ items: [demandFixture()], nextCursor: null }),
      'GET /api/communities/c1/service-projects': ok({ items: [] }),
      'POST /api/communities/c1/service-projects': ok(projectFixture({ id: 'p9', demandId: 'd1' })),
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    await type('如：为独居老人更换水管', '更换卫生间水管');
    fireEvent.click(screen.getByText('党员接单'));
    await waitFor(() =>
      expect([...document.querySelectorAll('.link-picker__text')].map((node) => node.textContent)).toContain(
        '住房维修：卫生间水管老化渗水',
      ),
    );
    await click(screen.getByText('建立项目'));

    await waitFor(() =>
      expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({
        title: '更换卫生间水管',
        mode: 'member_take',
        demandId: 'd1',
      }),
    );
  });

  it('loads the next page of projects at the bottom of the list', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(partyMember()),
      'GET /api/communities/c1/resources': ok({ items: [], nextCursor: null }),
      'GET /api/communities/c1/service-projects': (request) =>
        request.query?.cursor === 'p1'
          ? ok({ items: [projectFixture({ id: 'p0', title: '社区读报' })], nextCursor: null })
          : ok({ items: [projectFixture()], nextCursor: 'p1' }),
    });
    setTransport(fake.transport);

    render(<ContactListsPage />);
    fireEvent.click(await screen.findByText('项目单'));
    await screen.findByText('为独居老人更换水管');
    const onReachBottom = (Taro.useReachBottom as jest.Mock).mock.calls.at(-1)?.[0];
    await act(async () => onReachBottom());

    expect(await screen.findByText('社区读报')).toBeTruthy();
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });
});
