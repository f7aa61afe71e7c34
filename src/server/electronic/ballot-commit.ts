// The intake's commit (ADR 0006): checked ballots of several conferences appended to their records in
// one transaction, each conference's in arrival order, while voting stays open; a voided slip is
// refused alone.
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { BallotOutcome, Store } from '../../store/index.js';
import { fail } from '../errors.js';
import type { BallotCommit, BallotReceipt, CommitGroup } from './ballot-intake.js';

type Answers = Result<BallotReceipt, Failure>[];

/**
 * Appends every group's ballots in one transaction (one fsync on SQLite, one commit on PostgreSQL) with
 * a few statements for all of them: answers only after the commit, so an acknowledged ballot is
 * durable. Ballots are not audit-logged (the store says why). A group whose voting closed meanwhile
 * gets `voting_not_open` for all its ballots and the others are stored. When the shared transaction
 * fails, each group is committed on its own, so a failure stays with its conference; a failed COMMIT
 * fails them all (it may have landed: appending again could store a ballot twice).
 */
export function storeBallotCommit(store: Store): BallotCommit {
  const append = async (groups: readonly CommitGroup[], stored: () => void): Promise<Answers[]> => {
    const outcomes = await store.transaction(async (tx) => {
      const out = await tx.elections.appendBallots(
        groups.map((g) => ({
          conferenceId: g.conferenceId,
          ballots: g.ballots.map((b) => ({
            body: { ballot: b.ballot },
            credential: b.ballot.credential,
            tracker: b.tracker,
          })),
        })),
      );
      stored();
      return out;
    });
    return groups.map((g, k) => g.ballots.map((b, i) => answer(outcomes[k]![i]!, b)));
  };
  return async (groups) => {
    let appended = false;
    try {
      return await append(groups, () => (appended = true));
    } catch (error) {
      if (appended || groups.length === 1) throw error;
      const out: Answers[] = [];
      for (const g of groups) out.push((await append([g], () => undefined))[0]!);
      return out;
    }
  };
}

/** A receipt for a stored ballot, or the refusal the booth shows. */
function answer(
  outcome: BallotOutcome,
  b: CommitGroup['ballots'][number],
): Result<BallotReceipt, Failure> {
  switch (outcome) {
    case 'voided':
      return err(fail('credential_voided', 'This slip was handed in for a paper ballot.'));
    case 'not_voting':
      return err(fail('voting_not_open', 'Voting closed.'));
    case 'no_election':
      return err(fail('not_found', 'No electronic vote for this conference.'));
    default:
      return ok({ tracker: b.tracker, digest: b.digest, seq: outcome });
  }
}
