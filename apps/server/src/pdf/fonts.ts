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
