import Taro from '@tarojs/taro';
import { ErrorCode } from '@redvest/contract';
import { setTransport } from './api';
import { checkIn, lastCheckin, readCheckinToken } from './checkin';
import { queuedScans, resetOfflineScansForTest } from './offline-scans';
import { errorResponse, fakeTransport, ok } from '../test/fake-transport';
import { checkinFixture, TOKEN } from '../test/checkin-fixtures';

describe('reading a check-in code', () => {
  it('takes the bare token, or the one a WeChat code carries as scene', () => {
    expect(readCheckinToken(TOKEN)).toBe(TOKEN);
    expect(readCheckinToken(`  ${TOKEN}\n`)).toBe(TOKEN);
    expect(readCheckinToken(`pages/scan/index?scene=${TOKEN}`)).toBe(TOKEN);
    expect(readCheckinToken(`https://example.org/x?a=1&scene=${encodeURIComponent(TOKEN)}`)).toBe(TOKEN);
  });

  it('refuses what is not a check-in code', () => {
    expect(readCheckinToken('https://example.org/')).toBeNull();
    expect(readCheckinToken('你好')).toBeNull();
    expect(readCheckinToken('short')).toBeNull();
    expect(readCheckinToken(`${TOKEN}${TOKEN}`)).toBeNull();
    expect(readCheckinToken('')).toBeNull();
    expect(readCheckinToken(undefined)).toBeNull();
  });
});

describe('checking in', () => {
  beforeEach(() => {
    Taro.setStorageSync('token', 'test-token');
    resetOfflineScansForTest();
    jest.clearAllMocks();
  });

  it('remembers the answer and the token for the result page', async () => {
    const fake = fakeTransport({ 'POST /api/checkins': ok(checkinFixture()) });
    setTransport(fake.transport);

    const outcome = await checkIn(TOKEN);

    expect(outcome).toEqual({ kind: 'done', result: checkinFixture() });
    expect(fake.requests[0].body).toEqual({ token: TOKEN });
    expect(lastCheckin()).toEqual({ result: checkinFixture(), token: TOKEN });
  });

  it('asks for the position and scans again when the activity checks the place', async () => {
    const fake = fakeTransport({
      'POST /api/checkins': (request) =>
        (request.body as { latitude?: number }).latitude === undefined
          ? errorResponse(ErrorCode.LocationRequired)
          : ok(checkinFixture()),
    });
    setTransport(fake.transport);

    const outcome = await checkIn(TOKEN, 'check_out');

    expect(outcome.kind).toBe('done');
    expect(fake.requests.map((r) => r.body)).toEqual([
      { token: TOKEN, intent: 'check_out' },
      { token: TOKEN, intent: 'check_out', latitude: 30, longitude: 114 },
    ]);
  });

  it('says what to do when the position is refused', async () => {
    (Taro.getLocation as jest.Mock).mockRejectedValueOnce(new Error('auth deny'));
    setTransport(
      fakeTransport({ 'POST /api/checkins': errorResponse(ErrorCode.LocationRequired) }).transport,
    );

    const outcome = await checkIn(TOKEN);

    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.error.message).toMatch(/允许微信使用位置信息/);
  });

  it('passes on the server’s reason, such as how far away the volunteer is, and queues nothing', async () => {
    setTransport(
      fakeTransport({
        'POST /api/checkins': {
          status: 422,
          data: {
            error: { code: ErrorCode.TooFarAway, message: '您距离活动地点约 820 米，需在 200 米内签到' },
          },
        },
      }).transport,
    );

    const outcome = await checkIn(TOKEN);

    expect(outcome.kind === 'refused' && outcome.error.message).toBe(
      '您距离活动地点约 820 米，需在 200 米内签到',
    );
    expect(queuedScans()).toEqual([]);
  });
});
