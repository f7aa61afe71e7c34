// Phiếu tín nhiệm — the ballot (QĐ 96 Điều 6 k1, Phụ lục 4 form) as an A4 PDF, N copies per file.

import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { getRuleSet, LEVEL_LABELS, LEVELS } from '../rules/index.js';
import type { BallotStyleData, ConferenceDocumentData } from './model.js';
import { renderPdf } from './pdf-output.js';
import { documentHeader, PORTRAIT_MARGINS } from './pdf-blocks.js';
import { formatDateVi, nfc, upperVi } from './vietnamese-text.js';

/** What to print: which ballot styles (all when absent) and how many copies of each. */
export interface BallotOptions {
  readonly styleIds?: readonly string[];
  readonly copies?: number;
}

/** The title printed on the ballot: the Party form says "PHIẾU TÍN NHIỆM" (QĐ 96 Điều 6 k1). */
export function ballotTitle(regime: 'party' | 'state'): string {
  // The National Assembly's and People's Councils' ballots are headed "PHIẾU LẤY PHIẾU TÍN NHIỆM".
  return regime === 'party' ? 'PHIẾU TÍN NHIỆM' : 'PHIẾU LẤY PHIẾU TÍN NHIỆM';
}

/**
 * How to mark, from QĐ 96 Điều 6 k2–k3 (rules.md §3.6): one mark per person; a line with no mark or
 * two or three marks, or a crossed-out name, is invalid for that person.
 */
export const MARKING_INSTRUCTIONS =
  'Đối với mỗi người có tên trong phiếu, người ghi phiếu đánh dấu X vào một trong ba ô “Tín nhiệm cao”, “Tín nhiệm”, “Tín nhiệm thấp”. ' +
  'Không đánh dấu vào ô nào, đánh dấu vào hai hoặc ba ô, hoặc gạch xóa họ tên người được in trên phiếu thì phiếu không hợp lệ đối với người đó.';

/** Điều 6 k2 [verbatim]: "Người ghi phiếu tín nhiệm có thể ký tên hoặc không ký tên vào phiếu tín nhiệm". */
export const SIGNATURE_OPTIONAL = 'Người ghi phiếu có thể ký tên hoặc không ký tên.';

const BOX = 13;

/** An empty check box drawn as a vector rectangle (no glyph: every printer and font draws it). */
function box(): Content {
  return {
    canvas: [{ type: 'rect', x: 0, y: 0, w: BOX, h: BOX, lineWidth: 0.8 }],
    alignment: 'center',
    margin: [0, 2, 0, 1],
  };
}

function styleContent(
  data: ConferenceDocumentData,
  style: BallotStyleData,
  first: boolean,
): Content[] {
  const regime = getRuleSet(data.ruleSet).regime;
  const head = (text: string): TableCell => ({ text, bold: true, alignment: 'center' });
  const rows: TableCell[][] = style.persons.map((person, index) => [
    { text: String(person.stt ?? index + 1), alignment: 'center', margin: [0, 2, 0, 0] },
    { text: nfc(person.name), bold: true, margin: [0, 2, 0, 0] },
    { text: nfc(person.position), margin: [0, 2, 0, 0] },
    box(),
    box(),
    box(),
  ]);
  return [
    {
      ...(documentHeader({ regime, issuingBody: data.issuingBody }) as object),
      ...(first ? {} : { pageBreak: 'before' as const }),
    } as Content,
    {
      stack: [
        { text: ballotTitle(regime), bold: true, fontSize: 16 },
        { text: `Đối với ${nfc(style.title)}`, bold: true, fontSize: 13 },
        { text: nfc(data.conference.title), fontSize: 12, margin: [0, 4, 0, 0] },
        {
          text: `${nfc(data.unit)}, ${formatDateVi(data.conference.date)}`,
          italics: true,
          fontSize: 12,
        },
      ],
      alignment: 'center',
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [24, 118, '*', 50, 50, 50],
        body: [
          [
            head('STT'),
            head('Họ và tên'),
            head('Chức vụ'),
            ...LEVELS.map((l) => head(LEVEL_LABELS[l].vi)),
          ],
          ...rows,
        ],
      },
      layout: {
        hLineWidth: () => 0.6,
        vLineWidth: () => 0.6,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
      fontSize: 12,
    },
    {
      stack: [
        { text: [{ text: 'Cách ghi phiếu: ', bold: true }, MARKING_INSTRUCTIONS], fontSize: 11 },
        { text: SIGNATURE_OPTIONAL, italics: true, fontSize: 11, margin: [0, 4, 0, 0] },
      ],
      margin: [0, 8, 0, 0],
      unbreakable: true,
    },
  ];
}

/**
 * Renders the ballots: for each chosen style, `copies` identical ballots, each starting on a new page.
 * A long list (the National Assembly's 44 persons in 2023) runs over several pages; the column
 * headings repeat, and each continuation page says whose ballot it continues.
 */
export async function renderBallotPdf(
  data: ConferenceDocumentData,
  options: BallotOptions = {},
): Promise<Buffer> {
  const copies = options.copies ?? 1;
  if (!Number.isSafeInteger(copies) || copies < 1) {
    throw new RangeError(`renderBallotPdf: expected copies ≥ 1, got ${copies}`);
  }
  const styles = options.styleIds
    ? data.ballotStyles.filter((s) => options.styleIds?.includes(s.id))
    : data.ballotStyles;
  if (styles.length === 0) throw new RangeError('renderBallotPdf: no ballot style chosen');
  // First pass: how many pages one ballot of each style takes, so every page can say where it is.
  const pagesPerStyle: number[] = [];
  for (const style of styles) {
    let pages = 1;
    await renderPdf(
      {
        pageSize: 'A4',
        pageMargins: PORTRAIT_MARGINS,
        content: styleContent(data, style, true),
        footer: (_page, count) => {
          pages = count;
          return '';
        },
      },
      { title: 'layout' },
    );
    pagesPerStyle.push(pages);
  }
  const pageMap: { style: BallotStyleData; page: number; of: number }[] = [];
  const content: Content[] = [];
  styles.forEach((style, index) => {
    const of = pagesPerStyle[index] ?? 1;
    for (let copy = 0; copy < copies; copy++) {
      content.push(...styleContent(data, style, content.length === 0));
      for (let page = 1; page <= of; page++) pageMap.push({ style, page, of });
    }
  });
  const regime = getRuleSet(data.ruleSet).regime;
  return renderPdf(
    {
      pageSize: 'A4',
      pageMargins: PORTRAIT_MARGINS,
      content,
      header: (currentPage) => {
        const at = pageMap[currentPage - 1];
        if (!at || at.page === 1) return '';
        return {
          text: `${ballotTitle(regime)} (tiếp theo) — ${nfc(at.style.title)}`,
          italics: true,
          fontSize: 10,
          alignment: 'center',
          margin: [PORTRAIT_MARGINS[0], 22, PORTRAIT_MARGINS[2], 0],
        };
      },
      footer: (currentPage) => {
        const at = pageMap[currentPage - 1];
        return {
          columns: [
            {
              text: data.sample ? 'DỮ LIỆU MẪU — phiếu minh họa' : '',
              italics: true,
              fontSize: 9,
            },
            {
              text: at && at.of > 1 ? `Trang ${at.page}/${at.of}` : '',
              alignment: 'right',
              fontSize: 9,
            },
          ],
          margin: [PORTRAIT_MARGINS[0], 16, PORTRAIT_MARGINS[2], 0],
        };
      },
    },
    { title: `${upperVi(ballotTitle(regime))} — ${nfc(data.unit)}` },
  );
}
