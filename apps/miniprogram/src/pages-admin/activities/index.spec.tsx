import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { adminActivityFixture } from '../../test/activity-admin-fixtures';
import ActivitiesAdminPage from './index';

describe('活动管理 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { cid: 'c1' }, path: '' });
  });

  it('lists the activities of each tab and opens one', async () => {
    const fake = fakeTransport({
      'GET /api/communities/c1/activities': (request) =>
        ok(
          request.query?.when === 'running'
            ? { items: [adminActivityFixture()], nextCursor: null }
            : { items: [], nextCursor: null },
        ),
    });
    setTransport(fake.transport);
    render(<ActivitiesAdminPage />);

    expect(await screen.findByText('小区环境整治志愿服务')).toBeTruthy();
    expect(screen.getByText('进行中', { selector: '.activity-card *' })).toBeTruthy();
    expect(screen.getByText('3 / 30 人')).toBeTruthy();
    fireEvent.click(screen.getByText('小区环境整治志愿服务'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/activity/index?activityId=a1' });

    fireEvent.click(screen.getByText('即将开始'));
    expect(await screen.findByText('还没有即将开始的活动')).toBeTruthy();
    expect(fake.requests.map((r) => r.query?.when)).toEqual(['running', 'upcoming']);

    fireEvent.click(screen.getByText('发布活动'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/activities/edit?cid=c1' });
  });
});
