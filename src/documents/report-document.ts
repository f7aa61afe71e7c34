// Báo cáo kết quả lấy phiếu tín nhiệm — the report to the competent authority (QĐ 96 Điều 1 k4).

import { formatIntegerVi } from '../rules/index.js';
import type { ConferenceResult } from './conference-result.js';
import { bold, paragraph, type Block, type WrittenDocument } from './document-blocks.js';
import { bandBlocks, lowerFirst, resultSections } from './minutes-document.js';
import { publicSummary } from './public-summary.js';
import { formatDateVi, formatShortDateVi, nfc } from './vietnamese-text.js';

/**
 * The report a conference's organiser sends to the level that manages the cadres: "Kết quả lấy
 * phiếu tín nhiệm phải báo cáo cấp có thẩm quyền quản lý cán bộ" (QĐ 96 Điều 1 k4 [verbatim]).
 * Without `report` in the input the chair signs and the addressee is left blank.
 */
export function reportDocument(result: ConferenceResult): WrittenDocument {
  const { data, ruleSet, styles } = result;
  const { conference } = data;
  const report = data.report;
  const head = data.countingCommittee.find((m) => m.role === 'head');
  const subjects = styles.map((s) => nfc(s.style.title)).join('; ');
  const summary = publicSummary(styles.map((s) => s.tally));
  const blocks: Block[] = [
    {
      kind: 'title',
      title: 'BÁO CÁO',
      subtitle: `Kết quả lấy phiếu tín nhiệm đối với ${subjects}`,
    },
    {
      kind: 'centered',
      runs: [
        { text: 'Kính gửi: ' },
        { text: report ? nfc(report.to) : '………………………………', bold: true },
      ],
    },
    paragraph(
      data.planReferences.length > 0
        ? `Thực hiện ${data.planReferences.map(nfc).join('; ')}, ngày ${formatShortDateVi(conference.date)}, ${nfc(data.unit)} đã tổ chức ${lowerFirst(conference.title)} tại ${nfc(conference.place)}.`
        : `Ngày ${formatShortDateVi(conference.date)}, ${nfc(data.unit)} đã tổ chức ${lowerFirst(conference.title)} tại ${nfc(conference.place)}.`,
    ),
    paragraph(
      'Chủ trì hội nghị: đồng chí ',
      bold(nfc(conference.chair.name)),
      conference.chair.position ? ` – ${nfc(conference.chair.position)}.` : '.',
    ),
    { kind: 'heading', text: 'I. THÀNH PHẦN THAM GIA' },
  ];
  if (conference.summoned !== undefined && conference.present !== undefined) {
    blocks.push(
      paragraph(
        `Số người được triệu tập: ${formatIntegerVi(conference.summoned)}; số người có mặt: ${formatIntegerVi(conference.present)}.`,
      ),
    );
  }
  blocks.push(
    paragraph(
      `Hội nghị đã bầu Ban kiểm phiếu gồm ${data.countingCommittee.length} đồng chí${head ? `, do đồng chí ${nfc(head.name)} làm Trưởng Ban` : ''}.`,
    ),
    { kind: 'heading', text: 'II. KẾT QUẢ LẤY PHIẾU TÍN NHIỆM' },
    ...resultSections(styles),
    { kind: 'heading', text: 'III. ĐÁNH GIÁ CHUNG' },
    paragraph(summary.vi),
    ...bandBlocks(ruleSet, styles),
    paragraph(
      `Việc lấy phiếu tín nhiệm được thực hiện theo ${nfc(ruleSet.instrument)}. Biên bản kiểm phiếu của Ban kiểm phiếu gửi kèm theo báo cáo này.`,
    ),
    paragraph('Trân trọng báo cáo./.'),
    {
      kind: 'signatures',
      recipients: ['Như trên', ...(report?.recipients ?? []).map(nfc), 'Lưu'],
      columns: [
        {
          capacity: report
            ? [...(report.signer.onBehalfOf ? [report.signer.onBehalfOf] : []), report.signer.title]
            : ['Chủ trì hội nghị'],
          names: [report ? report.signer.name : conference.chair.name],
        },
      ],
    },
  );
  return {
    title: `Báo cáo kết quả lấy phiếu tín nhiệm — ${nfc(data.unit)}`,
    regime: ruleSet.regime,
    issuingBody: data.issuingBody,
    number: report?.number ?? '……',
    dateLine: `${nfc(conference.locality)}, ${formatDateVi(conference.date)}`,
    sample: data.sample,
    blocks,
  };
}
