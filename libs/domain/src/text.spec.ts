import fc from 'fast-check';
import { cutToLength, hasVisibleText, isSafeText, printable, textProblem } from './text';

describe('safe text', () => {
  it('takes Chinese, emoji and punctuation', () => {
    for (const text of ['襄阳街社区', '金龙鱼食用油 5L', '👨‍👩‍👧 一家人', 'O’Brien & 李', '<b>"引号"</b>']) {
      expect(isSafeText(text)).toBe(true);
    }
  });

  it('refuses control characters, separators, reordering controls and broken UTF-16', () => {
    for (const text of [
      'a\u0000b',
      'ring\u0007',
      '\u001b[2J',
      'abc\u202eevil',
      '\u2066x\u2069',
      'x\u0085',
      'a\u2028b',
    ]) {
      expect(isSafeText(text)).toBe(false);
      expect(isSafeText(text, { multiline: true })).toBe(false);
    }
    expect(isSafeText('\ud800')).toBe(false);
    expect(isSafeText('x\udc00')).toBe(false);
  });

  it('lets multi-line texts hold line breaks and tabs, single-line ones not', () => {
    expect(isSafeText('第一行\n第二行\r\n\t缩进', { multiline: true })).toBe(true);
    expect(isSafeText('第一行\n第二行')).toBe(false);
  });

  it('prints unsafe characters as escapes and leaves the rest as it is', () => {
    expect(printable('\u001b[31m红\u0007社区\u202e')).toBe('\\u{1b}[31m红\\u{7}社区\\u{202e}');
    expect(printable('x\ud800y')).toBe('x\\u{d800}y');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = printable(text);
        expect(isSafeText(shown)).toBe(true);
        if (isSafeText(text)) expect(shown).toBe(text);
      }),
      { seed: 20261201 },
    );
  });

  it('counts as blank what shows nothing: white space, zero-width characters and fillers', () => {
    for (const text of [
      '',
      '   ',
      '\u3000',
      '\u200b\u200b',
      '\u200d',
      '\u2060',
      '\u3164',
      '\u2800',
      '\ufeff',
      ' \u00ad ',
    ]) {
      expect(hasVisibleText(text)).toBe(false);
    }
    for (const text of ['李', ' 李 ', '\u200b李', '👍', '.']) expect(hasVisibleText(text)).toBe(true);
  });
});

describe('textProblem', () => {
  const title = { max: 5, required: true };
  it('finds a required text blank, too long or unsafe, as the server would', () => {
    expect(textProblem('  ', title)).toBe('required');
    expect(textProblem('\u200b', title)).toBe('required');
    expect(textProblem('一二三四五六', title)).toBe('too_long');
    expect(textProblem('一二三四五', title)).toBeNull();
    expect(textProblem('😀😀😀😀😀', title)).toBeNull();
    expect(textProblem('a\u202eb', title)).toBe('unsafe');
  });
  it('lets an optional text be left blank, and a multi-line one hold line breaks', () => {
    expect(textProblem('', { max: 5 })).toBeNull();
    expect(textProblem('一\n二', { max: 5 })).toBe('unsafe');
    expect(textProblem('一\n二', { max: 5, multiline: true })).toBeNull();
  });
});

describe('cutToLength', () => {
  it('keeps a text within the limit as it is', () => {
    expect(cutToLength('修灯泡', 500)).toEqual({ text: '修灯泡', cut: false });
  });

  it('cuts a longer text to the limit, counting an emoji as one character, and says so', () => {
    expect(cutToLength('谢谢🌹🌹', 3)).toEqual({ text: '谢谢🌹', cut: true });
    expect(cutToLength('字'.repeat(5000), 500)).toEqual({ text: '字'.repeat(500), cut: true });
  });
});
