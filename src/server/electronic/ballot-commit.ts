// The intake's commit (ADR 0006): checked ballots of several conferences appended to their records in
// one transaction, each conference's in arrival order, while voting stays open; a voided slip is
// refused alone.
import { actorOf } from '../deps.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { NewRecordEvent, Repositories, Store } from '../../store/index.js';
import { fail } from '../errors.js';
import type { BallotCommit, BallotReceipt, CommitGroup } from './ballot-intake.js';

type Answers = Result<BallotReceipt, Failure>[];

/**
 * Appends every group's ballots in one transaction (one fsync on SQLite, one commit on PostgreSQL):
 * answers only after the commit, so an acknowledged ballot is durable. Ballots are not audit-logged
 * (the store says why). A group whose voting closed meanwhile gets `voting_not_open` for all its
 * ballots and the others are stored. When a statement of the shared transaction fails, each group is
 * committed on its own, so a failure stays with its conference; a failed COMMIT fails them all (it
 * may have landed: appending again could store a ballot twice).
 */
export function storeBallotCommit(store: Store): BallotCommit {
  return async (groups) => {
    // PostgreSQL locks each election row: in id order, so two servers' commits cannot deadlock
    const order = groups.map((_, k) => k).sort((a, b) => compare(groups[a]!, groups[b]!));
    const appendTo = (tx: Repositories, group: CommitGroup) =>
      appendGroup(tx, group, (events) =>
        tx.elections.append(actorOf(null), group.conferenceId, events, VOTING),
      );
    let appended = false;
    try {
      return await store.transaction(async (tx) => {
        const out: Answers[] = [];
        for (const k of order) out[k] = await appendTo(tx, groups[k]!);
        appended = true;
        return out;
      });
    } catch (error) {
      if (appended) throw error;
      const out: Answers[] = [];
      for (const k of order) out[k] = await store.transaction((tx) => appendTo(tx, groups[k]!));
      return out;
    }
  };
}

/** Ballots are appended while voting stays open: voting → voting, which writes no status. */
const VOTING = { from: 'voting', to: 'voting' } as const;

const compare = (a: CommitGroup, b: CommitGroup) =>
  a.conferenceId < b.conferenceId ? -1 : a.conferenceId > b.conferenceId ? 1 : 0;

/** One group's ballots through `append`; a voided slip is refused alone. */
async function appendGroup(
  store: Repositories,
  group: CommitGroup,
  append: (events: NewRecordEvent[]) => Promise<Result<readonly { seq: number }[], Failure>>,
): Promise<Answers> {
  // read under the election's lock, so a slip voided for paper meanwhile is seen here
  const voided = await store.elections.voidedForAppend(group.conferenceId);
  const out: Answers = group.ballots.map(() =>
    err(fail('credential_voided', 'This slip was handed in for a paper ballot.')),
  );
  const fresh = group.ballots.flatMap((b, i) =>
    voided.has(b.ballot.credential) ? [] : [{ b, i }],
  );
  if (fresh.length === 0) return out;
  const r = await append(
    fresh.map(({ b }) => ({
      type: 'ballot' as const,
      body: { ballot: b.ballot },
      credential: b.ballot.credential,
      tracker: b.tracker,
    })),
  );
  fresh.forEach(({ b, i }, k) => {
    out[i] = !r.ok
      ? err(
          r.error.code === 'state_conflict' || r.error.code === 'invalid_transition'
            ? fail('voting_not_open', 'Voting closed.')
            : r.error,
        )
      : ok({ tracker: b.tracker, digest: b.digest, seq: r.value[k]!.seq });
  });
  return out;
}
