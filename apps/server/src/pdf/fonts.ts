import { dirname, join } from 'node:path';

/** Noto Sans SC as shipped by the npm package @embedpdf/fonts-sc; pdfkit embeds only the glyphs used. */
const FONT_DIR = join(dirname(require.resolve('@embedpdf/fonts-sc')), '../fonts');

export const CJK_REGULAR = join(FONT_DIR, 'NotoSansHans-Regular.otf');
export const CJK_BOLD = join(FONT_DIR, 'NotoSansHans-Bold.otf');

/** Collects a pdfkit document into one buffer. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

interface FontFile {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
// fontkit is the font reader pdfkit itself uses; it ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { openSync(path: string): FontFile };
let cjk: FontFile | undefined;

/**
 * `text` without the characters the font cannot draw (emoji, mostly: colour emoji fonts cannot be embedded),
 * which would print as empty boxes; line breaks and spaces are kept.
 */
export function drawable(text: string): string {
  cjk ??= fontkit.openSync(CJK_REGULAR);
  const font = cjk;
  return [...text]
    .filter((char) => /\s/.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0)!))
    .join('');
}
