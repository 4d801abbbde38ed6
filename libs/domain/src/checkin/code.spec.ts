import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { fromBase64Url, toBase64Url } from './base64url';
import { CodeClaims, CodeSigner, decodeCode, encodeCode } from './code';

/** The server's signer (HMAC-SHA256), as apps/server gives it. */
const signerOf =
  (key: string): CodeSigner =>
  (payload) =>
    createHmac('sha256', key).update(payload).digest();
const sign = signerOf('a-secret-of-at-least-thirty-two-characters');

const bytesOf = (token: string) => Buffer.from(token, 'base64url');
const tokenOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

const claims = fc.record<CodeClaims>({
  kind: fc.constantFrom('rotating' as const, 'poster' as const),
  activityNumber: fc.nat({ max: 0xffff_ffff }),
  window: fc.nat({ max: 0xffff_ffff }),
});

describe('check-in codes', () => {
  it('round-trips in 28 base64url characters', () => {
    const token = encodeCode(sign, { kind: 'rotating', activityNumber: 4_000_000_000, window: 59_000_000 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{28}$/);
    expect(decodeCode(sign, token)).toEqual({
      kind: 'rotating',
      activityNumber: 4_000_000_000,
      window: 59_000_000,
    });
  });

  it('reads back whatever it wrote', () => {
    fc.assert(fc.property(claims, (c) => expect(decodeCode(sign, encodeCode(sign, c))).toEqual(c)));
  });

  it('calls a code signed with another secret, or with its activity number changed, forged', () => {
    const token = encodeCode(sign, { kind: 'poster', activityNumber: 7, window: 0 });
    expect(decodeCode(signerOf('another-secret-of-at-least-thirty-two-chars'), token)).toBe('forged');
    const bytes = bytesOf(token);
    bytes.writeUInt32BE(8, 1);
    expect(decodeCode(sign, tokenOf(bytes))).toBe('forged');
    const flipped = bytesOf(token);
    flipped[20] ^= 1;
    expect(decodeCode(sign, tokenOf(flipped))).toBe('forged');
  });

  it('refuses a code with any bit of any byte changed', () => {
    fc.assert(
      fc.property(claims, fc.nat({ max: 20 }), fc.integer({ min: 1, max: 255 }), (c, at, change) => {
        const bytes = bytesOf(encodeCode(sign, c));
        bytes[at] ^= change;
        expect(['malformed', 'forged']).toContain(decodeCode(sign, tokenOf(bytes)));
      }),
    );
  });

  it('calls truncated, over-long, non-base64url and unknown-version codes malformed', () => {
    const token = encodeCode(sign, { kind: 'poster', activityNumber: 7, window: 0 });
    expect(decodeCode(sign, token.slice(0, -2))).toBe('malformed');
    expect(decodeCode(sign, `${token}AA`)).toBe('malformed');
    expect(decodeCode(sign, `${token.slice(0, -1)}+`)).toBe('malformed');
    expect(decodeCode(sign, token.replace(/^./, '!'))).toBe('malformed');
    expect(decodeCode(sign, '')).toBe('malformed');
    expect(decodeCode(sign, 'https://example.com/not-a-code')).toBe('malformed');
    const bytes = bytesOf(token);
    bytes[0] = 0x21;
    expect(decodeCode(sign, tokenOf(bytes))).toBe('malformed');
  });
});

describe('base64url', () => {
  it('writes and reads bytes as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(tokenOf(bytes));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses characters outside the alphabet', () => {
    expect(fromBase64Url('abc+')).toBeNull();
    expect(fromBase64Url('ab=')).toBeNull();
  });
});
