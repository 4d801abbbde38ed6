import { randomBytes } from 'node:crypto';

/** The millisecond of the last id made here, and the counter that orders the ids made within it. */
let lastMs = -1;
let counter = 0;
const COUNTER_MAX = 0xfff;

/**
 * UUID version 7: time-ordered, so ids sort by creation and serve as paging cursors; random enough to be
 * unguessable; made by any server process without a round trip (and without AUTO_INCREMENT hot spots).
 * Within one millisecond the 12 bits after the version count up from a random start (RFC 9562's
 * method 3), so ids made one after another in a process sort in that order too: the points and minutes
 * of one award, written in the same millisecond, are listed as written. The time never goes back (a
 * clock set back, a counter run out in one millisecond: the id takes the next millisecond).
 */
export function newId(now = Date.now()): string {
  const bytes = randomBytes(16);
  const randomStart = bytes.readUInt16BE(6) & 0x7ff; // half the range left to count up in
  if (now > lastMs) [lastMs, counter] = [now, randomStart];
  else if (counter < COUNTER_MAX) counter += 1;
  else [lastMs, counter] = [lastMs + 1, randomStart];
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
