/**
 * The shapes of values the server takes, defined once: the server's DTOs check them and the app's forms
 * check them before sending. Lengths count characters as people do (an emoji is one), as both sides do.
 */

/** A text field: at most `max` characters; `required` ones must not be blank; `multiline` takes line breaks. */
export interface TextLimit {
  readonly max: number;
  readonly required?: boolean;
  readonly multiline?: boolean;
}

/** A whole number between `min` and `max`, both included. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

export const PATTERNS = {
  /** Every id of ours (a UUID as the database writes it). */
  id: /^[0-9a-f-]{36}$/,
  /** A check-in code: 21 bytes (kind, activity, window, signature) as 28 characters of base64url. */
  checkinToken: /^[A-Za-z0-9_-]{28}$/,
  /** A community's invitation code. */
  inviteCode: /^[A-Za-z0-9]{4,16}$/,
  /** A real name as an ID card writes it: Chinese (with ·) or Latin letters. */
  realName: /^[\u4e00-\u9fa5·A-Za-z ]{2,32}$/,
  /** A family link code as stored: FAMILY_CODE_LENGTH characters of FAMILY_CODE_ALPHABET. */
  familyCode: /^[2-9A-HJ-NP-Z]{8}$/,
} as const;
