import { createHmac, timingSafeEqual } from 'node:crypto';
import { PATTERNS } from '@redvest/contract';

/**
 * Check-in codes (DESIGN §3): 1 byte version and kind, 4 bytes activity number, 4 bytes time window,
 * 12 bytes of HMAC-SHA256 — 21 bytes, 28 characters of base64url, so it fits a WeChat code's `scene`.
 */
export type CodeKind = 'rotating' | 'poster';

export interface CodeClaims {
  kind: CodeKind;
  activityNumber: number;
  /** The 30-second window of a rotating code; 0 for a poster. */
  window: number;
}

export type TokenProblem = 'malformed' | 'forged';

export const ROTATION_SECONDS = 30;
const VERSION = 1;
const KIND_BITS: Record<CodeKind, number> = { rotating: 1, poster: 2 };
const PAYLOAD_BYTES = 9;
const MAC_BYTES = 12;
const TOKEN_BYTES = PAYLOAD_BYTES + MAC_BYTES;

/** A key of its own for codes, derived from APP_SECRET. */
export function codeKey(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update('redvest/checkin-code/v1').digest();
}

export function rotatingWindow(at: Date): number {
  return Math.floor(at.getTime() / 1000 / ROTATION_SECONDS);
}

export function windowEnd(window: number): Date {
  return new Date((window + 1) * ROTATION_SECONDS * 1000);
}

export function signCode(key: Buffer, claims: CodeClaims): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload.writeUInt8((VERSION << 4) | KIND_BITS[claims.kind], 0);
  payload.writeUInt32BE(claims.activityNumber, 1);
  payload.writeUInt32BE(claims.window, 5);
  return Buffer.concat([payload, mac(key, payload)]).toString('base64url');
}

export function readCode(key: Buffer, token: string): CodeClaims | TokenProblem {
  if (typeof token !== 'string' || !PATTERNS.checkinToken.test(token)) return 'malformed';
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== TOKEN_BYTES) return 'malformed';
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  const head = payload.readUInt8(0);
  const kind = (Object.keys(KIND_BITS) as CodeKind[]).find((k) => KIND_BITS[k] === (head & 0x0f));
  if (head >> 4 !== VERSION || !kind) return 'malformed';
  if (!timingSafeEqual(mac(key, payload), bytes.subarray(PAYLOAD_BYTES))) return 'forged';
  return { kind, activityNumber: payload.readUInt32BE(1), window: payload.readUInt32BE(5) };
}

function mac(key: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);
}

export interface CheckinWindow {
  startAt: Date;
  endAt: Date;
  graceMinutes: number;
}

/** Codes are accepted from 30 minutes before the start to the end plus the grace. */
export const EARLY_MINUTES = 30;

export function opensAt(activity: CheckinWindow): Date {
  return new Date(activity.startAt.getTime() - EARLY_MINUTES * 60_000);
}

export function closesAt(activity: CheckinWindow): Date {
  return new Date(activity.endAt.getTime() + activity.graceMinutes * 60_000);
}

/**
 * Whether a code was good at `at`: inside the activity's check-in window, and for a rotating code in the
 * current or the previous 30-second window.
 */
export function codeTiming(
  claims: CodeClaims,
  activity: CheckinWindow,
  at: Date,
): 'ok' | 'expired' | 'not_yet_valid' {
  if (at < opensAt(activity)) return 'not_yet_valid';
  if (at > closesAt(activity)) return 'expired';
  if (claims.kind === 'poster') return claims.window === 0 ? 'ok' : 'expired';
  const now = rotatingWindow(at);
  if (claims.window > now) return 'not_yet_valid';
  return claims.window >= now - 1 ? 'ok' : 'expired';
}
