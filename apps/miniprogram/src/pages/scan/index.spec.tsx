import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@redvest/contract';
import { setTransport } from '../../services/api';
import { lastCheckin } from '../../services/checkin';
import { queuedScans, resetOfflineScansForTest } from '../../services/offline-scans';
import { errorResponse, fakeTransport, ok } from '../../test/fake-transport';
import { checkinFixture, TOKEN } from '../../test/checkin-fixtures';
import ScanPage from './index';

/** Types into the paste field (Taro's H5 input renders a moment after the page). */
async function paste(text: string) {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>('input[placeholder="在此粘贴签到码"]');
    if (!found) throw new Error('no paste field');
    return found;
  });
  await act(async () => {
    fireEvent.input(input, { target: { value: text } });
  });
}

async function pressCheckIn() {
  await act(async () => {
    fireEvent.click(screen.getByText('签到', { selector: '.scan-paste .nut-button *' }));
  });
}

describe('扫码 page', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    resetOfflineScansForTest();
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: {}, path: '' });
  });

  it('checks in with a pasted code and opens the result', async () => {
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkinFixture()) });
    setTransport(fake.transport);

    render(<ScanPage />);
    await paste(`  ${TOKEN} `);
    await pressCheckIn();

    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-activities/checkin-result' }),
    );
    expect(fake.requests[0].body).toEqual({ token: TOKEN });
    expect(lastCheckin()?.result.action).toBe('checked_in');
  });

  it('says when the pasted text is not a check-in code, without asking the server', async () => {
    const fake = fakeTransport({});
    setTransport(fake.transport);

    render(<ScanPage />);
    await paste('https://example.org/');
    await pressCheckIn();

    expect(screen.getByText('这不是红马甲的签到码，请扫描活动现场的二维码')).toBeTruthy();
    expect(fake.requests).toHaveLength(0);
  });

  it('shows the server’s reason when the code has expired', async () => {
    setTransport(
      fakeTransport({ 'POST /api/checkins': errorResponse(ErrorCode.CheckinCodeExpired) }).transport,
    );

    render(<ScanPage />);
    await paste(TOKEN);
    await pressCheckIn();

    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '没有签到成功',
          content: '签到码已过期，请重新扫描现场的二维码',
        }),
      ),
    );
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('keeps a scan made without a network under 待上传, and sends it with 立即上传', async () => {
    let online = false;
    const fake = fakeTransport({
      'POST /api/checkins': () => {
        if (!online) throw new Error('no network');
        return ok(checkinFixture('checked_in', { offline: true }));
      },
    });
    setTransport(fake.transport);

    render(<ScanPage />);
    await paste(TOKEN);
    await pressCheckIn();

    expect(await screen.findByText('待上传', { selector: '.rv-section-title' })).toBeTruthy();
    expect(screen.getByText('签到扫码')).toBeTruthy();
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不好，已先保存' }));
    const scannedAt = queuedScans()[0].scannedAt;

    online = true;
    await act(async () => {
      fireEvent.click(screen.getByText('立即上传'));
    });

    expect(await screen.findByText('最近上传')).toBeTruthy();
    expect(screen.getByText('小区环境整治志愿服务')).toBeTruthy();
    expect(screen.getByText('签到成功')).toBeTruthy();
    expect(screen.queryByText('待上传', { selector: '.rv-section-title' })).toBeNull();
    expect(fake.requests[1].body).toEqual({ token: TOKEN, scannedAt });
  });

  it('checks in at once with the token a WeChat code opened the page with', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({
      params: { scene: encodeURIComponent(TOKEN) },
      path: '/pages/scan/index',
    });
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkinFixture()) });
    setTransport(fake.transport);

    render(<ScanPage />);

    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages-activities/checkin-result' }),
    );
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].body).toEqual({ token: TOKEN });
  });

  it('keeps a WeChat code’s token through the login, and checks in after it', async () => {
    Taro.removeStorageSync('token');
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { scene: TOKEN }, path: '' });
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkinFixture()) });
    setTransport(fake.transport);

    const { unmount } = render(<ScanPage />);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(fake.requests).toHaveLength(0);
    unmount();

    Taro.setStorageSync('token', 'test-token');
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: {}, path: '' });
    render(<ScanPage />);

    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0].body).toEqual({ token: TOKEN });
  });

  it('checks out when the result page sent the volunteer back to scan a new code', async () => {
    Taro.setStorageSync('checkin.checkoutMode', true);
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkinFixture('checked_out')) });
    setTransport(fake.transport);

    render(<ScanPage />);
    expect(screen.getByText('现在是签退：扫描活动现场的二维码即可签退。')).toBeTruthy();
    await paste(TOKEN);
    await act(async () => {
      fireEvent.click(screen.getByText('签退', { selector: '.scan-paste .nut-button *' }));
    });

    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0].body).toEqual({ token: TOKEN, intent: 'check_out' });
    expect(Taro.getStorageSync('checkin.checkoutMode')).toBe('');
  });
});
