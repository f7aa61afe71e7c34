// The round's aggregate across units as an XLSX workbook: one row per person, filters on, bands filled.

import ExcelJS from 'exceljs';
import { formatPercentVi, LEVEL_LABELS, percentHundredths, type Outcome } from '../rules/index.js';
import { FONT_FAMILY } from './fonts.js';
import type { RoundResult } from './round-result.js';
import { formatShortDateVi, nfc } from './vietnamese-text.js';

/** Words for the band column, Vietnamese first (bands.ts). */
export const BAND_LABELS: Readonly<Record<Outcome, string>> = {
  none: '',
  'over-half-low': 'Trên 1/2 đến dưới 2/3 tín nhiệm thấp',
  'two-thirds-low': 'Từ 2/3 tín nhiệm thấp trở lên',
};

const FILL: Readonly<Record<Exclude<Outcome, 'none'>, string>> = {
  'over-half-low': 'FFFCE4C4',
  'two-thirds-low': 'FFF6C6C6',
};

/**
 * The workbook: sheet "Tổng hợp" (one row per person, autofilter, rows in a band filled) and sheet
 * "Chưa báo cáo" (units not yet reported). Percentages are cells holding hundredths ÷ 10 000, already
 * rounded exactly in integers by src/rules/percent.ts and shown "0.00%" (Excel prints "81,88%" in a
 * Vietnamese locale), so the sheet sorts and filters on them; bands come from the rules engine, never
 * from these cells. No formulas.
 */
export async function renderAggregateXlsx(result: RoundResult): Promise<Buffer> {
  const { data } = result;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tín nhiệm';
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('Tổng hợp', {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const font = { name: FONT_FAMILY, size: 11 };
  sheet.getCell('A1').value = nfc(data.title);
  sheet.getCell('A1').font = { ...font, bold: true, size: 14 };
  sheet.getCell('A2').value =
    `${nfc(data.locality)}, ${formatShortDateVi(data.date)} — ${result.ruleSet.title.vi}` +
    (data.sample ? ' — DỮ LIỆU MẪU' : '');
  sheet.getCell('A2').font = { ...font, italic: true };
  const columns = [
    { header: 'Đơn vị', width: 34 },
    { header: 'Ngày hội nghị', width: 13 },
    { header: 'STT', width: 6 },
    { header: 'Họ và tên', width: 24 },
    { header: 'Chức vụ', width: 32 },
    { header: 'Phiếu phát ra', width: 10 },
    { header: 'Phiếu thu về', width: 10 },
    { header: `${LEVEL_LABELS.high.vi} (số)`, width: 11 },
    { header: `${LEVEL_LABELS.high.vi} (%)`, width: 11 },
    { header: `${LEVEL_LABELS.confidence.vi} (số)`, width: 11 },
    { header: `${LEVEL_LABELS.confidence.vi} (%)`, width: 11 },
    { header: `${LEVEL_LABELS.low.vi} (số)`, width: 11 },
    { header: `${LEVEL_LABELS.low.vi} (%)`, width: 11 },
    { header: 'Mức', width: 30 },
  ];
  const headerRow = sheet.getRow(4);
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
    const cell = headerRow.getCell(index + 1);
    cell.value = column.header;
    cell.font = { ...font, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  let rowNumber = 5;
  for (const { unit, tally } of result.units) {
    const base = tally.base.value;
    tally.persons.forEach((person, index) => {
      const share = (count: number): number => percentHundredths(count, base) / 10_000;
      const row = sheet.getRow(rowNumber++);
      row.values = [
        nfc(unit.name),
        unit.conferenceDate ? formatShortDateVi(unit.conferenceDate) : '',
        index + 1,
        nfc(person.name),
        nfc(person.position),
        tally.ballotsIssued,
        tally.ballotsCollected,
        person.high.count,
        share(person.high.count),
        person.confidence.count,
        share(person.confidence.count),
        person.low.count,
        share(person.low.count),
        BAND_LABELS[person.outcome],
      ];
      row.font = font;
      for (const column of [9, 11, 13]) row.getCell(column).numFmt = '0.00%';
      if (person.outcome !== 'none') {
        row.eachCell({ includeEmpty: true }, (cell) => {
          cell.fill = {
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: FILL[person.outcome as Exclude<Outcome, 'none'>] },
          };
        });
        row.getCell(14).note = `${LEVEL_LABELS.low.vi}: ${formatPercentVi(person.low.count, base)}`;
      }
    });
  }
  sheet.autoFilter = {
    from: { row: 4, column: 1 },
    to: { row: Math.max(4, rowNumber - 1), column: columns.length },
  };
  const pending = workbook.addWorksheet('Chưa báo cáo');
  pending.getColumn(1).width = 6;
  pending.getColumn(2).width = 50;
  pending.getRow(1).values = ['STT', 'Đơn vị chưa báo cáo kết quả'];
  pending.getRow(1).font = { ...font, bold: true };
  data.unitsNotReported.forEach((name, index) => {
    const row = pending.getRow(index + 2);
    row.values = [index + 1, nfc(name)];
    row.font = font;
  });
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
