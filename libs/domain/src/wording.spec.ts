import { formatDuration, writtenDay } from './wording';

describe('formatDuration', () => {
  it('writes less than an hour in minutes', () => {
    expect(formatDuration(0)).toBe('0 分钟');
    expect(formatDuration(1)).toBe('1 分钟');
    expect(formatDuration(59)).toBe('59 分钟');
  });

  it('writes an hour or more as hours and minutes, leaving out 0 minutes', () => {
    expect(formatDuration(60)).toBe('1 小时');
    expect(formatDuration(61)).toBe('1 小时 1 分钟');
    expect(formatDuration(135)).toBe('2 小时 15 分钟');
    expect(formatDuration(360)).toBe('6 小时');
  });

  it('rounds to whole minutes and never writes a negative duration', () => {
    expect(formatDuration(59.6)).toBe('1 小时');
    expect(formatDuration(-5)).toBe('0 分钟');
  });
});

describe('writtenDay', () => {
  it('writes a calendar day in Chinese, without leading zeros', () => {
    expect(writtenDay('2026-01-01')).toBe('2026年1月1日');
    expect(writtenDay('2026-12-02')).toBe('2026年12月2日');
  });

  it('leaves what is not a day as it is', () => {
    expect(writtenDay('昨天')).toBe('昨天');
  });
});
