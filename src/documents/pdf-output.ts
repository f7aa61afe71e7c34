// Turns a pdfmake document definition into PDF bytes: Tinos, fixed metadata, byte-for-byte repeatable.

import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_FAMILY, tinosPaths } from './fonts.js';

/**
 * The creation date written into every PDF. pdfkit derives the file ID from the metadata, so a
 * fixed date and producer make the same input give the same bytes (golden tests, reproducible
 * records). The real date of a document is the one printed on it.
 */
export const PDF_FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** Title and subject of the PDF's metadata. */
export interface PdfMetadata {
  readonly title: string;
  readonly subject?: string;
}

let configured = false;

function configure(): void {
  if (configured) return;
  const fonts = tinosPaths();
  const allowed = new Set(Object.values(fonts));
  // Renderers are pure: no network, and the font files are the only local files pdfmake may read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  configured = true;
}

/** Renders a document definition (content and styles; fonts and metadata are set here) to PDF. */
export async function renderPdf(
  definition: TDocumentDefinitions,
  metadata: PdfMetadata,
): Promise<Buffer> {
  configure();
  // pdfmake is a singleton; the fonts are set right before createPdf, which reads them synchronously.
  pdfmake.setFonts({ [FONT_FAMILY]: tinosPaths() });
  const document = pdfmake.createPdf({
    ...definition,
    info: {
      title: metadata.title,
      subject: metadata.subject ?? metadata.title,
      author: 'Tín nhiệm',
      creator: 'Tín nhiệm',
      producer: 'Tín nhiệm',
      creationDate: PDF_FIXED_DATE,
      modDate: PDF_FIXED_DATE,
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: 13, lineHeight: 1.1, ...definition.defaultStyle },
  });
  return document.getBuffer();
}
