import { randomBytes } from 'node:crypto';

/**
 * UUID version 7: time-ordered, so ids sort by creation and serve as paging cursors; random enough to be
 * unguessable; made by any server process without a round trip (and without AUTO_INCREMENT hot spots).
 */
export function newId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
