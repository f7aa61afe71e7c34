// Golden tests: the frozen sample conference's PDFs, rendered to pixels and text, against committed references.
// Regenerate with UPDATE_GOLDEN=1 npx vitest run src/documents/golden.test.ts — then LOOK at the PNGs.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareGray, decodeGrayPng, encodeGrayPng } from './golden/gray-png.js';
import { hasPoppler, pdfFonts, pdfText, rasterize } from './golden/poppler.js';
import {
  renderDocumentFromJson,
  type DocumentKind,
  type RenderOptions,
} from './render-document.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Low resolution keeps the committed PNGs small (a few tens of kB a page) and still shows layout. */
const DPI = 50;
/** Pixels may differ by more than THRESHOLD gray levels on at most this share of a page (≈ 48 pixels at 50 dpi): room for rasteriser drift, not for a changed word. */
const MAX_SHARE = 0.0002;
const THRESHOLD = 64;
const GOLDEN = fileURLToPath(new URL('./__golden__/', import.meta.url));
const FIXTURES = new URL('../../test/fixtures/documents/', import.meta.url);

/** A frozen fixture's JSON text. */
function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

async function render(
  kind: DocumentKind,
  input: string,
  options: RenderOptions = {},
): Promise<Buffer> {
  const result = await renderDocumentFromJson(kind, input, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.bytes;
}

/** Whitespace-insensitive text: pdftotext's line breaks follow the layout, the words must not change. */
function words(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const CASES: { name: string; kind: DocumentKind; input: string; options?: RenderOptions }[] = [
  { name: 'ballot-mong-cai', kind: 'ballot', input: 'sample-conference.json' },
  { name: 'ballot-44-persons', kind: 'ballot', input: 'sample-44-persons.json' },
  { name: 'minutes-mong-cai', kind: 'minutes', input: 'sample-conference.json' },
  { name: 'report-mong-cai', kind: 'report', input: 'sample-conference.json' },
  {
    name: 'aggregate-round',
    kind: 'aggregate',
    input: 'sample-round.json',
    options: { format: 'pdf' },
  },
];

describe('golden PDFs (pdftoppm, pdftotext from poppler-utils)', () => {
  it('has poppler-utils installed (apt-get install -y poppler-utils)', () => {
    expect(hasPoppler()).toBe(true);
  });

  for (const { name, kind, input, options } of CASES) {
    it(`${name}: pages match the reference images and the text matches`, async () => {
      const pdf = await render(kind, fixture(input), options);
      const pages = rasterize(pdf, DPI);
      const text = pdfText(pdf);
      if (UPDATE) {
        mkdirSync(GOLDEN, { recursive: true });
        for (const old of readdirSync(GOLDEN).filter((f) => f.startsWith(`${name}-p`))) {
          rmSync(`${GOLDEN}${old}`);
        }
        pages.forEach((page, index) =>
          writeFileSync(`${GOLDEN}${name}-p${index + 1}.png`, encodeGrayPng(page)),
        );
        writeFileSync(`${GOLDEN}${name}.txt`, text);
      }
      const references = readdirSync(GOLDEN).filter((f) =>
        new RegExp(`^${name}-p\\d+\\.png$`).test(f),
      );
      expect(pages.length, 'number of pages').toBe(references.length);
      pages.forEach((page, index) => {
        const expected = decodeGrayPng(readFileSync(`${GOLDEN}${name}-p${index + 1}.png`));
        const difference = compareGray(page, expected, THRESHOLD);
        expect(difference.sameSize, `page ${index + 1} size`).toBe(true);
        expect(
          difference.share,
          `page ${index + 1}: ${difference.differing} pixels differ`,
        ).toBeLessThanOrEqual(MAX_SHARE);
      });
      expect(words(text)).toBe(words(readFileSync(`${GOLDEN}${name}.txt`, 'utf8')));
    });
  }

  it('catches a changed document: another count moves pixels and text', async () => {
    const changed = JSON.parse(fixture('sample-conference.json')) as {
      ballotStyles: { persons: { name: string; high: number; confidence: number }[] }[];
    };
    const person = changed.ballotStyles[0]!.persons[0]!;
    person.name = 'Trần Thị Lụa Hồng';
    person.high -= 40;
    person.confidence += 40;
    const pdf = await render('minutes', JSON.stringify(changed));
    const shares = rasterize(pdf, DPI).map((page, index) => {
      const expected = decodeGrayPng(readFileSync(`${GOLDEN}minutes-mong-cai-p${index + 1}.png`));
      return compareGray(page, expected, THRESHOLD).share;
    });
    expect(Math.max(...shares)).toBeGreaterThan(MAX_SHARE);
    expect(words(pdfText(pdf))).not.toBe(
      words(readFileSync(`${GOLDEN}minutes-mong-cai.txt`, 'utf8')),
    );
  });

  it('embeds only Tinos', async () => {
    const fonts = pdfFonts(await render('minutes', fixture('sample-conference.json')));
    const names = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(/\s+/)[0]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names)
      expect(name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
  });

  it('has a reference for every case and no stray files', () => {
    expect(existsSync(GOLDEN)).toBe(true);
    const known = new Set(CASES.map((c) => c.name));
    for (const file of readdirSync(GOLDEN)) {
      expect(known.has(file.replace(/(-p\d+\.png|\.txt)$/, '')), file).toBe(true);
    }
  });
});
