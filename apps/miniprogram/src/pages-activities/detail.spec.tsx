import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Role } from '@redvest/contract';
import { setTransport } from '../services/api';
import { fakeTransport, ok } from '../test/fake-transport';
import { meFixture, membershipFixture } from '../test/fixtures';
import { activityFixture, attendanceFixture } from '../test/checkin-fixtures';
import ActivityDetailPage from './detail';

const volunteer = meFixture({
  nickname: '赵志愿',
  memberships: [membershipFixture({ roles: [Role.Volunteer] })],
});

describe('活动详情 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'a1' }, path: '' });
  });

  it('says when, where, how many and the points rule in words', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(volunteer),
        'GET /api/activities/a1': ok(
          activityFixture({ pointsRule: { kind: 'per_hour', points: 5 }, autoApprove: true }),
        ),
      }).transport,
    );

    render(<ActivityDetailPage />);

    expect(await screen.findByText('小区环境整治志愿服务')).toBeTruthy();
    expect(screen.getByText('11月23日 16:00–20:00')).toBeTruthy();
    expect(screen.getByText('阳光里小区中心花园')).toBeTruthy();
    expect(screen.getByText('限 50 人，已签到 3 人')).toBeTruthy();
    expect(screen.getByText('每满 1 小时 5 积分，签退后自动入账')).toBeTruthy();
    expect(screen.getByText('去扫码签到')).toBeTruthy();
    // Not a secretary: no organiser tools.
    expect(screen.queryByText('出示签到码')).toBeNull();
  });

  it('lets a volunteer enrol where the activity asks for it', async () => {
    const upcoming = activityFixture({ phase: 'upcoming', enrolmentRequired: true });
    const fake = fakeTransport({
      'GET /api/me': ok(volunteer),
      'GET /api/activities/a1': ok(upcoming),
      'POST /api/activities/a1/enrolment': ok({
        ...upcoming,
        enrolledCount: 1,
        me: { enrolled: true, attendance: null },
      }),
    });
    setTransport(fake.transport);

    render(<ActivityDetailPage />);
    const enrol = await screen.findByText('报名');
    await act(async () => {
      fireEvent.click(enrol);
    });

    expect(await screen.findByText('取消报名')).toBeTruthy();
    expect(screen.getByText('您已报名，请按时到达活动地点扫码签到。')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }));
  });

  it('shows my attendance', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(volunteer),
        'GET /api/activities/a1': ok(
          activityFixture({
            me: {
              enrolled: false,
              attendance: attendanceFixture({
                status: 'closed',
                checkedOutAt: '2026-11-23T18:30:00.000+08:00',
                minutes: 80,
                points: 10,
                pointsPending: true,
              }),
            },
          }),
        ),
      }).transport,
    );

    render(<ActivityDetailPage />);

    expect(await screen.findByText('我的签到')).toBeTruthy();
    expect(screen.getByText('已签退')).toBeTruthy();
    expect(screen.getByText('1 小时 20 分钟')).toBeTruthy();
    expect(screen.getByText('10 积分（待审批）')).toBeTruthy();
    expect(screen.queryByText('去扫码签到')).toBeNull();
  });

  it('gives the community’s secretary the live code and the poster', async () => {
    setTransport(
      fakeTransport({ 'GET /api/me': ok(meFixture()), 'GET /api/activities/a1': ok(activityFixture()) })
        .transport,
    );

    render(<ActivityDetailPage />);

    fireEvent.click(await screen.findByText('出示签到码'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/live-code/index?activityId=a1' });
    fireEvent.click(screen.getByText('签到海报'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-admin/poster/index?activityId=a1' });
  });

  it('gives no organiser tools to a secretary of another community', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(meFixture()),
        'GET /api/activities/a1': ok(activityFixture({ communityId: 'c2' })),
      }).transport,
    );

    render(<ActivityDetailPage />);

    await waitFor(() => expect(screen.getByText('小区环境整治志愿服务')).toBeTruthy());
    expect(screen.queryByText('出示签到码')).toBeNull();
  });
});
