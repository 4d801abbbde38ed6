import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or from a poster. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newInviteCode(length = 8): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
