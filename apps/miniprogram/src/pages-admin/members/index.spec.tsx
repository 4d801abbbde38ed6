import { render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { MembershipStatus } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { memberFixture } from '../../test/activity-admin-fixtures';
import { fakeTransport, ok } from '../../test/fake-transport';
import { click, findByTextIn } from '../../test/dom';
import MembersPage from './index';

const active = {
  items: [memberFixture(), memberFixture({ userId: 'u6', realName: '陈丽', nickname: '丽丽' })],
  nextCursor: null,
};

describe('成员审核 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('removes a member with a reason the member will be told, and takes them off the list', async () => {
    const fake = fakeTransport({
      'GET /api/communities/c1/members': (request) =>
        ok(request.query?.status === MembershipStatus.Active ? active : { items: [], nextCursor: null }),
      'POST /api/communities/c1/members/u5/remove': ok({ communityId: 'c1' }),
    });
    setTransport(fake.transport);
    render(<MembersPage />);

    await click(await screen.findByText('已认证成员'));
    await click(within(findByTextIn('.member-card', '周桂兰')).getByText('移除成员'));
    expect(screen.getByText('移除周桂兰')).toBeTruthy();
    expect(screen.getByText(/服务记录和积分明细保留/)).toBeTruthy();
    // No reason yet: nothing is sent.
    await click(screen.getByText('确定移除'));
    expect(fake.requests.some((r) => r.method === 'POST')).toBe(false);

    await click(screen.getByText('已搬离本社区'));
    await click(screen.getByText('确定移除'));
    expect(fake.requests.find((r) => r.method === 'POST')).toMatchObject({
      path: '/api/communities/c1/members/u5/remove',
      body: { reason: '已搬离本社区' },
    });
    await waitFor(() => expect(screen.queryByText('周桂兰')).toBeNull());
    expect(screen.getByText('陈丽')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已移除' }));
  });
});
