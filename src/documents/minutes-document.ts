// Biên bản kiểm phiếu — the counting committee's minutes, written once for PDF and DOCX.

import { formatIntegerVi, type RuleSet, type Tally } from '../rules/index.js';
import type { ConferenceResult, CountedStyle } from './conference-result.js';
import { bold, paragraph, type Block, type WrittenDocument } from './document-blocks.js';
import { BAND_MARK } from './pdf-blocks.js';
import { formatDateVi, formatTimeVi, nfc, twoDigits } from './vietnamese-text.js';

/** "Hội nghị …" → "hội nghị …", to continue a sentence. */
export function lowerFirst(text: string): string {
  const value = nfc(text);
  return value.charAt(0).toLocaleLowerCase('vi') + value.slice(1);
}

/** "05 phiếu": figures of ballots as minutes write them (two digits below ten). */
export function ballots(count: number): string {
  return `${count < 10 ? twoDigits(count) : formatIntegerVi(count)} phiếu`;
}

/** The sentence that says what the percentages are taken of (QĐ 96 Điều 6 k3; NQ 96/2023 Điều 19 k3). */
export function baseSentence(tally: Tally): string {
  const what = tally.base.kind === 'ballotsCollected' ? 'tổng số phiếu thu về' : 'tổng số đại biểu';
  return `Tỷ lệ phần trăm tính trên ${what} (${formatIntegerVi(tally.base.value)}).`;
}

/** The four figures of a ballot style (QĐ 96 Điều 6 k3: phát ra, thu về, hợp lệ, không hợp lệ). */
export function figureBlocks(counted: CountedStyle): Block[] {
  return [
    paragraph('- Số phiếu phát ra: ', bold(ballots(counted.ballotsIssued)), '.'),
    paragraph('- Số phiếu thu về: ', bold(ballots(counted.ballotsCollected)), '.'),
    paragraph('- Số phiếu hợp lệ: ', bold(ballots(counted.ballotsValid)), '.'),
    paragraph('- Số phiếu không hợp lệ: ', bold(ballots(counted.ballotsInvalid)), '.'),
  ];
}

/**
 * The bands the rule set attaches consequences to, with the persons in each (marks (1), (2) refer
 * to the table). The comparison is the rules engine's, in integers on the base (bands.ts).
 */
export function bandBlocks(ruleSet: RuleSet, styles: readonly CountedStyle[]): Block[] {
  const blocks: Block[] = [
    paragraph(`Theo ${nfc(ruleSet.instrument)}, mức tín nhiệm được xem xét như sau:`),
    paragraph(`${BAND_MARK['over-half-low']} ${nfc(ruleSet.bandMeanings['over-half-low'].vi)}.`),
    paragraph(`${BAND_MARK['two-thirds-low']} ${nfc(ruleSet.bandMeanings['two-thirds-low'].vi)}.`),
  ];
  const inBand = styles.flatMap((s) => s.tally.persons.filter((p) => p.outcome !== 'none'));
  if (inBand.length === 0) {
    blocks.push(paragraph('Kết quả: không có trường hợp nào thuộc mức (1) hoặc (2).'));
  } else {
    for (const person of inBand) {
      blocks.push(
        paragraph(
          'Kết quả: đồng chí ',
          bold(nfc(person.name)),
          ` (${nfc(person.position)}) thuộc mức ${BAND_MARK[person.outcome]}.`,
        ),
      );
    }
  }
  return blocks;
}

/** The results section of each ballot style: a sub-heading when there are several, figures, table. */
export function resultSections(styles: readonly CountedStyle[]): Block[] {
  return styles.flatMap((counted, index): Block[] => [
    ...(styles.length > 1
      ? [paragraph(bold(`${index + 1}. Phiếu tín nhiệm đối với ${nfc(counted.style.title)}`))]
      : []),
    ...figureBlocks(counted),
    {
      kind: 'results',
      counted,
      caption: `Kết quả đối với từng người. ${baseSentence(counted.tally)}`,
    },
  ]);
}

/** The minutes of the count, as the counting committee signs them. */
export function minutesDocument(result: ConferenceResult): WrittenDocument {
  const { data, ruleSet, styles } = result;
  const { conference } = data;
  const head = data.countingCommittee.find((m) => m.role === 'head');
  const members = data.countingCommittee.filter((m) => m.role === 'member');
  const ordered = [...(head ? [head] : []), ...members];
  const blocks: Block[] = [
    { kind: 'title', title: 'BIÊN BẢN KIỂM PHIẾU', subtitle: nfc(conference.title) },
    ...data.planReferences.map((ref) => paragraph({ text: `Căn cứ ${nfc(ref)};`, italics: true })),
    paragraph(
      `Hôm nay, vào hồi ${formatTimeVi(conference.time)}, ${formatDateVi(conference.date)}, tại ${nfc(conference.place)}, ${nfc(data.unit)} tổ chức ${lowerFirst(conference.title)}.`,
    ),
    paragraph(
      'Chủ trì hội nghị: đồng chí ',
      bold(nfc(conference.chair.name)),
      conference.chair.position ? ` – ${nfc(conference.chair.position)}.` : '.',
    ),
  ];
  if (conference.summoned !== undefined && conference.present !== undefined) {
    blocks.push(
      paragraph(
        `Số người được triệu tập: ${formatIntegerVi(conference.summoned)}; số người có mặt: ${formatIntegerVi(conference.present)}.`,
      ),
    );
  }
  blocks.push(
    { kind: 'heading', text: 'I. BAN KIỂM PHIẾU' },
    paragraph('Hội nghị đã bầu Ban kiểm phiếu gồm các đồng chí:'),
    ...ordered.map((member, index) =>
      paragraph(
        `${index + 1}. Đồng chí `,
        bold(nfc(member.name)),
        member.position ? ` – ${nfc(member.position)}` : '',
        member.role === 'head'
          ? ', Trưởng Ban;'
          : index === ordered.length - 1
            ? ', Thành viên.'
            : ', Thành viên;',
      ),
    ),
    paragraph(
      'Ban kiểm phiếu đã kiểm tra thùng phiếu, phát phiếu, thu phiếu và tiến hành kiểm phiếu theo quy định. Kết quả như sau:',
    ),
    { kind: 'heading', text: 'II. KẾT QUẢ KIỂM PHIẾU' },
    ...resultSections(styles),
    { kind: 'heading', text: 'III. MỨC TÍN NHIỆM THEO QUY ĐỊNH' },
    ...bandBlocks(ruleSet, styles),
    paragraph(
      `Biên bản được lập xong vào hồi ${conference.closedAt ? formatTimeVi(conference.closedAt) : '..... giờ ..... phút'} cùng ngày, đã đọc lại cho các thành viên Ban kiểm phiếu cùng nghe, nhất trí và ký tên dưới đây.`,
    ),
    {
      kind: 'signatures',
      columns: [
        { capacity: ['Các thành viên', 'Ban kiểm phiếu'], names: members.map((m) => m.name) },
        { capacity: ['Trưởng Ban kiểm phiếu'], names: head ? [head.name] : [] },
      ],
    },
  );
  return {
    title: `Biên bản kiểm phiếu — ${nfc(conference.title)}`,
    regime: ruleSet.regime,
    issuingBody: data.issuingBody,
    dateLine: `${nfc(conference.locality)}, ${formatDateVi(conference.date)}`,
    sample: data.sample,
    blocks,
  };
}
