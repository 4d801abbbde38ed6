import { createHash } from 'node:crypto';
import { requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  it('keeps the hash the ledger stored for flat requests', () => {
    const request = { userId: 'u1', unit: 'points', amount: 5, reason: '补录' };
    const stored = createHash('sha256')
      .update(JSON.stringify(request, Object.keys(request).sort()))
      .digest('hex');
    expect(requestFingerprint(request)).toBe(stored);
  });

  it('ignores the order of keys at every depth', () => {
    expect(requestFingerprint({ a: 1, b: [{ y: 2, x: 1 }] })).toBe(
      requestFingerprint({ b: [{ x: 1, y: 2 }], a: 1 }),
    );
  });

  it('tells apart requests that differ only inside a nested value', () => {
    const visit = (text: string) => ({
      visitedAt: '2026-11-30T10:00:00+08:00',
      demands: [{ category: '其他', text }],
    });
    expect(requestFingerprint(visit('卫生间漏水'))).not.toBe(requestFingerprint(visit('楼道灯坏了')));
  });
});
