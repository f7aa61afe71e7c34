// English words of the organiser's electronic-vote panel, the credential slips and the public board (issue 7); spread into en.ts.

/** English words of the election panel, the credential slips and the public board. */
export const ELECTION_PANEL_EN = {
  'day.election': 'Electronic vote',
  'election.title': 'Electronic vote',
  'election.help':
    'The counting committee holds the key: each member makes their share on their own device. Voters vote with credential slips; whoever prefers paper hands their slip in.',
  'election.none': 'This conference has no electronic vote.',
  'election.allStyle': 'Common ballot (every person voted on)',
  'election.status.none': 'No electronic vote yet.',
  'election.status.keygen': 'Key ceremony: waiting for the committee members’ keys.',
  'election.status.dealing': 'Key ceremony: waiting for the members to deal their shares.',
  'election.status.checking': 'Key ceremony: waiting for the members to check the shares they got.',
  'election.status.acknowledging': 'Key ceremony: waiting for the members to acknowledge the key.',
  'election.status.failed': 'The key ceremony failed.',
  'election.status.keyed': 'The election key is ready. Next: make and print the credential slips.',
  'election.status.registered': 'Credential slips registered. Waiting for voting to open.',
  'election.status.voting': 'Voting is open.',
  'election.status.closed': 'Voting is closed. Waiting for the committee to decrypt the result.',
  'election.status.decrypted': 'The electronic result is decrypted.',
  'election.create': 'Create the electronic vote',
  'election.createHelp':
    'The counting committee has {n} members; each will hold one share of the key. The persons voted on and the ballot styles are fixed from now on.',
  'election.threshold': 'Members needed to decrypt (threshold)',
  'election.thresholdHelp':
    'By default a majority: {t} of {n} members. Fewer than the threshold cannot decrypt anything.',
  'election.thresholdInvalid': 'The threshold must be a whole number from 1 to {n}.',
  'election.createSubmit': 'Create the electronic vote',
  'election.emptyStyle':
    'Ballot style “{style}” lists nobody voted on: its {count} participants will get no voting slip (nobody to vote on, as when no paper ballot is printed for it). If this is a mistake, fix the ballot style before creating the electronic vote.',
  'election.noCommittee': 'Elect the counting committee and give its members sign-in codes first.',
  'election.ceremony': 'The counting committee’s key ceremony',
  'election.fingerprintHelp':
    'The election fingerprint: read it aloud so each member compares it with their own screen. It must be exactly the same.',
  'election.thresholdLine': 'At least {t} of {n} members are needed to decrypt the result.',
  'election.trustee': 'No.',
  'election.member': 'Member',
  'election.step': 'Step reached',
  'election.step.waiting': 'Not started',
  'election.step.key': 'Key sent',
  'election.step.commitment': 'Shares dealt',
  'election.step.check': 'Shares received checked',
  'election.step.acknowledgement': 'Election key acknowledged',
  'election.step.partial': 'Partial decryption sent',
  'election.failedHelp':
    'Fewer members than the threshold completed, so there is no election key. Restart the key ceremony, or use paper ballots for this conference.',
  'election.ceremonyRun': 'Run {ceremony} of the key ceremony.',
  'election.restart': 'Restart the key ceremony',
  'election.restartHelp':
    'When a member loses their key share midway (closed tab, other device) or the ceremony failed, restart it: every member starts again on their own page. Only possible while there is no election key.',
  'election.restartConfirm':
    'Restart the key ceremony? Everything the members have posted is void (this is written to the audit log); each member starts again, their page joins the new run by itself. The public record keeps only the successful ceremony.',
  'election.restartSubmit': 'Confirm the restart',
  'election.restarted':
    'The key ceremony was restarted (run {ceremony}). Members keep the trustee page open: it starts again by itself.',
  'election.trusteeLinkHelp':
    'Each member signs in with their code, then opens the counting committee member page on their own device:',
  'election.trusteeQr': 'QR code of the counting committee member page',
  'election.voting': 'Voting',
  'election.progress': '{received} electronic ballots received / {present} voters present.',
  'election.boothLink': 'Voting page:',
  'election.open': 'Open voting',
  'election.close': 'Close voting',
  'election.closeConfirm':
    'Once closed, no electronic ballot is accepted; every unused slip is voided automatically and the server adds up the encrypted ballots. Voting cannot be reopened. Close voting?',
  'election.closeSubmit': 'Confirm: close voting',
  'election.count': 'Electronic count',
  'election.tallied':
    'The server has added up the encrypted ballots (no single ballot is decrypted). Slips voided: {voided}.',
  'election.partials': '{done} of the {needed} partial decryptions needed are in.',
  'election.decryptHelp':
    'The counting committee members decrypt the totals on their member page, from their own devices.',
  'election.decrypted': 'Decrypted: the electronic counts are added to the conference result.',
  'election.countsCaption': 'Electronic counts per person (paper ballots not yet added)',
  'election.counted': 'Electronic ballots',
  'election.invalidLines': 'Invalid lines',
  'election.person': 'Person voted on',
  'election.toResult': 'See the conference result',
  'election.public': 'Public, for anyone to check',
  'election.publicHelp':
    'Anyone can check: download the public record and run tinnhiem verify record.json.',
  'election.boardLink': 'Public board of ballot trackers',
  'election.recordLink': 'Download the public record (record.json)',
  'election.recordInfo': '({events} events)',

  'slips.title': 'Credential slips',
  'slips.help':
    'Every person summoned has one slip for their ballot style. The slips are made on this device; the server gets only their public part. At the door each voter present draws a slip of their style at random: nobody knows whose slip is whose.',
  'slips.skipped':
    'Ballot style “{style}” lists nobody voted on: its {count} participants get no voting slip (nobody to vote on).',
  'slips.countLine': '{style}: {count} slips',
  'slips.registeredCount': '{count} slips registered with the server.',
  'slips.registered': '{count} slips registered. Voting can be opened.',
  'slips.origin': 'Server address printed on the slips',
  'slips.originHelp':
    'An address the phones in the room can open (the server’s IP address on the room’s local Wi-Fi).',
  'slips.originInvalid': 'The address must start with http:// or https://.',
  'slips.loopback':
    'This address names this machine only: phones will not open it. Enter the server’s IP address on the room’s network.',
  'slips.generate': 'Make {count} slips',
  'slips.regenerate': 'Make all slips again (discard the ones just made)',
  'slips.onlyCopy':
    'The printed slips are the only copy of the {count} codes: the app stores them nowhere. If you reload or leave before printing, you must make them again.',
  'slips.print': 'Print the slips',
  'slips.printed': 'Printing done',
  'slips.registerConfirm':
    'Are all slips printed and checked? After registering, no other slips can be made or printed.',
  'slips.register': 'Register the slips with the server',
  'slips.gone': 'The codes exist only on the printed slips; this page keeps none.',
  'slips.page': 'Slips page {style}, {number}/{of}',
  'slips.qrLabel': 'QR code opening the voting page with this slip’s code',
  'slips.slipTitle': 'ELECTRONIC VOTING SLIP',
  'slips.instruction':
    'Scan the QR code with a phone (or type the code on the voting page) to vote. Keep it private.',
  'slips.boothAt': 'Voting page: {url}',

  'void.title': 'Void a slip (exchanged for paper)',
  'void.help':
    'A voter who prefers paper hands in their slip: type or scan its code to void it, then hand out a paper ballot of the same style. So nobody votes twice.',
  'void.count': '{count} slips voided.',
  'void.code': 'Code on the slip handed in',
  'void.submit': 'Void this slip',
  'void.scan': 'Scan the QR code',
  'void.done': 'Slip voided. Hand the voter a paper ballot: {style}.',
  'void.unused': 'Unused slips need no voiding: closing voting voids every slip not used.',
  'error.slips_registered_elsewhere':
    'The conference’s slips are already registered (perhaps from another device): the slips just made here are worthless, discard them.',
  'error.slip_already_voided': 'This slip was already voided.',
  'error.slip_used':
    'This slip has already cast an electronic ballot: it cannot be exchanged for paper.',

  'board.title': 'Public board of electronic ballots',
  'board.help':
    'Every electronic ballot received, in record order, by its tracker only: no name, no content. Find your tracker to know your ballot was received.',
  'board.counts': 'Ballots: {total} ({cast} cast, {audited} audited).',
  'board.head': 'Head hash of the record:',
  'board.downloadCsv': 'Download the board (CSV)',
  'board.downloadJson': 'Download the board (JSON)',
  'board.downloadRecord': 'Download the public record (record.json)',
  'board.search': 'Find a tracker',
  'board.searchHelp': 'Type the tracker your device showed when you voted, e.g. 3f9a-01c2.',
  'board.found': 'Found: {count}.',
  'board.notFound': 'No ballot has this tracker.',
  'board.seq': 'No.',
  'board.tracker': 'Tracker',
  'board.kind': 'Kind',
  'board.kind.cast': 'Cast',
  'board.kind.audited': 'Audited (not counted)',
} as const;
