// Documents: ballots, minutes, reports, the round's aggregate and the public summary, in Vietnamese.

export * from './aggregate-pdf.js';
export * from './aggregate-xlsx.js';
export * from './ballot-pdf.js';
export * from './invitations-pdf.js';
export * from './conference-result.js';
export * from './document-blocks.js';
export * from './minutes-document.js';
export * from './model.js';
export * from './public-summary.js';
export * from './report-document.js';
export * from './round-result.js';
export * from './vietnamese-text.js';
export * from './written-document-docx.js';
export * from './written-document-pdf.js';
export { PDF_FIXED_DATE, renderPdf } from './pdf-output.js';
export * from './render-document.js';
