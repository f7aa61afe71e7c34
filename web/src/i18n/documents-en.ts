// English words of the document downloads (issue 5), key for key with documents-vi.ts.

import type { DOCUMENTS_VI } from './documents-vi.js';

/** English words of the document downloads; spread into en.ts. */
export const DOCUMENTS_EN: Record<keyof typeof DOCUMENTS_VI, string> = {
  'documents.title': 'Printed documents',
  'documents.ballots': 'Ballots',
  'documents.ballotStyle': 'Ballot style',
  'documents.allBallots': 'Every ballot style',
  'documents.copies': 'Copies of each style',
  'documents.copiesHelp': 'From 1 to 1,000 copies; each copy starts on a new page.',
  'documents.downloadBallots': 'Download ballots (PDF)',
  'documents.invitations': 'Invitations',
  'documents.invitationsHelp':
    'One page per person summoned, with a QR code to check in at the door.',
  'documents.downloadInvitations': 'Download invitations (PDF)',
  'documents.result': 'Minutes and report',
  'documents.minutesPdf': 'Minutes of the count (PDF)',
  'documents.minutesDocx': 'Minutes of the count (Word)',
  'documents.reportPdf': 'Report on the result (PDF)',
  'documents.reportDocx': 'Report on the result (Word)',
  'documents.summary': 'Public summary',
  'documents.summaryHelp': 'A paragraph to publish, without any person’s figures.',
  'documents.copySummary': 'Copy the public summary',
  'documents.copied': 'Copied to the clipboard.',
  'documents.copyFailed': 'The browser did not allow copying; select the text below and copy it.',
  'documents.aggregate': 'Aggregate of the round',
  'documents.aggregateUnit': 'Aggregate for the unit',
  'documents.aggregateXlsx': 'Download the aggregate (Excel)',
  'documents.aggregatePdf': 'Download the aggregate (PDF)',
  'documents.downloading': 'Making the file…',
  'documents.downloaded': 'Downloaded {name}.',
  'documents.notReady':
    'No result yet: the counting committee must enter and reconcile every ballot (the report and the public summary need the result confirmed by the head of the committee).',
  'documents.details.title': 'What the documents print',
  'documents.details.help':
    'Empty fields take the conference’s data (the organising unit issues, the report goes to the body that issued the plan, the chair signs).',
  'documents.details.superior': 'Superior body',
  'documents.details.issuer': 'Issuing body',
  'documents.details.locality': 'Place on the date line',
  'documents.details.time': 'Opening time',
  'documents.details.timeHelp':
    'As hours:minutes, e.g. 08:00; empty takes the time the conference was opened in the app.',
  'documents.details.localPlanSubject': 'Subject of the unit’s plan (“về việc …”)',
  'documents.details.report': 'Report to the competent authority',
  'documents.details.reportNumber': 'Report number',
  'documents.details.reportTo': 'Addressed to',
  'documents.details.onBehalfOf': 'On behalf of (T/M)',
  'documents.details.signerTitle': 'Signer’s title',
  'documents.details.signerName': 'Signer’s name',
  'documents.details.recipients': 'Copies to (one per line)',
};
