import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '../../services/api';
import { fakeTransport, ok } from '../../test/fake-transport';
import { activityFixture, codeFixture } from '../../test/checkin-fixtures';
import LiveCodePage from './index';

const FIRST = 'AQAAAAcAAAAAAD8xWmRjZTQ5Ym4x';
const SECOND = 'AQAAAAcAAAAAAEAxQ2xvdWRzNTZ4';

const shownToken = () => document.querySelector('[data-testid="checkin-token"]')?.textContent;
const qrSource = () => document.querySelector('.rv-qr')?.getAttribute('src');

/** Lets the fake server's answers arrive and React render them. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}

describe('签到码 page (organiser)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    Taro.setStorageSync('token', 'test-token');
    jest.clearAllMocks();
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { activityId: 'a1' }, path: '' });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows the rotating code as a QR with its text, and fetches the next one when it changes', async () => {
    const codes = [codeFixture(FIRST, 3), codeFixture(SECOND, 30)];
    const fake = fakeTransport({
      'GET /api/activities/a1': ok(activityFixture()),
      'GET /api/activities/a1/code': () => ok(codes.shift()),
    });
    setTransport(fake.transport);

    render(<LiveCodePage />);
    await settle();

    expect(screen.getByText('小区环境整治志愿服务')).toBeTruthy();
    expect(shownToken()).toBe(FIRST);
    const firstImage = qrSource();
    expect(firstImage).toMatch(/^data:image\/gif;base64,/);
    expect(document.querySelector('.live-code__seconds')?.textContent).toBe('3');
    const codeRequests = () => fake.requests.filter((r) => r.path === '/api/activities/a1/code');
    expect(codeRequests()[0].query).toEqual({ kind: 'rotating' });

    await act(async () => {
      jest.advanceTimersByTime(1000);
    });
    expect(document.querySelector('.live-code__seconds')?.textContent).toBe('2');

    await act(async () => {
      jest.advanceTimersByTime(2400);
    });
    await settle();

    expect(codeRequests()).toHaveLength(2);
    expect(shownToken()).toBe(SECOND);
    expect(qrSource()).not.toBe(firstImage);
    expect(document.querySelector('.live-code__seconds')?.textContent).toBe('30');
  });

  it('keeps the code on screen and tries again when the network drops', async () => {
    let online = true;
    const fake = fakeTransport({
      'GET /api/activities/a1': ok(activityFixture()),
      'GET /api/activities/a1/code': () => {
        if (!online) throw new Error('no network');
        return ok(codeFixture(online ? FIRST : SECOND, 2));
      },
    });
    setTransport(fake.transport);

    render(<LiveCodePage />);
    await settle();
    expect(shownToken()).toBe(FIRST);

    online = false;
    await act(async () => {
      jest.advanceTimersByTime(2400);
    });
    await settle();
    expect(shownToken()).toBe(FIRST);
    expect(screen.getByRole('alert').textContent).toMatch(/正在重新获取/);

    online = true;
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    await settle();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.requests.filter((r) => r.path === '/api/activities/a1/code')).toHaveLength(3);
  });

  it('says why when the caller may not show the code', async () => {
    setTransport(
      fakeTransport({
        'GET /api/activities/a1': ok(activityFixture()),
        'GET /api/activities/a1/code': {
          status: 403,
          data: { error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } },
        },
      }).transport,
    );

    render(<LiveCodePage />);
    await settle();

    expect(screen.getByText('您没有权限进行此操作')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
