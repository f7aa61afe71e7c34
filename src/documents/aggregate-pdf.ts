// The round's aggregate across units as a landscape A4 PDF: per unit, per person, bands filled.

import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatIntegerVi, formatPercentVi, LEVEL_LABELS } from '../rules/index.js';
import { BAND_LABELS } from './aggregate-xlsx.js';
import { BAND_FILL, documentHeader, documentTitle } from './pdf-blocks.js';
import { renderPdf } from './pdf-output.js';
import type { RoundResult } from './round-result.js';
import { formatDateVi, formatShortDateVi, nfc } from './vietnamese-text.js';

const MARGINS: [number, number, number, number] = [43, 36, 36, 40];

/** The aggregate report: totals, one table grouped by unit, then the units not yet reported. */
export async function renderAggregatePdf(result: RoundResult): Promise<Buffer> {
  const { data } = result;
  const head = (text: string, extra: Record<string, unknown> = {}): TableCell => ({
    text,
    bold: true,
    alignment: 'center',
    fillColor: '#E7E6E6',
    ...extra,
  });
  const header: TableCell[][] = [
    [
      head('STT', { rowSpan: 2 }),
      head('Họ và tên', { rowSpan: 2 }),
      head('Chức vụ', { rowSpan: 2 }),
      head('Phiếu phát ra', { rowSpan: 2 }),
      head('Phiếu thu về', { rowSpan: 2 }),
      head(LEVEL_LABELS.high.vi, { colSpan: 2 }),
      '',
      head(LEVEL_LABELS.confidence.vi, { colSpan: 2 }),
      '',
      head(LEVEL_LABELS.low.vi, { colSpan: 2 }),
      '',
      head('Mức', { rowSpan: 2 }),
    ],
    [
      '',
      '',
      '',
      '',
      '',
      head('Số'),
      head('Tỷ lệ'),
      head('Số'),
      head('Tỷ lệ'),
      head('Số'),
      head('Tỷ lệ'),
      '',
    ],
  ];
  const body: TableCell[][] = [];
  let persons = 0;
  let overHalf = 0;
  let twoThirds = 0;
  result.units.forEach(({ unit, tally }, unitIndex) => {
    const base = tally.base.value;
    const date = unit.conferenceDate
      ? ` — hội nghị ngày ${formatShortDateVi(unit.conferenceDate)}`
      : '';
    body.push([
      {
        text: `${unitIndex + 1}. ${nfc(unit.name)}${date}`,
        colSpan: 12,
        bold: true,
        fillColor: '#F4F4F4',
      },
      ...Array<TableCell>(11).fill(''),
    ]);
    tally.persons.forEach((person, index) => {
      persons += 1;
      if (person.outcome === 'over-half-low') overHalf += 1;
      if (person.outcome === 'two-thirds-low') twoThirds += 1;
      const fill = person.outcome === 'none' ? {} : { fillColor: BAND_FILL[person.outcome] };
      const c = (text: string, alignment: 'left' | 'center' | 'right'): TableCell => ({
        text,
        alignment,
        ...fill,
      });
      body.push([
        c(String(index + 1), 'center'),
        c(nfc(person.name), 'left'),
        c(nfc(person.position), 'left'),
        c(formatIntegerVi(tally.ballotsIssued), 'center'),
        c(formatIntegerVi(tally.ballotsCollected), 'center'),
        c(formatIntegerVi(person.high.count), 'center'),
        c(formatPercentVi(person.high.count, base), 'right'),
        c(formatIntegerVi(person.confidence.count), 'center'),
        c(formatPercentVi(person.confidence.count, base), 'right'),
        c(formatIntegerVi(person.low.count), 'center'),
        c(formatPercentVi(person.low.count, base), 'right'),
        c(BAND_LABELS[person.outcome], 'left'),
      ]);
    });
  });
  const notReported = data.unitsNotReported;
  const content: Content[] = [
    documentHeader({
      regime: result.ruleSet.regime,
      issuingBody: data.issuingBody,
      dateLine: `${nfc(data.locality)}, ${formatDateVi(data.date)}`,
    }),
    documentTitle('TỔNG HỢP KẾT QUẢ LẤY PHIẾU TÍN NHIỆM', nfc(data.title)),
    {
      ul: [
        `Số đơn vị đã báo cáo: ${result.units.length}; chưa báo cáo: ${notReported.length}.`,
        `Số người được lấy phiếu tín nhiệm: ${formatIntegerVi(persons)}.`,
        `Trên 1/2 đến dưới 2/3 tín nhiệm thấp: ${overHalf}; từ 2/3 tín nhiệm thấp trở lên: ${twoThirds}.`,
        `Tỷ lệ phần trăm tính theo ${nfc(result.ruleSet.title.vi)} (${result.units[0]?.tally.base.kind === 'totalMembers' ? 'trên tổng số đại biểu' : 'trên tổng số phiếu thu về'} của từng đơn vị).`,
      ],
      fontSize: 11,
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        headerRows: 2,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [22, 110, '*', 38, 38, 30, 42, 30, 42, 30, 42, 110],
        body: [...header, ...body],
      },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        paddingLeft: () => 2,
        paddingRight: () => 2,
        paddingTop: () => 1,
        paddingBottom: () => 1,
      },
      fontSize: 9,
    },
    { text: 'Các đơn vị chưa báo cáo kết quả', bold: true, margin: [0, 12, 0, 4], fontSize: 12 },
    notReported.length === 0
      ? { text: 'Không có.', fontSize: 11 }
      : { ol: notReported.map((name) => nfc(name)), fontSize: 11 },
  ];
  return renderPdf(
    {
      pageSize: 'A4',
      pageOrientation: 'landscape',
      pageMargins: MARGINS,
      content,
      footer: (currentPage, pageCount) => ({
        columns: [
          {
            text: data.sample ? 'DỮ LIỆU MẪU — số liệu minh họa, không phải kết quả thật' : '',
            italics: true,
            fontSize: 8,
          },
          { text: `Trang ${currentPage}/${pageCount}`, alignment: 'right', fontSize: 8 },
        ],
        margin: [MARGINS[0], 14, MARGINS[2], 0],
      }),
    },
    { title: `Tổng hợp kết quả lấy phiếu tín nhiệm — ${nfc(data.title)}` },
  );
}
