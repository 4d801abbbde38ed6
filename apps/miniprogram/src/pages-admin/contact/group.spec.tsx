import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { HttpRequest } from '@redvest/api-client';
import { ERROR_CATALOG, ErrorCode, Role } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { memberFixture } from '../../test/activity-admin-fixtures';
import { errorResponse, fakeTransport, ok } from '../../test/fake-transport';
import { groupFixture } from './fixtures';
import GroupPage from './group';

const MEMBERS = {
  items: [
    memberFixture({
      userId: 'u1',
      realName: '张卫东',
      phone: '13812341234',
      roles: [Role.PartyMember],
      employer: '市财政局',
    }),
    memberFixture({ userId: 'u2', realName: '刘建国', phone: '139****0002', roles: [Role.GroupLeader] }),
    memberFixture({ userId: 'u3', realName: '王秀英', phone: '137****0003', roles: [Role.PartyMember] }),
    memberFixture({ userId: 'u5', realName: '周桂兰', roles: [Role.Resident, Role.Volunteer] }),
  ],
  nextCursor: null,
};

function routes(extra: Parameters<typeof fakeTransport>[0] = {}) {
  return fakeTransport({
    'GET /api/communities/c1/members': ok(MEMBERS),
    'GET /api/communities/c1/compounds': ok({
      items: [
        { id: 'k1', name: '阳光里小区' },
        { id: 'k2', name: '幸福苑' },
      ],
    }),
    'GET /api/communities/c1/contact-groups': ok({ items: [groupFixture()] }),
    'GET /api/communities/c1/contact-settings': ok({ contactGroupSize: 3, visitOverdueDays: 90 }),
    ...extra,
  });
}

async function typeName(value: string) {
  const field = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>('input[placeholder="如：阳光里1栋党员小组"]');
    if (!found) throw new Error('no name box');
    return found;
  });
  await act(async () => {
    fireEvent.input(field, { target: { value } });
  });
}

const member = (name: string) => screen.getByRole('checkbox', { name: new RegExp(`^${name}`) });
const leader = (name: string) => screen.getByRole('radio', { name });

async function submit(text: string) {
  await act(async () => {
    fireEvent.click(screen.getByText(text));
  });
}

const writes = (requests: HttpRequest[]) => requests.filter((r) => r.method !== 'GET');

describe('新建小组 / 修改小组 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('creates a group of party members with a leader, then goes back', async () => {
    const fake = routes({
      'POST /api/communities/c1/contact-groups': (request) =>
        ok(groupFixture({ id: 'g9', ...(request.body as object) })),
    });
    setTransport(fake.transport);
    render(<GroupPage />);

    expect(await screen.findByText('张卫东')).toBeTruthy();
    // Only party members (a group leader is one), with the phone masked and the employer.
    expect(screen.getByText('电话：138****1234 · 原单位：市财政局')).toBeTruthy();
    expect(screen.getByText('刘建国')).toBeTruthy();
    expect(screen.queryByText('周桂兰')).toBeNull();

    await typeName(' 阳光里3栋党员小组 ');
    fireEvent.click(await screen.findByText('幸福苑'));
    fireEvent.click(member('张卫东'));
    fireEvent.click(member('王秀英'));
    expect(screen.getByText('小组成员（已选 2 人）')).toBeTruthy();
    // The community's group size (包户设置) is three: a fourth cannot be ticked.
    expect(screen.getByText('从在职党员中点选，最多 3 人')).toBeTruthy();
    fireEvent.click(leader('王秀英'));
    await submit('创建小组');

    const [create] = writes(fake.requests);
    expect(create.path).toBe('/api/communities/c1/contact-groups');
    expect(create.body).toEqual({
      name: '阳光里3栋党员小组',
      memberIds: ['u1', 'u3'],
      leaderId: 'u3',
      compoundId: 'k2',
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已创建', icon: 'success' });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('says what is missing before sending anything', async () => {
    const fake = routes();
    setTransport(fake.transport);
    render(<GroupPage />);
    await screen.findByText('张卫东');

    await submit('创建小组');
    expect(screen.getByText('请填写小组名称')).toBeTruthy();
    expect(screen.getByText('请至少选择一名成员')).toBeTruthy();
    expect(screen.getByText('请选择组长')).toBeTruthy();

    // Taking the leader out of the group takes them off the leader's seat.
    await typeName('阳光里3栋党员小组');
    fireEvent.click(member('张卫东'));
    fireEvent.click(leader('张卫东'));
    fireEvent.click(member('张卫东'));
    fireEvent.click(member('王秀英'));
    await submit('创建小组');
    expect(screen.queryByText('请填写小组名称')).toBeNull();
    expect(screen.getByText('请选择组长')).toBeTruthy();
    expect(writes(fake.requests)).toHaveLength(0);
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('edits a group, sending only what changed', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1', groupId: 'g1' }, path: '' });
    const fake = routes({
      'PUT /api/contact-groups/g1': (request) => ok(groupFixture(request.body as object)),
    });
    setTransport(fake.transport);
    render(<GroupPage />);

    expect(await screen.findByText('小组成员（已选 2 人）')).toBeTruthy();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '修改小组' });
    await waitFor(() => expect(member('刘建国').getAttribute('aria-checked')).toBe('true'));
    expect(leader('张卫东').getAttribute('aria-checked')).toBe('true');

    await typeName('阳光里1栋第一党员小组');
    fireEvent.click(member('刘建国'));
    fireEvent.click(member('王秀英'));
    fireEvent.click(await screen.findByText('不指定'));
    await submit('保存修改');

    const [update] = writes(fake.requests);
    expect(update.method).toBe('PUT');
    expect(update.path).toBe('/api/contact-groups/g1');
    expect(update.body).toEqual({
      name: '阳光里1栋第一党员小组',
      memberIds: ['u1', 'u3'],
      compoundId: null,
    });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it("shows the server's refusal and stays", async () => {
    const fake = routes({
      'POST /api/communities/c1/contact-groups': errorResponse(ErrorCode.ContactGroupInvalid),
    });
    setTransport(fake.transport);
    render(<GroupPage />);
    await screen.findByText('张卫东');

    await typeName('阳光里3栋党员小组');
    fireEvent.click(member('张卫东'));
    fireEvent.click(leader('张卫东'));
    await submit('创建小组');

    const message = ERROR_CATALOG[ErrorCode.ContactGroupInvalid].message;
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });
});
