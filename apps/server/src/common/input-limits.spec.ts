import { nestsDeeperThan } from './input-limits';

describe('nestsDeeperThan', () => {
  const arrays = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

  it('counts each array or object level, scalars count nothing', () => {
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
    expect(nestsDeeperThan({ a: 1 }, 1)).toBe(false);
    expect(nestsDeeperThan({ a: 1 }, 0)).toBe(true);
    expect(nestsDeeperThan({ demands: [{ photoIds: ['x'] }] }, 4)).toBe(false);
    expect(nestsDeeperThan({ demands: [{ photoIds: [['x']] }] }, 4)).toBe(true);
    expect(nestsDeeperThan(arrays(32), 32)).toBe(false);
    expect(nestsDeeperThan(arrays(33), 32)).toBe(true);
  });

  it('walks a million levels without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = { a: deep };
    expect(nestsDeeperThan(deep, 32)).toBe(true);
    expect(nestsDeeperThan([1, [2, [3]], { b: [4] }], 32)).toBe(false);
  });
});
