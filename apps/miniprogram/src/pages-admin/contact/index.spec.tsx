import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import ContactAdminPage from './index';

describe('包户管理 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it("shows the groups with their households and this month's coverage", async () => {
    setTransport(
      fakeTransport({
        'GET /api/communities/c1/contact-groups': ok({
          items: [
            {
              id: 'g1',
              communityId: 'c1',
              name: '阳光里1栋党员小组',
              compoundId: 'k1',
              compound: '阳光里小区',
              leaderId: 'u1',
              members: [
                { userId: 'u1', name: '张卫东' },
                { userId: 'u2', name: '刘建国' },
              ],
              status: 'active',
              householdCount: 12,
            },
          ],
        }),
        'GET /api/communities/c1/coverage': ok({
          month: '2026-11',
          overdueDays: 30,
          rows: [
            {
              groupId: 'g1',
              groupName: '阳光里1栋党员小组',
              building: '1栋',
              households: 12,
              visited: 1,
              overdue: 11,
            },
          ],
        }),
      }).transport,
    );

    render(<ContactAdminPage />);

    expect(await screen.findByText('阳光里小区 · 包 12 户')).toBeTruthy();
    expect(screen.getByText('组长：张卫东 · 成员：张卫东、刘建国')).toBeTruthy();
    expect(screen.getByText('2026-11 · 超过 30 天未走访算逾期')).toBeTruthy();
    expect(screen.getByText('11')).toBeTruthy();
    expect(screen.getByText('1栋')).toBeTruthy();
  });
});
