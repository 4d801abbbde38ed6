import { secondsUntilAllowed, slidingEstimate, waitInWords, windowAt } from './rate-limiter';

const at = (seconds: number) => new Date(seconds * 1000);

describe('the sliding window', () => {
  const minute = windowAt(at(600 + 15), 60);

  it('lies on fixed boundaries shared by every process', () => {
    expect(minute).toEqual({ start: 600, end: 660, seconds: 60 });
  });

  it('weighs the previous window by how much of it is still within a window of now', () => {
    expect(slidingEstimate(20, 0, minute, at(615))).toBe(15);
    expect(slidingEstimate(20, 5, minute, at(630))).toBe(15);
    expect(slidingEstimate(0, 7, minute, at(659))).toBe(7);
  });

  it('allows no double burst across a boundary', () => {
    // 20 requests at the end of one minute, then 20 at the start of the next: the estimate is ~40, not 20.
    expect(slidingEstimate(20, 20, minute, at(600.5))).toBeGreaterThan(39);
  });

  it('says when one more request will fit again', () => {
    // Full in this window: wait for it to end, and then for its weight to fall far enough.
    expect(secondsUntilAllowed(0, 21, 20, minute, at(615))).toBe(45 + Math.ceil(60 * (1 - 19 / 21)));
    // The previous window fills it: wait until its weight has fallen.
    expect(secondsUntilAllowed(20, 0, 20, minute, at(600))).toBe(3);
    expect(secondsUntilAllowed(0, 0, 20, minute, at(615))).toBe(1);
  });

  it('tells people the wait in words', () => {
    expect(waitInWords(40)).toBe('40 秒');
    expect(waitInWords(61)).toBe('2 分钟');
    expect(waitInWords(7200)).toBe('2 小时');
  });
});
