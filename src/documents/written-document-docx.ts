// Renders a written document (minutes, report) as an editable DOCX with Tinos embedded.

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { formatIntegerVi, formatPercentVi, LEVEL_LABELS } from '../rules/index.js';
import type { CountedStyle } from './conference-result.js';
import type { Block, Run, WrittenDocument } from './document-blocks.js';
import { FONT_FAMILY, tinosBytes } from './fonts.js';
import { BAND_FILL, BAND_MARK } from './pdf-blocks.js';
import { nfc, upperVi } from './vietnamese-text.js';

/** Half-points: Word sizes fonts in halves of a point (13 pt = 26). */
const pt = (points: number): number => points * 2;
/** Twentieths of a point (twips), Word's unit of length: 1 cm = 567. */
const cm = (centimetres: number): number => Math.round(centimetres * 567);

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
  readonly underline?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: nfc(text),
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.size !== undefined ? { size: pt(style.size) } : {}),
    ...(style.underline ? { underline: {} } : {}),
  });
}

function line(
  text: string,
  style: RunStyle & { readonly align?: 'center' | 'left' | 'right'; readonly after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment:
      style.align === 'left'
        ? AlignmentType.LEFT
        : style.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.CENTER,
    spacing: { after: style.after ?? 0 },
    children: [run(text, style)],
  });
}

function headerTable(document: WrittenDocument): Table {
  const { issuingBody, regime } = document;
  const left: Paragraph[] = [];
  if (issuingBody.superior) left.push(line(upperVi(issuingBody.superior), { size: 12 }));
  left.push(
    line(upperVi(issuingBody.name), { bold: true, size: 12, underline: regime === 'state' }),
  );
  if (regime === 'party') left.push(line('*', { size: 12 }));
  if (document.number !== undefined) left.push(line(`Số: ${document.number}`, { size: 12 }));
  const right: Paragraph[] =
    regime === 'party'
      ? [line('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 13, underline: true })]
      : [
          line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 }),
          line('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 13, underline: true }),
        ];
  if (document.dateLine !== undefined) {
    right.push(
      new Paragraph({
        spacing: { before: 120 },
        alignment: AlignmentType.CENTER,
        children: [run(document.dateLine, { italics: true })],
      }),
    );
  }
  // As in the PDF (pdf-blocks.ts): the motto needs the wider right column.
  const leftShare = regime === 'party' ? 50 : 42;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftShare, type: WidthType.PERCENTAGE }, children: left }),
          new TableCell({
            width: { size: 100 - leftShare, type: WidthType.PERCENTAGE },
            children: right,
          }),
        ],
      }),
    ],
  });
}

function paragraphOf(runs: readonly Run[], indent: boolean): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    ...(indent ? { indent: { firstLine: cm(1) } } : {}),
    children: runs.map((r) => run(r.text, { bold: r.bold ?? false, italics: r.italics ?? false })),
  });
}

function cell(
  text: string,
  options: {
    bold?: boolean;
    align?: 'left' | 'center' | 'right';
    columnSpan?: number;
    rowSpan?: number;
    fill?: string;
  } = {},
): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
    ...(options.fill
      ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill.replace('#', '') } }
      : {}),
    margins: { left: 60, right: 60 },
    children: [
      line(text, { bold: options.bold ?? false, size: 11, align: options.align ?? 'center' }),
    ],
  });
}

/** The per-person table, the same figures as the PDF's (pdf-blocks.ts resultsTable). */
function resultsTable(counted: CountedStyle): Table {
  const { tally } = counted;
  const base = tally.base.value;
  const headerRows = [
    new TableRow({
      tableHeader: true,
      children: [
        cell('STT', { bold: true, rowSpan: 2 }),
        cell('Họ và tên', { bold: true, rowSpan: 2 }),
        cell('Chức vụ', { bold: true, rowSpan: 2 }),
        cell('Phiếu hợp lệ', { bold: true, rowSpan: 2 }),
        cell(LEVEL_LABELS.high.vi, { bold: true, columnSpan: 2 }),
        cell(LEVEL_LABELS.confidence.vi, { bold: true, columnSpan: 2 }),
        cell(LEVEL_LABELS.low.vi, { bold: true, columnSpan: 2 }),
      ],
    }),
    new TableRow({
      tableHeader: true,
      children: ['Số phiếu', 'Tỷ lệ', 'Số phiếu', 'Tỷ lệ', 'Số phiếu', 'Tỷ lệ'].map((t) =>
        cell(t, { bold: true }),
      ),
    }),
  ];
  const rows = tally.persons.map((person, index) => {
    const fill = person.outcome === 'none' ? undefined : BAND_FILL[person.outcome];
    const mark = BAND_MARK[person.outcome];
    const stt = counted.style.persons[index]?.stt ?? index + 1;
    const c = (text: string, align: 'left' | 'center' | 'right'): TableCell =>
      cell(text, { align, ...(fill ? { fill } : {}) });
    return new TableRow({
      cantSplit: true,
      children: [
        c(String(stt), 'center'),
        c(person.name + (mark ? ` ${mark}` : ''), 'left'),
        c(person.position, 'left'),
        c(formatIntegerVi(person.validLines), 'center'),
        c(formatIntegerVi(person.high.count), 'center'),
        c(formatPercentVi(person.high.count, base), 'right'),
        c(formatIntegerVi(person.confidence.count), 'center'),
        c(formatPercentVi(person.confidence.count, base), 'right'),
        c(formatIntegerVi(person.low.count), 'center'),
        c(formatPercentVi(person.low.count, base), 'right'),
      ],
    });
  });
  // Column widths in twips over the 17.5 cm text block.
  const widths = [1.1, 3.3, 3.3, 1.4, 1.2, 1.6, 1.2, 1.6, 1.2, 1.6].map(cm);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [...headerRows, ...rows],
  });
}

function signatures(block: Extract<Block, { kind: 'signatures' }>): Table {
  const lines = Math.max(...block.columns.map((c) => c.capacity.length));
  const columns: TableCell[] = [];
  if (block.recipients) {
    columns.push(
      new TableCell({
        children: [
          line('Nơi nhận:', { bold: true, italics: true, size: 12, align: 'left' }),
          ...block.recipients.map((r, i) =>
            line(`- ${r}${i === block.recipients!.length - 1 ? '.' : ';'}`, {
              size: 11,
              align: 'left',
            }),
          ),
        ],
      }),
    );
  }
  for (const column of block.columns) {
    const capacity = [
      ...column.capacity,
      ...Array<string>(lines - column.capacity.length).fill(''),
    ];
    columns.push(
      new TableCell({
        children: [
          ...capacity.map((c) => line(upperVi(c), { bold: true })),
          line('(Ký, ghi rõ họ tên)', { italics: true, size: 11, after: 1000 }),
          ...column.names.map((n) => line(n, { bold: true, after: 900 })),
        ],
      }),
    );
  }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: columns })],
  });
}

function blockChildren(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({ spacing: { before: 240 }, children: [] }),
        line(upperVi(block.title), { bold: true, size: 14 }),
        ...(block.subtitle !== undefined ? [line(block.subtitle, { bold: true, after: 240 })] : []),
      ];
    case 'centered':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 200 },
          children: block.runs.map((r) =>
            run(r.text, { bold: r.bold ?? false, italics: r.italics ?? false }),
          ),
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          spacing: { before: 160, after: 80 },
          children: [run(block.text, { bold: true })],
        }),
      ];
    case 'paragraph':
      return [paragraphOf(block.runs, block.indent ?? false)];
    case 'results':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          keepNext: true,
          spacing: { after: 80 },
          indent: { firstLine: cm(1) },
          children: [run(block.caption)],
        }),
        resultsTable(block.counted),
        new Paragraph({ children: [] }),
      ];
    case 'signatures':
      return [new Paragraph({ children: [] }), signatures(block)];
  }
}

/**
 * The DOCX of a written document. Tinos is embedded (all four faces) so LibreOffice and Word lay it
 * out with the same font instead of substituting one without Vietnamese (architecture.md, DOCX row);
 * the text stays ordinary paragraphs and tables, editable.
 */
export async function renderWrittenDocumentDocx(document: WrittenDocument): Promise<Buffer> {
  const faces = tinosBytes();
  const doc = new Document({
    creator: 'Tín nhiệm',
    title: nfc(document.title),
    fonts: [
      {
        name: FONT_FAMILY,
        data: faces.normal,
        bold: faces.bold,
        italic: faces.italics,
        boldItalic: faces.bolditalics,
      },
    ],
    styles: {
      default: { document: { run: { font: FONT_FAMILY, size: pt(13) } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: cm(21), height: cm(29.7) },
            margin: { top: cm(1.5), bottom: cm(1.5), left: cm(2), right: cm(1.5) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  ...(document.sample
                    ? [
                        run('DỮ LIỆU MẪU — số liệu minh họa, không phải kết quả thật    ', {
                          italics: true,
                          size: 9,
                        }),
                      ]
                    : []),
                  new TextRun({
                    children: ['Trang ', PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES],
                    size: pt(9),
                  }),
                ],
              }),
            ],
          }),
        },
        children: [headerTable(document), ...document.blocks.flatMap(blockChildren)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
