import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The theme's text colours against the grounds they are drawn on: 4.5:1 in normal mode (WCAG AA, which axe
 * checks on every page) and 7:1 in 长辈模式 (AAA, which axe does not check by default: this test does).
 */
const theme = readFileSync(path.join(__dirname, 'theme.scss'), 'utf8');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `$text-muted: var(--rv-text-muted, #5b5f66);` → text-muted: #5b5f66 */
function normalColours(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, hex] of theme.matchAll(/var\(--rv-([a-z-]+), (#[0-9a-f]{6})\)/g)) found[name] = hex;
  return found;
}

/** The `$elderly-colours` map. */
function elderlyColours(): Record<string, string> {
  const map = /\$elderly-colours: \(([^)]*)\)/.exec(theme)![1];
  return Object.fromEntries(
    [...map.matchAll(/([a-z-]+): (#[0-9a-f]{6})/g)].map(([, name, hex]) => [name, hex]),
  );
}

// Every text colour is read on white and on the grey ground; the tones also on their own tint (Badge).
const GROUNDS: Record<string, string[]> = {
  text: ['#ffffff', '#f5f6f7'],
  'text-secondary': ['#ffffff', '#f5f6f7'],
  'text-muted': ['#ffffff', '#f5f6f7', '#e9eaec'],
  'brand-text': ['#ffffff', '#f5f6f7', '#fdecec'],
  'danger-text': ['#ffffff', '#f5f6f7', '#fdecec'],
  'warn-text': ['#ffffff', '#f5f6f7', '#fff3e0', '#fff7e6'],
  'ok-text': ['#ffffff', '#f5f6f7', '#e7f5ec'],
  'info-text': ['#ffffff', '#f5f6f7', '#eaf1fd'],
};

describe('text colours', () => {
  const lowest = (colours: Record<string, string>) =>
    Object.entries(GROUNDS).map(([name, grounds]) => ({
      name,
      ratio: Math.min(...grounds.map((ground) => contrast(colours[name], ground))),
    }));

  it('has a normal and a 长辈模式 value for each', () => {
    expect(Object.keys(normalColours()).sort()).toEqual(Object.keys(GROUNDS).sort());
    expect(Object.keys(elderlyColours()).sort()).toEqual(Object.keys(GROUNDS).sort());
  });

  it('reads at 4.5:1 or more in normal mode', () => {
    for (const { name, ratio } of lowest(normalColours()))
      expect({ name, ok: ratio >= 4.5 }).toEqual({ name, ok: true });
  });

  it('reads at 7:1 or more in 长辈模式', () => {
    for (const { name, ratio } of lowest(elderlyColours()))
      expect({ name, ok: ratio >= 7 }).toEqual({ name, ok: true });
  });
});
