// DOCX and XLSX: the font travels inside the DOCX, the text stays editable, the workbook filters and highlights.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { zipEntries } from './golden/zip-entries.js';
import { pdfFonts, pdfText } from './golden/poppler.js';
import {
  renderDocumentFromJson,
  type DocumentKind,
  type RenderOptions,
} from './render-document.js';

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

/** The text of a DOCX body, runs joined. */
function docxText(docx: Buffer): string {
  const xml = zipEntries(docx).get('word/document.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('minutes and report as DOCX', () => {
  it('embeds the four faces of Tinos and asks Word to keep them', async () => {
    const entries = zipEntries(
      await render('minutes', fixture('sample-conference.json'), { format: 'docx' }),
    );
    const fontTable = entries.get('word/fontTable.xml')?.toString('utf8') ?? '';
    expect(fontTable).toContain('w:name="Tinos"');
    for (const face of ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic']) {
      expect(fontTable).toContain(`<w:${face} `);
    }
    expect([...entries.keys()].filter((k) => k.startsWith('word/fonts/'))).toHaveLength(4);
    expect(entries.get('word/settings.xml')?.toString('utf8')).toContain('w:embedTrueTypeFonts');
    expect(entries.get('word/styles.xml')?.toString('utf8')).toContain('w:ascii="Tinos"');
  });

  it('keeps the text as editable paragraphs, in NFC, with Vietnamese percentages', async () => {
    const text = docxText(
      await render('minutes', fixture('sample-conference.json').normalize('NFD'), {
        format: 'docx',
      }),
    );
    expect(text).toBe(text.normalize('NFC'));
    for (const expected of [
      'BIÊN BẢN KIỂM PHIẾU',
      'Trần Thị Lụa',
      '89,77%',
      '12,50%',
      'TRƯỞNG BAN KIỂM PHIẾU',
    ]) {
      expect(text).toContain(expected);
    }
    const report = docxText(
      await render('report', fixture('sample-conference.json'), { format: 'docx' }),
    );
    expect(report).toContain('Kính gửi: Ban Thường vụ Thành ủy Móng Cái');
    expect(report).toContain('Số: 15-BC/BCSĐ');
  });

  it('opens in LibreOffice with the embedded Tinos (not a substitute)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-docx-'));
    try {
      writeFileSync(
        join(dir, 'minutes.docx'),
        await render('minutes', fixture('sample-conference.json'), { format: 'docx' }),
      );
      execFileSync(
        'soffice',
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'minutes.docx')],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
      const pdf = readFileSync(join(dir, 'minutes.pdf'));
      const fonts = pdfFonts(pdf)
        .split('\n')
        .slice(2)
        .filter((l) => l.trim() !== '');
      for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+Tinos-/);
      expect(pdfText(pdf).normalize('NFC')).toContain('Phạm Thị Thu Hằng');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});

describe('aggregate as XLSX', () => {
  it('has one row per person, filters on, bands filled, and the units not reported', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await render('aggregate', fixture('sample-round.json'))) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Tổng hợp');
    if (!sheet) throw new Error('no sheet "Tổng hợp"');
    expect(sheet.autoFilter).toBeTruthy();
    const rows: (string | number)[][] = [];
    sheet.eachRow((row, number) => {
      if (number >= 5) rows.push((row.values as (string | number)[]).slice(1));
    });
    expect(rows).toHaveLength(8);
    const band = rows.find((r) => r[3] === 'Ngô Thanh Tùng');
    expect(band?.[11]).toBe(9);
    expect(band?.[13]).toBe('Trên 1/2 đến dưới 2/3 tín nhiệm thấp');
    const fill = sheet.getRow(5 + rows.indexOf(band!)).getCell(4).fill;
    expect(fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFCE4C4' } });
    expect(sheet.getRow(5).getCell(4).fill).toEqual({ type: 'pattern', pattern: 'none' });
    // 52,94% exactly as src/rules rounds it (9/17), formatted as a percentage.
    expect(band?.[12]).toBe(0.5294);
    expect(sheet.getRow(5 + rows.indexOf(band!)).getCell(13).numFmt).toBe('0.00%');
    const pending = workbook.getWorksheet('Chưa báo cáo');
    expect(pending?.getRow(3).getCell(2).value).toBe('Ban Quản lý dự án đầu tư xây dựng');
  });
});
