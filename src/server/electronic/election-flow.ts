// Election steps shared by the routes: the manifest from the conference, appends that retry on a
// concurrent writer, and the key ceremony moving on once every trustee has posted (spec §8, §11).

import type { Manifest } from '../../core/election-record/record-types.js';
import type { Actor, Conference } from '../../core/model/index.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type {
  DkgMessageKind,
  Election,
  ElectionStatus,
  NewRecordEvent,
  Repositories,
  StoredRecordEvent,
} from '../../store/index.js';
import type { DkgCheck } from './dkg-check.js';
import { fail } from '../errors.js';
import { loadSheets } from '../conference-day/sheets.js';
import { keyStatement } from './record-steps.js';

/** maxVoters must stay below 2^17 so that every sum is a safe integer (spec §7.1). */
const MAX_VOTERS = 2 ** 17 - 1;

/**
 * The manifest of a conference's election: persons are the subjects voted on (id = subject id), styles
 * are the conference's sheets (a ballot style, or "all") that list someone, maxVoters the participants
 * summoned. A style listing nobody is left out: its participants get no slip (POST …/credentials).
 */
export async function manifestFor(
  store: Repositories,
  conference: Conference,
  trustees: number,
  threshold: number,
): Promise<Result<Manifest, Failure>> {
  const sheets = (await loadSheets(store, conference)).filter((s) => s.lines.length > 0);
  const summoned = await store.participants.count(conference.id);
  if (sheets.length === 0)
    return err(fail('state_conflict', 'No person is voted on at this conference.'));
  if (summoned < 1 || summoned > MAX_VOTERS)
    return err(
      fail('state_conflict', `Expected 1 to ${MAX_VOTERS} participants, got ${summoned}.`),
    );
  const persons = new Map<string, string>();
  for (const s of sheets) for (const l of s.lines) persons.set(l.subjectId, l.fullName);
  return ok({
    electionId: conference.id,
    title: conference.title,
    persons: [...persons].map(([id, name]) => ({ id, name })),
    styles: sheets.map((s) => ({ id: s.sheetId, persons: s.lines.map((l) => l.subjectId) })),
    trustees,
    threshold,
    maxVoters: summoned,
  });
}

/** The election of a conference, or not_found. */
export async function electionOf(
  store: Repositories,
  conferenceId: string,
): Promise<Result<Election, Failure>> {
  const election = await store.elections.get(conferenceId);
  return election === null
    ? err(fail('not_found', 'This conference has no electronic vote.'))
    : ok(election);
}

/** The election must be in one of these states, else state_conflict naming where it is. */
export function inStatus(election: Election, ...allowed: ElectionStatus[]): Result<void, Failure> {
  return allowed.includes(election.status)
    ? ok(undefined)
    : err(
        fail(
          'state_conflict',
          `The election is ${election.status}; this needs ${allowed.join(' or ')}.`,
        ),
      );
}

/**
 * Appends events, retrying when another writer appended at the same moment (`conflict`); a status
 * that moved meanwhile is `state_conflict`. Answers only after the commit: acknowledged = durable.
 */
export async function appendEvents(
  store: Repositories,
  actor: Actor,
  conferenceId: string,
  events: readonly NewRecordEvent[],
  transition?: { from: ElectionStatus; to: ElectionStatus; ceremony?: number },
): Promise<Result<StoredRecordEvent[], Failure>> {
  for (let attempt = 0; ; attempt++) {
    const r = await store.elections.append(actor, conferenceId, events, transition);
    if (r.ok) return r;
    if (r.error.code === 'conflict' && attempt < 20) continue;
    if (r.error.code === 'invalid_transition') return err(fail('state_conflict', r.error.message));
    return err(r.error);
  }
}

const STEPS: readonly {
  from: ElectionStatus;
  kind: DkgMessageKind;
}[] = [
  { from: 'keygen', kind: 'trustee_key' },
  { from: 'dealing', kind: 'dkg_commitment' },
  { from: 'checking', kind: 'dkg_check' },
  { from: 'acknowledging', kind: 'acknowledgement' },
];

/**
 * Moves the key ceremony on when every trustee has posted the current step's message: the messages
 * enter the record in trustee order (spec §11.2), then the next step opens. Several callers may race
 * here; the status transition lets exactly one append, and only within the ceremony whose messages
 * were read (a restart in between drops them, spec §8.6).
 */
export async function advanceCeremony(
  store: Repositories,
  actor: Actor,
  conferenceId: string,
): Promise<void> {
  for (;;) {
    const election = await store.elections.get(conferenceId);
    const step = STEPS.find((s) => s.from === election?.status);
    if (!election || !step) return;
    const messages = await store.elections.dkgMessages(conferenceId, step.kind);
    if (messages.length < election.trustees) return;
    const sorted = [...messages].sort((a, b) => a.trustee - b.trustee);
    let events: NewRecordEvent[];
    let to: ElectionStatus;
    if (step.kind === 'trustee_key' || step.kind === 'dkg_commitment') {
      events = sorted.map((m) => ({ type: step.kind as 'trustee_key', body: m.body }));
      to = step.kind === 'trustee_key' ? 'dealing' : 'checking';
    } else if (step.kind === 'dkg_check') {
      events = sorted.flatMap((m) =>
        (m.body as DkgCheck).complaints.map((c) => ({ type: 'dkg_complaint' as const, body: c })),
      );
      const record = await store.elections.events(conferenceId);
      to = keyStatement([...record, ...events]).ok ? 'acknowledging' : 'failed';
    } else {
      const record = await store.elections.events(conferenceId);
      const key = keyStatement(record);
      if (!key.ok) return;
      events = [
        {
          type: 'election_key',
          body: {
            ...key.statement,
            acknowledgements: sorted.map((m) => m.body as { trustee: number }),
          },
        },
      ];
      to = 'keyed';
    }
    const r = await appendEvents(store, actor, conferenceId, events, {
      from: step.from,
      to,
      ceremony: election.ceremony,
    });
    if (!r.ok) return; // another caller moved it on
  }
}
