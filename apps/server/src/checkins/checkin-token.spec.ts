import { CheckinWindow, codeKey, codeTiming, readCode, rotatingWindow, signCode } from './checkin-token';

const key = codeKey('a-secret-of-at-least-thirty-two-characters');
const activity: CheckinWindow = {
  startAt: new Date('2026-11-23T09:00:00+08:00'),
  endAt: new Date('2026-11-23T11:00:00+08:00'),
  graceMinutes: 30,
};
const at = (iso: string) => new Date(iso);

describe('check-in codes', () => {
  it('round-trips in at most 32 base64url characters', () => {
    const token = signCode(key, { kind: 'rotating', activityNumber: 4_000_000_000, window: 59_000_000 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(readCode(key, token)).toEqual({
      kind: 'rotating',
      activityNumber: 4_000_000_000,
      window: 59_000_000,
    });
  });

  it('calls a code signed with another secret, or with its activity number changed, forged', () => {
    const token = signCode(key, { kind: 'poster', activityNumber: 7, window: 0 });
    expect(readCode(codeKey('another-secret-of-at-least-thirty-two-chars'), token)).toBe('forged');
    const bytes = Buffer.from(token, 'base64url');
    bytes.writeUInt32BE(8, 1);
    expect(readCode(key, bytes.toString('base64url'))).toBe('forged');
    const flipped = Buffer.from(token, 'base64url');
    flipped[20] ^= 1;
    expect(readCode(key, flipped.toString('base64url'))).toBe('forged');
  });

  it('calls truncated, over-long, non-base64url and unknown-version codes malformed', () => {
    const token = signCode(key, { kind: 'poster', activityNumber: 7, window: 0 });
    expect(readCode(key, token.slice(0, -2))).toBe('malformed');
    expect(readCode(key, `${token}AA`)).toBe('malformed');
    expect(readCode(key, `${token.slice(0, -1)}+`)).toBe('malformed');
    expect(readCode(key, token.replace(/^./, '!'))).toBe('malformed');
    expect(readCode(key, '')).toBe('malformed');
    expect(readCode(key, 'https://example.com/not-a-code')).toBe('malformed');
    const bytes = Buffer.from(token, 'base64url');
    bytes[0] = 0x21;
    expect(readCode(key, bytes.toString('base64url'))).toBe('malformed');
  });

  it('accepts a rotating code in its window and the next one, then calls it expired', () => {
    const now = at('2026-11-23T09:10:00+08:00');
    const window = rotatingWindow(now);
    const claims = { kind: 'rotating' as const, activityNumber: 1, window };
    expect(codeTiming(claims, activity, now)).toBe('ok');
    expect(codeTiming(claims, activity, new Date(now.getTime() + 30_000))).toBe('ok');
    expect(codeTiming(claims, activity, new Date(now.getTime() + 60_000))).toBe('expired');
    expect(codeTiming({ ...claims, window: window + 1 }, activity, now)).toBe('not_yet_valid');
  });

  it('accepts a poster code from 30 minutes before the start to the end plus the grace', () => {
    const poster = { kind: 'poster' as const, activityNumber: 1, window: 0 };
    expect(codeTiming(poster, activity, at('2026-11-23T08:29:59+08:00'))).toBe('not_yet_valid');
    expect(codeTiming(poster, activity, at('2026-11-23T08:30:00+08:00'))).toBe('ok');
    expect(codeTiming(poster, activity, at('2026-11-23T11:30:00+08:00'))).toBe('ok');
    expect(codeTiming(poster, activity, at('2026-11-23T11:30:01+08:00'))).toBe('expired');
  });
});
