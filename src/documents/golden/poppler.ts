// Runs Debian's poppler-utils on a PDF: pages as grayscale images (pdftoppm), text (pdftotext).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePgm, type GrayImage } from './gray-png.js';

/** Whether pdftoppm and pdftotext are on the PATH (apt-get install -y poppler-utils). */
export function hasPoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function withPdf<T>(pdf: Uint8Array, use: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return use(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every page as a grayscale image at `dpi` (pdftoppm -gray), first page first. */
export function rasterize(pdf: Uint8Array, dpi: number): GrayImage[] {
  return withPdf(pdf, (dir, file) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)?.[1]) - Number(/(\d+)\.pgm$/.exec(b)?.[1]))
      .map((name) => parsePgm(readFileSync(join(dir, name))));
  });
}

/** The text of the PDF in reading order (pdftotext, UTF-8). */
export function pdfText(pdf: Uint8Array): string {
  return withPdf(pdf, (_dir, file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** The number of pages (pdfinfo). */
export function pdfPages(pdf: Uint8Array): number {
  return withPdf(pdf, (_dir, file) => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  });
}

/** The fonts of the PDF (pdffonts), to check that only Tinos is embedded. */
export function pdfFonts(pdf: Uint8Array): string {
  return withPdf(pdf, (_dir, file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
}
