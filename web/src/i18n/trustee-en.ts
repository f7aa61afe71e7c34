// English words of the trustee page (issue 7 §1, §5), key for key with trustee-vi.ts; spread into en.ts.

import type { TRUSTEE_VI } from './trustee-vi.js';

/** English words of the trustee page and its local error codes. */
export const TRUSTEE_EN: Record<keyof typeof TRUSTEE_VI, string> = {
  'day.trustee': 'My key share',
  'trustee.title': 'Key share of a counting committee member',
  'trustee.noElection':
    'The conference has not opened an electronic vote yet. This page updates by itself when the organiser opens it; keep it open.',
  'trustee.notTrustee':
    'You hold no key share of this vote: only the committee members listed when the electronic vote was opened take part in the key ceremony.',
  'trustee.you': 'You are',
  'trustee.youAre': 'Key holder {trustee} of {trustees}',
  'trustee.threshold': 'Decryption',
  'trustee.thresholdText': 'Needs at least {threshold} members with their key shares',
  'trustee.fingerprint': 'Election fingerprint',
  'trustee.fingerprintHelp':
    'Read it aloud and compare it with the conference screen: it must match character for character.',
  'trustee.secretNote':
    'Your secret key share is made on this device and stays here; the server never receives it. When asked, save the key file or print its QR code and keep it yourself: only you hold it, give it to nobody, send it over no network. Do not close or reload this tab until you have saved your key share.',
  'trustee.steps': 'Your steps',
  'trustee.state.done': 'Done',
  'trustee.state.now': 'Now',
  'trustee.state.later': 'Later',
  'trustee.step.key': 'Make your key',
  'trustee.step.commitment': 'Deal key shares to the other members',
  'trustee.step.check': 'Check the key shares you received',
  'trustee.step.keep': 'Save your key share (file or QR code)',
  'trustee.step.acknowledgement': 'Confirm the election key',
  'trustee.step.partial': 'Decrypt your part once voting is over',
  'trustee.now.key': 'Making your key…',
  'trustee.now.commitment': 'Dealing key shares to the other members…',
  'trustee.now.check': 'Checking the key shares you received…',
  'trustee.now.keep':
    'The election key is made. Save your key share, then press “Confirm the election key”.',
  'trustee.now.lost':
    'This browser tab no longer holds your secret key share (the page was opened in another tab or device, or the tab was closed). This run of the ceremony cannot go on here: tell the committee head and the organiser, then restart the key ceremony.',
  'trustee.now.failed':
    'The key ceremony failed: fewer members hold a valid share than decryption needs. The key ceremony can be restarted so that every member starts again.',
  'trustee.restarted':
    'The key ceremony was restarted (run {ceremony}): everything done in the earlier run is void and every member starts again. This page takes part in the new run by itself; keep it open. A key file saved in the earlier run (if any) is of no use: delete it.',
  'trustee.restartedDropped': 'The earlier run’s secret key share on this device was deleted.',
  'trustee.restart': 'Restart the key ceremony',
  'trustee.restartText':
    'While there is no election key, the key ceremony can be restarted: every member starts again on their own device, with a new key share.',
  'trustee.restartConfirm':
    'Restart the key ceremony? Everything the members have done is void; each starts again on their own page. Tell the committee head and the organiser.',
  'trustee.restartSubmit': 'Confirm the restart',
  'trustee.now.decrypt':
    'Voting is over and the ballots are added up. Open your key file (or scan its QR code) to decrypt your part.',
  'trustee.now.done': 'The electronic vote is decrypted. Thank you.',
  'trustee.wait.keys': 'Your key is sent. Waiting for the other members to make theirs…',
  'trustee.wait.commitments': 'Your shares are dealt. Waiting for the other members to deal…',
  'trustee.wait.checks': 'Your shares are checked. Waiting for the other members to check…',
  'trustee.wait.acknowledgements':
    'You confirmed the election key. Waiting for the other members to confirm…',
  'trustee.wait.closing':
    'The election key exists. Keep your key share; when voting is over, open this page again to decrypt.',
  'trustee.wait.partials':
    'Your partial decryption is sent. Waiting for enough members to decrypt…',
  'trustee.complained':
    'The key share from member {dealers} is wrong: a complaint was sent so that everyone can check it.',
  'trustee.keepTitle': 'Save your key share',
  'trustee.keepText':
    'The key file (or QR code) is the only thing that lets you decrypt once voting is over. Save it on your device or a memory card, or print the QR code and keep the paper; only you hold it.',
  'trustee.saveKey': 'Save key share',
  'trustee.showQr': 'Show QR code to print',
  'trustee.hideQr': 'Hide QR code',
  'trustee.printQr': 'Print QR code',
  'trustee.qrLabel': 'QR code of key holder {trustee}’s key share',
  'trustee.qrCaption':
    'Key share of key holder {trustee} — fingerprint {fingerprint}. Keep it secret; only you hold it.',
  'trustee.saved': 'Saved {name}. Keep this file safe.',
  'trustee.acknowledgeText':
    'Confirm when the fingerprint on this page matches the conference screen and your key share is kept.',
  'trustee.acknowledge': 'Confirm the election key',
  'trustee.keepFirst': 'Save the key file or print the QR code before confirming.',
  'trustee.decryptTitle': 'Decrypt your part',
  'trustee.decryptText':
    'Choose the key file you saved during the ceremony. It is read on this device only and never sent; only the partial decryption and its proof are sent.',
  'trustee.keyFile': 'Key file',
  'trustee.scanKey': 'Scan key share QR code',
  'trustee.decrypting': 'Decrypting…',
  'trustee.partials': '{count} of the {threshold} partial decryptions needed are in.',
  'trustee.decrypted': 'Enough partial decryptions are in: the electronic vote is decrypted.',
  'trustee.members': 'Key holders',
  'trustee.member.none': 'not started',
  'trustee.member.key': 'key made',
  'trustee.member.commitment': 'shares dealt',
  'trustee.member.check': 'shares checked',
  'trustee.member.acknowledgement': 'election key confirmed',
  'trustee.member.partial': 'decrypted',
  'error.trustee_internal': 'The key share could not be computed on this device. Try again.',
  'error.trustee_not_ready': 'Not yet: the election key or the tally does not exist yet.',
  'error.trustee_share_mismatch':
    'Your combined share does not match your verification key: no correct key share can be saved. Tell the committee head.',
  'error.key_file_invalid': 'This is not a key file, or it is damaged.',
  'error.key_file_other_election': 'This key file belongs to another vote.',
  'error.key_file_other_trustee':
    'This key file is another member’s: each member uses their own file only.',
  'error.key_file_wrong_share':
    'The key share in this file does not match your verification key (it may be the file of a key ceremony that was restarted).',
};
