// The intake's commit (ADR 0006): checked ballots of one conference appended to the record in one
// transaction, in arrival order, while voting stays open; a voided slip is refused alone.
import { actorOf } from '../deps.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { Repositories } from '../../store/index.js';
import { fail } from '../errors.js';
import { appendEvents } from './election-flow.js';
import type { BallotCommit, BallotReceipt } from './ballot-intake.js';

/**
 * Appends the ballots with one transaction (one fsync on SQLite, one commit on PostgreSQL): answers
 * only after the commit, so an acknowledged ballot is durable. Ballots are not audit-logged (the store
 * says why). `voting_not_open` for all of them when voting closed meanwhile.
 */
export function storeBallotCommit(store: Repositories): BallotCommit {
  return async (conferenceId, ballots) => {
    const voided = new Set(
      (await store.elections.voidedCredentials(conferenceId)).map((v) => v.credential),
    );
    const out: Result<BallotReceipt, Failure>[] = ballots.map(() =>
      err(fail('credential_voided', 'This slip was handed in for a paper ballot.')),
    );
    const fresh = ballots.flatMap((b, i) => (voided.has(b.ballot.credential) ? [] : [{ b, i }]));
    if (fresh.length === 0) return out;
    const r = await appendEvents(
      store,
      actorOf(null),
      conferenceId,
      fresh.map(({ b }) => ({
        type: 'ballot' as const,
        body: { ballot: b.ballot },
        credential: b.ballot.credential,
        tracker: b.tracker,
      })),
      { from: 'voting', to: 'voting' },
    );
    fresh.forEach(({ b, i }, k) => {
      out[i] = !r.ok
        ? err(
            r.error.code === 'state_conflict' ? fail('voting_not_open', 'Voting closed.') : r.error,
          )
        : ok({ tracker: b.tracker, digest: b.digest, seq: r.value[k]!.seq });
    });
    return out;
  };
}
