import { CodeKind, PATTERNS } from '@redvest/contract';
import { fromBase64Url, toBase64Url } from './base64url';

/**
 * Check-in codes (DESIGN §3): 1 byte version and kind, 4 bytes activity number, 4 bytes time window,
 * 12 bytes of HMAC-SHA256 — 21 bytes, 28 characters of base64url, so it fits a WeChat code's `scene`.
 */
export interface CodeClaims {
  kind: CodeKind;
  activityNumber: number;
  /** The 30-second window of a rotating code; 0 for a poster. */
  window: number;
}

export type TokenProblem = 'malformed' | 'forged';

/**
 * The MAC of a code's payload: HMAC-SHA256 with the server's code key, given by the server (the domain
 * has no crypto of its own). Its first 12 bytes are the code's signature.
 */
export type CodeSigner = (payload: Uint8Array) => Uint8Array;

const VERSION = 1;
const KIND_BITS: Record<CodeKind, number> = { rotating: 1, poster: 2 };
const PAYLOAD_BYTES = 9;
const MAC_BYTES = 12;
const TOKEN_BYTES = PAYLOAD_BYTES + MAC_BYTES;

export function encodeCode(sign: CodeSigner, claims: CodeClaims): string {
  const payload = new Uint8Array(PAYLOAD_BYTES);
  const view = new DataView(payload.buffer);
  view.setUint8(0, (VERSION << 4) | KIND_BITS[claims.kind]);
  view.setUint32(1, claims.activityNumber);
  view.setUint32(5, claims.window);
  const token = new Uint8Array(TOKEN_BYTES);
  token.set(payload);
  token.set(mac(sign, payload), PAYLOAD_BYTES);
  return toBase64Url(token);
}

export function decodeCode(sign: CodeSigner, token: string): CodeClaims | TokenProblem {
  if (typeof token !== 'string' || !PATTERNS.checkinToken.test(token)) return 'malformed';
  const bytes = fromBase64Url(token);
  if (!bytes || bytes.length !== TOKEN_BYTES) return 'malformed';
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  const view = new DataView(bytes.buffer, bytes.byteOffset, PAYLOAD_BYTES);
  const head = view.getUint8(0);
  const kind = (Object.keys(KIND_BITS) as CodeKind[]).find((k) => KIND_BITS[k] === (head & 0x0f));
  if (head >> 4 !== VERSION || !kind) return 'malformed';
  if (!sameBytes(mac(sign, payload), bytes.subarray(PAYLOAD_BYTES))) return 'forged';
  return { kind, activityNumber: view.getUint32(1), window: view.getUint32(5) };
}

function mac(sign: CodeSigner, payload: Uint8Array): Uint8Array {
  return sign(payload).subarray(0, MAC_BYTES);
}

/** Compares every byte whatever the first difference, so the time taken tells a forger nothing. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}
