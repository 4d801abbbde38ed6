import { TextLimit } from '@redvest/contract';
import { textProblem } from '@redvest/domain';

/** What every form says of a text the server would refuse for its characters (pasted from elsewhere). */
export const UNSAFE_TEXT = '含有无法显示的字符，请删掉后重新输入';

export interface TextWords {
  /** For a required field left blank. */
  blank?: string;
  /** For a text over the limit, given the limit. */
  tooLong: (max: number) => string;
  /** Put before UNSAFE_TEXT where the field is not beside the message (`小组名称`). */
  field?: string;
}

/** The message beside a text field, checked as the server will; undefined when the text fits. */
export function textError(text: string, limit: TextLimit, words: TextWords): string | undefined {
  const problem = textProblem(text, limit);
  if (problem === 'required') return words.blank;
  if (problem === 'too_long') return words.tooLong(limit.max);
  return problem === 'unsafe' ? `${words.field ?? ''}${UNSAFE_TEXT}` : undefined;
}

/** Sets `errors[field]` to the text's message, when there is one. */
export function checkText<F extends string>(
  errors: Partial<Record<F, string>>,
  field: F,
  text: string,
  limit: TextLimit,
  words: TextWords,
): void {
  const message = textError(text, limit, words);
  if (message) errors[field] = message;
}
