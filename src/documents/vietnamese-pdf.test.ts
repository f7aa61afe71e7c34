// Correct Vietnamese in the PDFs: every letter has a glyph, decomposed input prints the same, copies.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tinosBytes } from './fonts.js';
import { glyphIds } from './golden/font-cmap.js';
import { pdfPages, pdfText } from './golden/poppler.js';
import { renderPdf } from './pdf-output.js';
import {
  renderDocumentFromJson,
  type DocumentKind,
  type RenderOptions,
} from './render-document.js';
import { formatDateVi, nfc } from './vietnamese-text.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/documents/${name}`, import.meta.url), 'utf8');

async function render(
  kind: DocumentKind,
  input: string,
  options: RenderOptions = {},
): Promise<Buffer> {
  const result = await renderDocumentFromJson(kind, input, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.bytes;
}

/** Every precomposed Vietnamese letter: 12 vowels × 6 tones, đ, in both cases. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LETTERS = [...VOWELS.flatMap((v) => TONES.map((t) => nfc(v + t))), 'đ'];
const ALPHABET = [...LETTERS, ...LETTERS.map((l) => l.toLocaleUpperCase('vi'))].join(' ');

const words = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('Vietnamese text in PDFs', () => {
  it('renders all 146 Vietnamese letters in the four faces of Tinos, and pdftotext reads them back', async () => {
    expect(LETTERS).toHaveLength(73);
    const pdf = await renderPdf(
      {
        content: [
          { text: ALPHABET },
          { text: ALPHABET, bold: true },
          { text: ALPHABET, italics: true },
          { text: ALPHABET, bold: true, italics: true },
        ],
      },
      { title: 'alphabet' },
    );
    // pdftotext drops the spaces between single letters; the letters themselves must all come back.
    const letters = pdfText(pdf).normalize('NFC').replace(/\s+/g, '');
    expect(letters).toBe([ALPHABET, ALPHABET, ALPHABET, ALPHABET].join('').replace(/ /g, ''));
  });

  it('finds a glyph for every Vietnamese letter and mark used in print in each face (cmap)', () => {
    const extra = '“”–—…*/%'.split('');
    const codePoints = [...ALPHABET.replace(/ /g, ''), ...extra].map((c) => c.codePointAt(0) ?? 0);
    const faces = tinosBytes();
    for (const face of ['normal', 'bold', 'italics', 'bolditalics'] as const) {
      const bytes = faces[face];
      const missing = codePoints.filter((_, i) => glyphIds(bytes, codePoints)[i] === 0);
      expect(
        missing.map((cp) => String.fromCodePoint(cp)),
        face,
      ).toEqual([]);
    }
    // The check can fail: a code point Tinos lacks (a CJK ideograph) maps to .notdef.
    expect(glyphIds(tinosBytes().normal, [0x4e2d])).toEqual([0]);
  });

  it('prints decomposed (NFD) input exactly as the precomposed sample', async () => {
    const composed = await render('minutes', fixture('sample-conference.json'));
    const decomposed = await render('minutes', fixture('sample-conference.json').normalize('NFD'));
    expect(decomposed.equals(composed)).toBe(true);
  });

  it('puts the rule words where a reader looks for them', async () => {
    const minutes = words(pdfText(await render('minutes', fixture('sample-conference.json'))));
    for (const expected of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Móng Cái, ngày 29 tháng 9 năm 2023',
      'BIÊN BẢN KIỂM PHIẾU',
      'vào hồi 08 giờ 00 phút, ngày 29 tháng 9 năm 2023',
      '- Số phiếu phát ra: 176 phiếu.',
      '- Số phiếu không hợp lệ: 01 phiếu.',
      'Tỷ lệ phần trăm tính trên tổng số phiếu thu về (176).',
      '89,77%',
      '12,50%',
      'TRƯỞNG BAN KIỂM PHIẾU',
      'Phạm Thị Thu Hằng',
      'DỮ LIỆU MẪU',
    ]) {
      expect(minutes).toContain(expected);
    }
    const ballot = words(pdfText(await render('ballot', fixture('sample-44-persons.json'))));
    expect(ballot).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc');
    expect(ballot).toContain('PHIẾU LẤY PHIẾU TÍN NHIỆM');
    expect(ballot).toContain('Người ghi phiếu có thể ký tên hoặc không ký tên.');
    expect(ballot).toContain('44 Đinh Thị Nguyện');
  });

  it('prints N copies in one file, each starting on its own page', async () => {
    const one = await render('ballot', fixture('sample-44-persons.json'));
    const three = await render('ballot', fixture('sample-44-persons.json'), { copies: 3 });
    expect(pdfPages(one)).toBe(2);
    expect(pdfPages(three)).toBe(6);
    const text = pdfText(three);
    expect(text.match(/PHIẾU LẤY PHIẾU TÍN NHIỆM\n/g)).toHaveLength(3);
    expect(text.match(/Trang 2\/2/g)).toHaveLength(3);
  });

  it('is byte-for-byte repeatable (fixed metadata)', async () => {
    const a = await render('report', fixture('sample-conference.json'));
    const b = await render('report', fixture('sample-conference.json'));
    expect(a.equals(b)).toBe(true);
  });

  it('writes dates as administrative documents do', () => {
    expect(formatDateVi('2023-09-29')).toBe('ngày 29 tháng 9 năm 2023');
    expect(formatDateVi('2024-01-05')).toBe('ngày 05 tháng 01 năm 2024');
  });
});
