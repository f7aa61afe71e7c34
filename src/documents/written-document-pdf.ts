// Renders a written document (minutes, report) as an A4 PDF with pdfmake.

import type { Column, Content } from 'pdfmake/interfaces.js';
import type { Block, Run, WrittenDocument } from './document-blocks.js';
import {
  documentHeader,
  documentTitle,
  pageFooter,
  PORTRAIT_MARGINS,
  resultsTable,
  signatureColumn,
} from './pdf-blocks.js';
import { renderPdf } from './pdf-output.js';
import { nfc } from './vietnamese-text.js';

/** Tables of up to this many persons are kept whole on one page. */
const SHORT_TABLE_ROWS = 12;

function runs(list: readonly Run[]): Content[] {
  return list.map((run) => ({
    text: nfc(run.text),
    ...(run.bold ? { bold: true } : {}),
    ...(run.italics ? { italics: true } : {}),
  }));
}

function blockContent(block: Block): Content {
  switch (block.kind) {
    case 'title':
      return documentTitle(block.title, block.subtitle);
    case 'centered':
      return { text: runs(block.runs), alignment: 'center', margin: [0, 0, 0, 10] };
    case 'heading':
      return { text: nfc(block.text), bold: true, margin: [0, 8, 0, 4] };
    case 'paragraph':
      return {
        text: runs(block.runs),
        alignment: 'justify',
        leadingIndent: block.indent ? 28 : 0,
        margin: [0, 0, 0, 4],
      };
    case 'results': {
      const caption: Content = {
        text: nfc(block.caption),
        alignment: 'justify',
        leadingIndent: 28,
        margin: [0, 0, 0, 2],
      };
      // A short table stays on one page with its caption; a long one breaks, its heading repeated.
      const short = block.counted.tally.persons.length <= SHORT_TABLE_ROWS;
      return { stack: [caption, resultsTable(block.counted)], unbreakable: short };
    }
    case 'signatures': {
      const columns: Column[] = [];
      if (block.recipients) {
        columns.push({
          width: '40%',
          stack: [
            { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
            ...block.recipients.map((line, index): Content => ({
              text: `- ${nfc(line)}${index === block.recipients!.length - 1 ? '.' : ';'}`,
              fontSize: 11,
            })),
          ],
        });
      }
      const lines = Math.max(...block.columns.map((c) => c.capacity.length));
      for (const column of block.columns) {
        columns.push(signatureColumn(column.capacity, column.names, '*', lines));
      }
      return { columns, columnGap: 12, margin: [0, 12, 0, 0], unbreakable: true };
    }
  }
}

/** The PDF of a written document: header, blocks, page numbers, "DỮ LIỆU MẪU" on sample data. */
export async function renderWrittenDocumentPdf(document: WrittenDocument): Promise<Buffer> {
  return renderPdf(
    {
      pageSize: 'A4',
      pageMargins: PORTRAIT_MARGINS,
      content: [
        documentHeader({
          regime: document.regime,
          issuingBody: document.issuingBody,
          ...(document.number !== undefined ? { number: document.number } : {}),
          ...(document.dateLine !== undefined ? { dateLine: document.dateLine } : {}),
        }),
        ...document.blocks.map(blockContent),
      ],
      footer: pageFooter(document.sample),
    },
    { title: document.title },
  );
}
