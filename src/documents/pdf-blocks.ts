// Building blocks the PDFs share: the national or Party header, the results table, signatures.

import type { Column, Content, TableCell } from 'pdfmake/interfaces.js';
import { formatIntegerVi, formatPercentVi, LEVEL_LABELS, type RuleSet } from '../rules/index.js';
import type { CountedStyle } from './conference-result.js';
import type { IssuingBodyData } from './model.js';
import { nfc, upperVi } from './vietnamese-text.js';

/** A4 portrait margins in points: left 2 cm, right 1.5 cm, top and bottom 1.5 cm (NĐ 30/2020). */
export const PORTRAIT_MARGINS: [number, number, number, number] = [57, 43, 43, 50];
/** Width of the text block on A4 portrait with those margins. */
export const PORTRAIT_WIDTH = 595.28 - 57 - 43;

/** Fill of a row whose person is in a consequence band (light red / orange, still legible in gray). */
export const BAND_FILL = { 'over-half-low': '#FCE4C4', 'two-thirds-low': '#F6C6C6' } as const;

/** A short centred rule under a header line, drawn as a vector. */
export function underline(width: number): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 1, x2: width, y2: 1, lineWidth: 0.6 }],
    alignment: 'center',
    margin: [0, 1, 0, 0],
  };
}

/**
 * The header of a document (Hướng dẫn 36-HD/VPTW for the Party; NĐ 30/2020 for the State): top left
 * the superior and the issuing body; top right "ĐẢNG CỘNG SẢN VIỆT NAM" (party regime, QĐ 96) or the
 * national motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc" (state regime,
 * NQ 96/2023); under it the date line in italics, and the number under the issuing body.
 */
export function documentHeader(options: {
  readonly regime: RuleSet['regime'];
  readonly issuingBody: IssuingBodyData;
  readonly number?: string;
  readonly dateLine?: string;
}): Content {
  const { regime, issuingBody } = options;
  const left: Content[] = [];
  if (issuingBody.superior) left.push({ text: upperVi(issuingBody.superior), fontSize: 12 });
  left.push({ text: upperVi(issuingBody.name), bold: true, fontSize: 12 });
  left.push(regime === 'party' ? { text: '*', fontSize: 12 } : underline(60));
  if (options.number !== undefined) {
    left.push({ text: `Số: ${nfc(options.number)}`, fontSize: 12, margin: [0, 2, 0, 0] });
  }
  const right: Content[] =
    regime === 'party'
      ? [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, fontSize: 13 }, underline(170)]
      : [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 12 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 13 },
          underline(150),
        ];
  if (options.dateLine !== undefined) {
    right.push({ text: nfc(options.dateLine), italics: true, fontSize: 13, margin: [0, 6, 0, 0] });
  }
  return {
    columns: [
      // The motto needs the wider right column; a Party issuing body's name the wider left one.
      { width: regime === 'party' ? '50%' : '42%', stack: left, alignment: 'center' },
      { width: '*', stack: right, alignment: 'center' },
    ],
    columnGap: 8,
    margin: [0, 0, 0, 14],
  };
}

/** The footer every page of sample data carries, and page numbers when there is more than one. */
export function pageFooter(sample: boolean): (currentPage: number, pageCount: number) => Content {
  return (currentPage, pageCount) => ({
    columns: [
      {
        text: sample ? 'DỮ LIỆU MẪU — số liệu minh họa, không phải kết quả thật' : '',
        italics: true,
        fontSize: 9,
      },
      {
        text: pageCount > 1 ? `Trang ${currentPage}/${pageCount}` : '',
        alignment: 'right',
        fontSize: 9,
      },
    ],
    margin: [PORTRAIT_MARGINS[0], 16, PORTRAIT_MARGINS[2], 0],
  });
}

/** A centred bold title with an optional second line. */
export function documentTitle(title: string, subtitle?: string): Content {
  const stack: Content[] = [
    { text: upperVi(title), bold: true, fontSize: 14, alignment: 'center' },
  ];
  if (subtitle !== undefined) {
    stack.push({ text: nfc(subtitle), bold: true, fontSize: 13, alignment: 'center' });
  }
  return { stack, margin: [0, 4, 0, 12] };
}

/** Where a band marker sends the reader, after the table. */
export const BAND_MARK = { none: '', 'over-half-low': '(1)', 'two-thirds-low': '(2)' } as const;

/**
 * The per-person table (QĐ 96 Điều 6 k3; NQ 96/2023 Điều 19 k1): the person's valid lines (validity is
 * per line, rules.md §3.6), counts and percentages of the rule's base in Vietnamese form ("81,88%",
 * src/rules/percent.ts), rows in a band filled.
 */
export function resultsTable(counted: CountedStyle, fontSize = 11): Content {
  const { tally } = counted;
  const base = tally.base.value;
  const head = (text: string, extra: Partial<Record<string, unknown>> = {}): TableCell => ({
    text,
    bold: true,
    alignment: 'center',
    ...extra,
  });
  const header: TableCell[][] = [
    [
      head('STT', { rowSpan: 2 }),
      head('Họ và tên', { rowSpan: 2 }),
      head('Chức vụ', { rowSpan: 2 }),
      head('Phiếu hợp lệ', { rowSpan: 2 }),
      head(LEVEL_LABELS.high.vi, { colSpan: 2 }),
      '',
      head(LEVEL_LABELS.confidence.vi, { colSpan: 2 }),
      '',
      head(LEVEL_LABELS.low.vi, { colSpan: 2 }),
      '',
    ],
    [
      '',
      '',
      '',
      '',
      head('Số phiếu'),
      head('Tỷ lệ'),
      head('Số phiếu'),
      head('Tỷ lệ'),
      head('Số phiếu'),
      head('Tỷ lệ'),
    ],
  ];
  const body: TableCell[][] = tally.persons.map((person, index) => {
    const fill = person.outcome === 'none' ? undefined : BAND_FILL[person.outcome];
    const cell = (text: string, alignment: 'left' | 'center' | 'right'): TableCell => ({
      text,
      alignment,
      ...(fill ? { fillColor: fill } : {}),
    });
    const stt = counted.style.persons[index]?.stt ?? index + 1;
    return [
      cell(String(stt), 'center'),
      cell(
        nfc(person.name) + (BAND_MARK[person.outcome] ? ` ${BAND_MARK[person.outcome]}` : ''),
        'left',
      ),
      cell(nfc(person.position), 'left'),
      cell(formatIntegerVi(person.validLines), 'center'),
      cell(formatIntegerVi(person.high.count), 'center'),
      cell(formatPercentVi(person.high.count, base), 'right'),
      cell(formatIntegerVi(person.confidence.count), 'center'),
      cell(formatPercentVi(person.confidence.count, base), 'right'),
      cell(formatIntegerVi(person.low.count), 'center'),
      cell(formatPercentVi(person.low.count, base), 'right'),
    ];
  });
  return {
    table: {
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: [22, '*', '*', 36, 32, 42, 32, 42, 32, 42],
      body: [...header, ...body],
    },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize,
    margin: [0, 4, 0, 6],
  };
}

/** One signature column: the capacity in bold, "(Ký, ghi rõ họ tên)", space to sign, the names. */
export function signatureColumn(
  capacity: readonly string[],
  names: readonly string[],
  width: string | number,
  capacityLines = capacity.length,
): Column {
  const padded = [
    ...capacity,
    ...Array<string>(Math.max(0, capacityLines - capacity.length)).fill(' '),
  ];
  return {
    width,
    alignment: 'center',
    stack: [
      ...padded.map((line): Content => ({ text: upperVi(line), bold: true })),
      { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 11 },
      ...names.map((name): Content => ({ text: nfc(name), bold: true, margin: [0, 46, 0, 0] })),
    ],
  };
}
