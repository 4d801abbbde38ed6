import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { CertificateView, ErrorCode } from '@redvest/contract';
import { setTransport } from '../services/api';
import { errorResponse, fakeTransport, ok } from '../test/fake-transport';
import { findByTextIn } from '../test/dom';
import { meFixture, pointsFixture } from '../test/fixtures';
import { attendanceFixture } from '../test/checkin-fixtures';
import RecordsPage from './records';

const records = {
  items: [
    attendanceFixture({
      id: 'at1',
      status: 'closed',
      checkedOutAt: '2026-11-23T18:30:00.000+08:00',
      minutes: 80,
      points: 10,
      pointsPending: true,
      offline: true,
    }),
    attendanceFixture({
      id: 'at2',
      activityTitle: '重阳节敬老院慰问演出',
      checkedInAt: '2026-10-29T09:00:00.000+08:00',
      status: 'unclosed',
      minutes: 0,
      points: 20,
      proxyBy: 'u9',
    }),
  ],
  nextCursor: null,
};

const card = (title: string) => findByTextIn('.record-card', title);

/** Types into the `index`-th field matching `selector` (Taro's H5 fields render a moment after the dialog). */
async function type(selector: string, value: string, index = 0) {
  const field = await waitFor(() => {
    const found = document.querySelectorAll<HTMLInputElement>(selector)[index];
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });
  await act(async () => {
    fireEvent.input(field, { target: { value } });
  });
}

describe('我的服务记录 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
  });

  it('lists my attendances with their times, time served, points and notes', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(meFixture()),
        'GET /api/me/attendances': ok(records),
        'GET /api/me/points': ok(pointsFixture()),
      }).transport,
    );

    render(<RecordsPage />);

    await screen.findByText('小区环境整治志愿服务');
    // The ledger's figures, as 我的积分 shows them; what waits for approval apart.
    expect(await screen.findByText('4 小时')).toBeTruthy();
    expect(screen.getByText('另有 2 小时待审批，审批后计入，也才能写进志愿服务证明')).toBeTruthy();
    const first = within(card('小区环境整治志愿服务'));
    expect(first.getByText('已签退')).toBeTruthy();
    expect(first.getByText('签到 17:10')).toBeTruthy();
    expect(first.getByText('签退 18:30')).toBeTruthy();
    expect(first.getByText('1 小时 20 分钟（待审批）')).toBeTruthy();
    expect(first.getByText('10 积分（待审批）')).toBeTruthy();
    expect(first.getByText('离线')).toBeTruthy();
    const second = within(card('重阳节敬老院慰问演出'));
    expect(second.getByText('未签退')).toBeTruthy();
    expect(second.getByText('代签到')).toBeTruthy();
    expect(second.getByText('10月29日')).toBeTruthy();
  });

  it('sends a correction with the minutes and the reason', async () => {
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/me/attendances': ok(records),
      'POST /api/attendances/at1/corrections': ok({ id: 'k1', status: 'pending' }),
    });
    setTransport(fake.transport);

    render(<RecordsPage />);
    await screen.findByText('小区环境整治志愿服务');
    fireEvent.click(within(card('小区环境整治志愿服务')).getByText('申请更正'));
    expect(await screen.findByText('小区环境整治志愿服务：现在记录 1 小时 20 分钟')).toBeTruthy();

    // Hours, then minutes.
    await type('.records-duration input', '2', 0);
    await type('.records-duration input', '30', 1);
    await type('.records-reason textarea', '  签退时手机没电，实际服务到晚上 8 点 ');
    await act(async () => {
      fireEvent.click(screen.getByText('提交'));
    });

    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交' })),
    );
    const sent = fake.requests.find((r) => r.path === '/api/attendances/at1/corrections');
    expect(sent?.body).toEqual({ minutes: 150, reason: '签退时手机没电，实际服务到晚上 8 点' });
  });

  it('issues a certificate for this year in my community and shows its code', async () => {
    const certificate: CertificateView = {
      code: 'SAVWCTF36AUB',
      communityName: '襄阳街社区',
      holderName: '赵*远',
      from: '2026-01-01',
      to: '2026-11-23',
      activityCount: 3,
      totalMinutes: 400,
      issuedAt: '2026-11-23T19:00:00.000+08:00',
      pdfUrl: '/api/certificates/SAVWCTF36AUB/pdf',
    };
    const fake = fakeTransport({
      'GET /api/me': ok(meFixture()),
      'GET /api/me/attendances': ok(records),
      'POST /api/me/certificates': ok(certificate),
    });
    setTransport(fake.transport);

    render(<RecordsPage />);
    fireEvent.click(await screen.findByText('开具证明'));
    const issue = await screen.findByText('开具');
    await act(async () => {
      fireEvent.click(issue);
    });

    expect(await screen.findByText('SAVWCTF36AUB')).toBeTruthy();
    expect(screen.getByText('参加活动 3 次，服务 6 小时 40 分钟')).toBeTruthy();
    const sent = fake.requests.find((r) => r.path === '/api/me/certificates');
    // Only the active membership (c1) can issue; the period is this year up to today.
    expect(sent?.body).toMatchObject({ communityId: 'c1' });
    expect((sent?.body as { from: string }).from).toMatch(/^\d{4}-01-01$/);
  });

  it('says why when there is nothing to certify', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(meFixture()),
        'GET /api/me/attendances': ok(records),
        'POST /api/me/certificates': errorResponse(ErrorCode.NoServiceInPeriod),
      }).transport,
    );

    render(<RecordsPage />);
    fireEvent.click(await screen.findByText('开具证明'));
    fireEvent.click(await screen.findByText('去年'));
    await act(async () => {
      fireEvent.click(screen.getByText('开具'));
    });

    expect(await screen.findByText('这段时间内没有已审批的志愿服务记录')).toBeTruthy();
  });

  it('shows an empty list with the way to the activities', async () => {
    setTransport(
      fakeTransport({
        'GET /api/me': ok(meFixture()),
        'GET /api/me/attendances': ok({ items: [], nextCursor: null }),
      }).transport,
    );

    render(<RecordsPage />);

    fireEvent.click(await screen.findByText('看看志愿活动'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-activities/index' });
  });
});
