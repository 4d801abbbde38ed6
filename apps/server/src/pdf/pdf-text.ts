import { execFileSync } from 'node:child_process';

/** The text of a PDF as poppler's pdftotext reads it (Debian poppler-utils): what a reader can copy out. */
export function pdfToText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}
