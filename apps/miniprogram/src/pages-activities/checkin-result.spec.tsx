import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@redvest/contract';
import { setTransport } from '../services/api';
import { rememberCheckin } from '../services/checkin';
import { resetOfflineScansForTest } from '../services/offline-scans';
import { errorResponse, fakeTransport, ok } from '../test/fake-transport';
import { checkedOutFixture, checkinFixture, TOKEN } from '../test/checkin-fixtures';
import CheckinResultPage from './checkin-result';

const facts = () => within(document.querySelector<HTMLElement>('.result-facts')!);

async function pressCheckOut() {
  await act(async () => {
    fireEvent.click(screen.getByText('签退', { selector: '.result-checkout .nut-button *' }));
  });
}

describe('签到结果 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    resetOfflineScansForTest();
    jest.clearAllMocks();
  });

  it('shows 签到成功 with the time, the activity and its place, and a big 签退 button', () => {
    rememberCheckin({ result: checkinFixture(), token: TOKEN });

    render(<CheckinResultPage />);

    expect(screen.getByText('签到成功')).toBeTruthy();
    expect(document.querySelector('.result-hero__time')?.textContent).toBe('11月23日 17:10');
    expect(facts().getByText('小区环境整治志愿服务')).toBeTruthy();
    expect(facts().getByText('阳光里小区中心花园')).toBeTruthy();
    expect(screen.queryByText('服务时长')).toBeNull();
    expect(screen.getByText('签退', { selector: '.result-checkout .nut-button *' })).toBeTruthy();
  });

  it('tells a volunteer who scanned twice that they are already checked in', () => {
    rememberCheckin({ result: checkinFixture('already_checked_in'), token: TOKEN });

    render(<CheckinResultPage />);

    expect(screen.getByText('已签到')).toBeTruthy();
    expect(screen.getByText('您刚才已经签到过了，不用再扫')).toBeTruthy();
  });

  it('shows 签退成功 with the time served in hours and minutes and the points waiting for approval', () => {
    rememberCheckin({ result: checkedOutFixture(), token: TOKEN });

    render(<CheckinResultPage />);

    expect(screen.getByText('签退成功')).toBeTruthy();
    expect(document.querySelector('.result-hero__time')?.textContent).toBe('11月23日 18:30');
    expect(facts().getByText('1 小时 20 分钟')).toBeTruthy();
    expect(facts().getByText('10 积分')).toBeTruthy();
    expect(facts().getByText('待审批')).toBeTruthy();
    expect(screen.queryByText('签退', { selector: '.result-checkout .nut-button *' })).toBeNull();
  });

  it('checks out with the same code (H5) after the volunteer confirms, and shows 签退成功', async () => {
    rememberCheckin({ result: checkinFixture(), token: TOKEN });
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkedOutFixture()) });
    setTransport(fake.transport);

    render(<CheckinResultPage />);
    await pressCheckOut();

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认签退' }));
    expect(fake.requests[0].body).toEqual({ token: TOKEN, intent: 'check_out' });
    expect(await screen.findByText('签退成功')).toBeTruthy();
    expect(facts().getByText('1 小时 20 分钟')).toBeTruthy();
  });

  it('does nothing when the volunteer does not confirm', async () => {
    rememberCheckin({ result: checkinFixture(), token: TOKEN });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkedOutFixture()) });
    setTransport(fake.transport);

    render(<CheckinResultPage />);
    await pressCheckOut();

    expect(fake.requests).toHaveLength(0);
    expect(screen.getByText('签到成功')).toBeTruthy();
  });

  it('asks for a new code when the one of the check-in has expired, and opens 扫码 to check out', async () => {
    rememberCheckin({ result: checkinFixture(), token: TOKEN });
    setTransport(
      fakeTransport({ 'POST /api/checkins': errorResponse(ErrorCode.CheckinCodeExpired) }).transport,
    );

    render(<CheckinResultPage />);
    await pressCheckOut();

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/scan/index' }));
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '签到码已更新' }));
    expect(Taro.getStorageSync('checkin.checkoutMode')).toBe(true);
  });

  it('offers to scan when there is no check-in to show', () => {
    render(<CheckinResultPage />);

    fireEvent.click(screen.getByText('去扫码'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/scan/index' });
  });
});
