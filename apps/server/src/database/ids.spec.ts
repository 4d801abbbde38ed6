import { newId } from './ids';

describe('newId', () => {
  it('is a UUID version 7 carrying its millisecond', () => {
    const at = Date.now() + 30_000;
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts ids made in the same millisecond in the order they were made', () => {
    const at = Date.now() + 60_000;
    const ids = Array.from({ length: 10_000 }, () => newId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes back: a clock set back still gives ids that sort after the last', () => {
    const at = Date.now() + 120_000;
    const ids = [newId(at), newId(at + 1), newId(at - 10_000), newId(at + 1)];
    expect([...ids].sort()).toEqual(ids);
  });
});
