// Giấy mời — one A4 page per person summoned to the conference, with a QR code of their check-in code.

import type { Content } from 'pdfmake/interfaces.js';
import { getRuleSet, type RuleSetId } from '../rules/index.js';
import type { IssuingBodyData } from './model.js';
import { renderPdf } from './pdf-output.js';
import { documentHeader, PORTRAIT_MARGINS } from './pdf-blocks.js';
import { formatDateVi, formatTimeVi, nfc, upperVi } from './vietnamese-text.js';

/** A person summoned (người được triệu tập) and the code the roll call scans. */
export interface Invitee {
  readonly name: string;
  readonly position?: string;
  readonly unitName?: string;
  /** The check-in code the organiser's scanner reads at the door (issue 4 §1). */
  readonly checkInCode: string;
}

/** What the invitations print. */
export interface InvitationsData {
  readonly sample: boolean;
  readonly ruleSet: RuleSetId;
  readonly issuingBody: IssuingBodyData;
  readonly unit: string;
  readonly conference: {
    readonly title: string;
    readonly date: string;
    /** "HH:MM"; the line is left out when absent. */
    readonly time?: string;
    readonly place: string;
    readonly locality: string;
  };
  readonly invitees: readonly Invitee[];
}

/** Side of the printed QR code in points (about 4.2 cm: scans from a phone at arm's length). */
const QR_SIZE = 120;

function invitationPage(data: InvitationsData, invitee: Invitee, first: boolean): Content[] {
  const regime = getRuleSet(data.ruleSet).regime;
  const { conference } = data;
  const who = [invitee.position, invitee.unitName].filter((s) => s !== undefined && s !== '');
  const when = conference.time
    ? `${formatTimeVi(conference.time)}, ${formatDateVi(conference.date)}`
    : formatDateVi(conference.date);
  return [
    {
      ...(documentHeader({
        regime,
        issuingBody: data.issuingBody,
        dateLine: `${nfc(conference.locality)}, ${formatDateVi(conference.date)}`,
      }) as object),
      ...(first ? {} : { pageBreak: 'before' as const }),
    } as Content,
    { text: 'GIẤY MỜI', bold: true, fontSize: 16, alignment: 'center', margin: [0, 6, 0, 2] },
    {
      text: `Dự ${nfc(conference.title)}`,
      bold: true,
      alignment: 'center',
      margin: [0, 0, 0, 14],
    },
    {
      text: [{ text: 'Kính gửi: ' }, { text: `đồng chí ${nfc(invitee.name)}`, bold: true }],
      margin: [0, 0, 0, 2],
    },
    ...(who.length > 0
      ? [{ text: who.map((s) => nfc(s ?? '')).join(', '), margin: [62, 0, 0, 10] } as Content]
      : []),
    {
      text: `${nfc(data.unit)} trân trọng kính mời đồng chí tới dự ${nfc(conference.title)}.`,
      alignment: 'justify',
      margin: [0, 6, 0, 6],
    },
    { text: [{ text: 'Thời gian: ', bold: true }, when], margin: [0, 0, 0, 2] },
    { text: [{ text: 'Địa điểm: ', bold: true }, nfc(conference.place)], margin: [0, 0, 0, 10] },
    {
      text: 'Đề nghị đồng chí mang theo giấy mời này; mã dưới đây dùng để điểm danh khi vào hội nghị.',
      italics: true,
      fontSize: 12,
    },
    {
      stack: [
        { qr: invitee.checkInCode, fit: QR_SIZE, eccLevel: 'M', alignment: 'center' },
        {
          text: `Mã điểm danh: ${invitee.checkInCode}`,
          fontSize: 12,
          alignment: 'center',
          margin: [0, 6, 0, 0],
        },
      ],
      margin: [0, 16, 0, 0],
      unbreakable: true,
    },
  ];
}

/** Renders one invitation page per invitee, in list order, into one A4 PDF. */
export async function renderInvitationsPdf(data: InvitationsData): Promise<Buffer> {
  if (data.invitees.length === 0) {
    throw new RangeError('renderInvitationsPdf: expected at least one person summoned');
  }
  const content = data.invitees.flatMap((invitee, index) =>
    invitationPage(data, invitee, index === 0),
  );
  return renderPdf(
    {
      pageSize: 'A4',
      pageMargins: PORTRAIT_MARGINS,
      content,
      footer: () => ({
        text: data.sample ? 'DỮ LIỆU MẪU — giấy mời minh họa' : '',
        italics: true,
        fontSize: 9,
        margin: [PORTRAIT_MARGINS[0], 16, PORTRAIT_MARGINS[2], 0],
      }),
    },
    { title: `GIẤY MỜI — ${upperVi(data.conference.title)}` },
  );
}
