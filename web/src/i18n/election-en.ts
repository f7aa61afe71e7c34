// Electronic voting words (issue 7): the server's error codes; spread into en.ts.

/** English words for the electronic-voting error codes of src/server/errors.ts. */
export const ELECTION_EN = {
  'error.committee_without_account':
    'A counting-committee member has no account yet: give them a sign-in code first.',
  'error.election_failed': 'The key ceremony failed: fewer qualified members than the threshold.',
  'error.trustee_mismatch': 'You may only post your own data.',
  'error.dkg_message_invalid': 'The key ceremony data is invalid.',
  'error.credentials_invalid': 'The credential list is invalid.',
  'error.credentials_count_mismatch':
    'Each ballot style needs exactly one credential per person summoned.',
  'error.credential_voided': 'This slip was exchanged for a paper ballot and can no longer vote.',
  'error.credential_used': 'A ballot was already cast with this credential.',
  'error.voting_not_open': 'Voting is not open, or has closed.',
  'error.ballot_malformed': 'The ballot is malformed.',
  'error.credential_unknown': 'The credential is not on this conference’s list.',
  'error.style_mismatch': 'The ballot is not of this credential’s style.',
  'error.lines_mismatch': 'The ballot’s lines do not match its style.',
  'error.encoding_invalid': 'The ballot contains invalid encrypted data.',
  'error.signature_missing': 'The ballot is not signed.',
  'error.signature_invalid': 'The ballot’s signature is invalid.',
  'error.proof_invalid': 'A line’s proof is invalid.',
  'error.opening_invalid': 'The audit data does not match the encrypted ballot.',
  'error.partial_invalid': 'The partial decryption or its proof is invalid.',
  'error.ceremony_finished':
    'The election key is fixed: the key ceremony can no longer be restarted.',
  'error.ceremony_restarted':
    'The key ceremony was just restarted (perhaps from another device): the page moves to the new run by itself.',
  'booth.title': 'Electronic voting',
  'booth.slip': 'Code on your voting slip',
  'booth.slipHelp':
    'Type the 28 characters on the slip, or scan its QR code. The code is used on this device only and never sent.',
  'booth.scan': 'Scan the QR code',
  'booth.next': 'Continue',
  'booth.high': 'High confidence',
  'booth.confidence': 'Confidence',
  'booth.low': 'Low confidence',
  'booth.blankWarning': 'No level chosen: this line will count as invalid.',
  'booth.review': 'Review the ballot',
  'booth.change': 'Change',
  'booth.seal': 'Encrypt the ballot',
  'booth.sealing': 'Encrypting the ballot…',
  'booth.tracker': 'Your ballot’s tracker: {tracker}. Cast it, or check it?',
  'booth.cast': 'Cast',
  'booth.audit': 'Check the ballot (do not cast)',
  'booth.audited':
    'The ballot with tracker {tracker} was published for checking and is not counted. Encrypt again to vote.',
  'booth.done':
    'Your ballot was received. Tracker: {tracker}. You may vote again before closing; the later ballot replaces the earlier.',
  'error.slip_malformed': 'The code is not well formed: check the 28 characters.',
  'error.slip_checksum': 'A character of the code is mistyped: check it again.',
  'error.election_key_missing': 'There is no election key yet: voting is not open.',
  'error.booth_internal': 'The ballot could not be encrypted on this device.',
} as const;
