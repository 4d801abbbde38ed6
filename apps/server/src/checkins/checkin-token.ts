import { createHmac } from 'node:crypto';
import type { CodeSigner } from '@redvest/domain';

/**
 * What signs check-in codes (encodeCode and decodeCode in libs/domain): HMAC-SHA256 under a key of its
 * own, derived from APP_SECRET.
 */
export function codeSigner(appSecret: string): CodeSigner {
  const key = createHmac('sha256', appSecret).update('redvest/checkin-code/v1').digest();
  return (payload) => createHmac('sha256', key).update(payload).digest();
}
