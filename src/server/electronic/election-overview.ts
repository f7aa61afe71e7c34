// The election as the conference screen shows it: phase, each trustee's progress, fingerprint, head.

import { electionFingerprint } from '../../core/election-record/fingerprint.js';
import type {
  CredentialsBody,
  ElectionKeyBody,
  Manifest,
  PartialDecryptionBody,
} from '../../core/election-record/record-types.js';
import { bytesToHex } from '../../crypto/index.js';
import type { Election, Repositories } from '../../store/index.js';
import type { ElectionOverviewDto } from '../routes/election-schemas.js';

/** The overview of an election (no ballot, no credential, no per-person figure). */
export async function electionOverview(
  store: Repositories,
  election: Election,
): Promise<ElectionOverviewDto> {
  const id = election.conferenceId;
  const [events, messages, members, voided, head] = await Promise.all([
    store.elections.events(id, ['manifest', 'election_key', 'credentials', 'partial_decryption']),
    store.elections.dkgMessages(id),
    store.committee.list(id),
    store.elections.voidedCredentials(id),
    store.elections.head(id),
  ]);
  const body = <T>(type: string) => events.find((e) => e.type === type)?.body as T | undefined;
  const manifest = body<Manifest>('manifest')!;
  const key = body<ElectionKeyBody>('election_key');
  const creds = body<CredentialsBody>('credentials');
  const decrypted = new Set(
    events
      .filter((e) => e.type === 'partial_decryption')
      .map((e) => (e.body as PartialDecryptionBody).trustee),
  );
  const posted = (kind: string, trustee: number) =>
    messages.some((m) => m.kind === kind && m.trustee === trustee);
  return {
    conferenceId: id,
    status: election.status,
    ceremony: election.ceremony,
    trustees: election.members.map(({ trustee, memberId }) => ({
      trustee,
      memberId,
      fullName: members.find((m) => m.id === memberId)?.fullName ?? '',
      key: posted('trustee_key', trustee),
      commitment: posted('dkg_commitment', trustee),
      check: posted('dkg_check', trustee),
      acknowledgement: posted('acknowledgement', trustee),
      partial: decrypted.has(trustee),
    })),
    threshold: election.threshold,
    fingerprint: bytesToHex(electionFingerprint(manifest)),
    publicKey: key?.publicKey ?? null,
    credentials: creds?.credentials.length ?? 0,
    voided: voided.length,
    events: head === null ? 0 : head.seq + 1,
    head: head?.hash ?? null,
  };
}
