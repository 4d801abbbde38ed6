import { TextLimit } from '@redvest/contract';

/**
 * Characters no text of ours may hold: C0 and C1 control characters and DEL (NUL, BEL, ESC…), the
 * line and paragraph separators, and the bidirectional controls that reorder what a reader sees
 * (right-to-left override and its kin). Multi-line texts may hold line feeds, carriage returns and tabs.
 */
/* eslint-disable no-control-regex -- finding control characters is the point */
const UNSAFE_SINGLE_LINE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_MULTI_LINE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
/* eslint-enable no-control-regex */
/**
 * What shows nothing: white space and the characters that are drawn as nothing (zero-width spaces and
 * joiners, the soft hyphen, Hangul and braille fillers). String.trim() removes only the first kind.
 */
const INVISIBLE =
  /[\s\u00ad\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u2800\u3164\ufeff\uffa0]|\u034f|\u17b4|\u17b5/gu;
const EVERY_UNSAFE = /*#__PURE__*/ new RegExp(UNSAFE_SINGLE_LINE.source, 'gu');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EVERY_LONE_SURROGATE = /*#__PURE__*/ new RegExp(LONE_SURROGATE.source, 'g');

/** True when `text` is fit to store and show: no control or reordering characters, no broken UTF-16. */
export function isSafeText(text: string, { multiline = false } = {}): boolean {
  if (LONE_SURROGATE.test(text)) return false;
  return !(multiline ? UNSAFE_MULTI_LINE : UNSAFE_SINGLE_LINE).test(text);
}

/** True when `text` shows at least one character: a name of zero-width spaces is blank too. */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/**
 * A text as it may be printed to an operator's terminal: every unsafe character (an ESC would start a
 * terminal command) written as its escape, `\u{1b}`.
 */
export function printable(text: string): string {
  return text
    .replace(EVERY_UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`)
    .replace(EVERY_LONE_SURROGATE, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`);
}

/** Characters as people count them (an emoji is one), as the server's length checks count them. */
export function charCount(text: string): number {
  return [...text].length;
}

/** What is wrong with a text for its limit, checked as the server will: `null` when it is fit to send. */
export function textProblem(text: string, limit: TextLimit): 'required' | 'too_long' | 'unsafe' | null {
  const value = text.trim();
  if (!value || !hasVisibleText(value)) return limit.required ? 'required' : null;
  if (!isSafeText(value, { multiline: limit.multiline })) return 'unsafe';
  return charCount(value) > limit.max ? 'too_long' : null;
}

/** `text` cut to `max` characters as people count them; `cut` says whether anything was left out. */
export function cutToLength(text: string, max: number): { text: string; cut: boolean } {
  const chars = [...text];
  return chars.length > max ? { text: chars.slice(0, max).join(''), cut: true } : { text, cut: false };
}
