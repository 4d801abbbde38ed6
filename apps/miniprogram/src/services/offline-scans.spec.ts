import Taro from '@tarojs/taro';
import { ErrorCode } from '@redvest/contract';
import { setTransport } from './api';
import { checkIn, sendOfflineScans } from './checkin';
import { queuedScans, queueScan, recentlySent, resetOfflineScansForTest } from './offline-scans';
import { errorResponse, fakeTransport, ok } from '../test/fake-transport';
import { checkinFixture, TOKEN } from '../test/checkin-fixtures';

const OTHER_TOKEN = 'AQAAAAgAAAAAAD8yYWJjZGVmZ2hp';

const offline = () => {
  throw new Error('no network');
};

describe('offline scans (待上传)', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    resetOfflineScansForTest();
    jest.clearAllMocks();
  });

  it('keeps a scan made without a network, with the time it was made, on the phone', async () => {
    const fake = fakeTransport({ 'POST /api/checkins': offline });
    setTransport(fake.transport);
    const before = Date.now();

    const outcome = await checkIn(TOKEN);

    expect(outcome.kind).toBe('queued');
    const [kept] = queuedScans();
    expect(kept).toMatchObject({ token: TOKEN });
    expect(Date.parse(kept.scannedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(kept.scannedAt)).toBeLessThanOrEqual(Date.now());
    // Kept in the storage, so it survives the mini-program being closed.
    expect(Taro.setStorageSync).toHaveBeenCalledWith('checkin.offlineScans', [kept]);
  });

  it('keeps the same code scanned twice once, at its first time', () => {
    const first = queueScan({ token: TOKEN, scannedAt: '2026-11-23T09:00:00.000Z' });
    const again = queueScan({ token: TOKEN, scannedAt: '2026-11-23T09:00:05.000Z' });
    const checkOut = queueScan({ token: TOKEN, scannedAt: '2026-11-23T10:00:00.000Z', intent: 'check_out' });

    expect(again).toEqual(first);
    expect(queuedScans()).toEqual([first, checkOut]);
  });

  it('sends the queued scans oldest first with their own scannedAt, and forgets them once answered', async () => {
    queueScan({ token: OTHER_TOKEN, scannedAt: '2026-11-23T09:40:00.000Z', intent: 'check_out' });
    queueScan({
      token: TOKEN,
      scannedAt: '2026-11-23T09:05:00.000Z',
      latitude: 30.05,
      longitude: 114.3,
    });
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkinFixture('checked_in', { offline: true })) });
    setTransport(fake.transport);

    const sent = await sendOfflineScans();

    expect(fake.requests.map((r) => r.body)).toEqual([
      { token: TOKEN, scannedAt: '2026-11-23T09:05:00.000Z', latitude: 30.05, longitude: 114.3 },
      { token: OTHER_TOKEN, scannedAt: '2026-11-23T09:40:00.000Z', intent: 'check_out' },
    ]);
    expect(sent.every((s) => s.result?.action === 'checked_in')).toBe(true);
    expect(queuedScans()).toEqual([]);
    expect(recentlySent()).toHaveLength(2);
  });

  it('drops a scan the server refuses, and keeps the answer to show', async () => {
    queueScan({ token: TOKEN, scannedAt: '2026-11-23T09:05:00.000Z' });
    setTransport(
      fakeTransport({ 'POST /api/checkins': errorResponse(ErrorCode.OfflineScanTooLate) }).transport,
    );

    const [sent] = await sendOfflineScans();

    expect(sent.error?.message).toBe('离线签到上传得太晚了，活动已结束');
    expect(queuedScans()).toEqual([]);
    expect(recentlySent()[0].error?.code).toBe(ErrorCode.OfflineScanTooLate);
  });

  it('keeps everything while the network is still down, and stops at the first failure', async () => {
    queueScan({ token: TOKEN, scannedAt: '2026-11-23T09:05:00.000Z' });
    queueScan({ token: OTHER_TOKEN, scannedAt: '2026-11-23T09:06:00.000Z' });
    const fake = fakeTransport({ 'POST /api/checkins': offline });
    setTransport(fake.transport);

    expect(await sendOfflineScans()).toEqual([]);

    expect(fake.requests).toHaveLength(1);
    expect(queuedScans()).toHaveLength(2);
  });

  it('keeps a scan when the server asks to wait (rate limit) rather than refusing it', async () => {
    queueScan({ token: TOKEN, scannedAt: '2026-11-23T09:05:00.000Z' });
    setTransport(
      fakeTransport({ 'POST /api/checkins': errorResponse(ErrorCode.CheckinRateLimited) }).transport,
    );

    await sendOfflineScans();

    expect(queuedScans()).toHaveLength(1);
  });

  it('sends a queued scan with the position when the activity asks for it', async () => {
    queueScan({ token: TOKEN, scannedAt: '2026-11-23T09:05:00.000Z' });
    const fake = fakeTransport({
      'POST /api/checkins': (request) =>
        (request.body as { latitude?: number }).latitude === undefined
          ? errorResponse(ErrorCode.LocationRequired)
          : ok(checkinFixture()),
    });
    setTransport(fake.transport);

    const [sent] = await sendOfflineScans();

    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(fake.requests[1].body).toEqual({
      token: TOKEN,
      scannedAt: '2026-11-23T09:05:00.000Z',
      latitude: 30,
      longitude: 114,
    });
    expect(sent.result?.action).toBe('checked_in');
    expect(queuedScans()).toEqual([]);
  });

  it('sends once when asked twice at the same time', async () => {
    queueScan({ token: TOKEN, scannedAt: '2026-11-23T09:05:00.000Z' });
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkinFixture()) });
    setTransport(fake.transport);

    await Promise.all([sendOfflineScans(), sendOfflineScans()]);

    expect(fake.requests).toHaveLength(1);
  });
});
