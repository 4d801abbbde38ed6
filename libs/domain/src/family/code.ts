import { FAMILY_CODE_ALPHABET, FAMILY_CODE_LENGTH, PATTERNS } from '@redvest/contract';

/** A link code as typed or pasted (any case, with spaces or dashes) as stored; null when it cannot be a code. */
export function normaliseFamilyCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return PATTERNS.familyCode.test(code) ? code : null;
}

/** `K7QM3WPX` as `K7QM 3WPX`: two groups of four are easier to read out over the phone. */
export function formatFamilyCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** A code from `FAMILY_CODE_LENGTH` random numbers below the alphabet's size (the server's CSPRNG draws them). */
export function familyCodeFrom(draws: readonly number[]): string {
  if (draws.length !== FAMILY_CODE_LENGTH) throw new Error('one draw per character');
  return draws.map((n) => FAMILY_CODE_ALPHABET[n]).join('');
}
