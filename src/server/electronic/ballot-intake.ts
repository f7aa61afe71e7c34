// The intake of cast ballots (issue 7 §8, ADR 0006): ballots that arrive together are checked together
// on the worker threads and appended to the record together, in one transaction, in the order they
// arrived; each is answered only once its transaction has committed (acknowledged = durable).
// Conferences take turns in the order they came, a task for a worker holds the batches of several, and
// their checked ballots share one commit (ADR 0006, fairness).
import type { Ballot } from '../../crypto/index.js';
import type { Failure, Result } from '../../rules/index.js';
import { err } from '../../rules/index.js';
import type { BallotCheck, BallotChecker, GateHandle } from './ballot-checker.js';

/** The receipt of a stored ballot: its tracker, digest and place in the record. */
export interface BallotReceipt {
  readonly tracker: string;
  readonly digest: string;
  readonly seq: number;
}

/** A checked ballot on its way into the record. */
export interface CheckedBallot {
  readonly ballot: Ballot;
  readonly tracker: string;
  readonly digest: string;
}

/** Checked ballots of one conference, in arrival order, for a commit. */
export interface CommitGroup {
  readonly conferenceId: string;
  readonly ballots: readonly CheckedBallot[];
}

/**
 * Appends each group's ballots to its conference's record, in their order, all groups in one
 * transaction, and answers per ballot of each group (a receipt, or a refusal such as
 * credential_voided or voting_not_open); a group refused leaves the others stored.
 */
export type BallotCommit = (
  groups: readonly CommitGroup[],
) => Promise<Result<BallotReceipt, Failure>[][]>;

/** Turns a refusal of the checks into the API's failure. */
export type RefusalToFailure = (refusal: Extract<BallotCheck, { ok: false }>['error']) => Failure;

/** The most ballots in one task for a worker; more waiting go in the next task. */
export const MAX_CHECK_BATCH = 32;

interface Item {
  readonly ballot: Ballot;
  readonly resolve: (r: Result<BallotReceipt, Failure>) => void;
  readonly reject: (e: unknown) => void;
}

interface Batch {
  readonly items: readonly Item[];
  checks: BallotCheck[] | null;
  failure: unknown;
}

/** One conference: ballots waiting for a check, and batches waiting (in order) for their commit. */
interface Lane {
  gate: GateHandle;
  pending: Item[];
  batches: Batch[];
  /** In the line of conferences waiting for a worker (exactly when `pending` is not empty). */
  inLine: boolean;
}

/** The intake: `submit` resolves once the ballot is stored (or refused). */
export interface BallotIntake {
  submit(
    conferenceId: string,
    gate: GateHandle,
    ballot: Ballot,
  ): Promise<Result<BallotReceipt, Failure>>;
}

/**
 * Builds the intake over a checker and a commit. Batches form by themselves: a ballot goes to a
 * worker at once when one is free, and ballots that arrive while every worker is busy wait and leave
 * together; a commit takes, in every conference, the checked batches that are next in line, so the
 * record order is the order of arrival (a later ballot with the same credential replaces the earlier
 * one, spec §7.4). One commit runs at a time and takes all that is ready: on SQLite, whose commits
 * hold the main thread while they fsync, many conferences' ballots cost one fsync.
 *
 * Fairness: conferences with waiting ballots stand in one line, in the order their first waiting
 * ballot came; a free worker's task takes the batches of the conferences at the front, each in turn,
 * up to MAX_CHECK_BATCH ballots, and a conference with more goes to the back. So ballots of different
 * conferences leave in the order they came, a ballot waits behind at most one batch of each other
 * conference per batch of its own, however long their bursts, and fifty conferences casting one
 * ballot each do not queue for the workers one conference at a time (bench:load measured ballots
 * waiting 1.1–1.5 s for a worker that way, while each check took a few milliseconds).
 */
export function createBallotIntake(
  checker: BallotChecker,
  commit: BallotCommit,
  refusal: RefusalToFailure,
): BallotIntake {
  const lanes = new Map<string, Lane>();
  const line: { conferenceId: string; lane: Lane }[] = [];
  let checking = 0;
  let committing = false;

  const pump = (): void => {
    while (checking < checker.parallelism && line.length > 0) {
      // One task: from the conferences at the front of the line, each in turn, up to MAX_CHECK_BATCH
      // ballots; a conference with more waiting goes to the back of the line.
      const parts: { lane: Lane; batch: Batch }[] = [];
      let room = MAX_CHECK_BATCH;
      while (room > 0 && line.length > 0 && !parts.some((p) => p.lane === line[0]!.lane)) {
        const { conferenceId, lane } = line.shift()!;
        const items = lane.pending.splice(0, room);
        room -= items.length;
        if (lane.pending.length > 0) line.push({ conferenceId, lane });
        else lane.inLine = false;
        const batch: Batch = { items, checks: null, failure: null };
        lane.batches.push(batch);
        parts.push({ lane, batch });
      }
      checking += 1;
      checker
        .check(
          parts.map(({ lane, batch }) => ({
            gate: lane.gate,
            ballots: batch.items.map((i) => i.ballot),
          })),
        )
        .then(
          (checks) => parts.forEach(({ batch }, k) => (batch.checks = checks[k]!)),
          (e: unknown) =>
            parts.forEach(({ batch }) => (batch.failure = e ?? new Error('ballot check failed'))),
        )
        .finally(() => {
          checking -= 1;
          pump();
          void drain();
        });
    }
  };

  /** The checked batches at the head of a lane: their refusals answered, their accepted ballots. */
  const takeReady = (lane: Lane): { item: Item; checked: CheckedBallot }[] => {
    const accepted: { item: Item; checked: CheckedBallot }[] = [];
    while (lane.batches.length > 0) {
      const batch = lane.batches[0]!;
      if (batch.checks === null && batch.failure === null) break;
      lane.batches.shift();
      batch.items.forEach((item, i) => {
        if (batch.failure !== null) return item.reject(batch.failure);
        const c = batch.checks![i]!;
        if (!c.ok) return item.resolve(err(refusal(c.error)));
        accepted.push({ item, checked: { ballot: item.ballot, ...c.value } });
      });
    }
    return accepted;
  };

  /** Commits what every lane has ready, in one transaction, until nothing is ready. */
  const drain = async (): Promise<void> => {
    if (committing) return;
    committing = true;
    try {
      for (;;) {
        const groups: { conferenceId: string; accepted: ReturnType<typeof takeReady> }[] = [];
        for (const [conferenceId, lane] of lanes) {
          const accepted = takeReady(lane);
          if (accepted.length > 0) groups.push({ conferenceId, accepted });
          if (!lane.inLine && lane.batches.length === 0) lanes.delete(conferenceId);
        }
        if (groups.length === 0) break;
        try {
          const stored = await commit(
            groups.map((g) => ({
              conferenceId: g.conferenceId,
              ballots: g.accepted.map((a) => a.checked),
            })),
          );
          groups.forEach((g, k) => g.accepted.forEach((a, i) => a.item.resolve(stored[k]![i]!)));
        } catch (e) {
          for (const g of groups) for (const a of g.accepted) a.item.reject(e);
        }
      }
    } finally {
      committing = false;
    }
  };

  return {
    submit: (conferenceId, gate, ballot) =>
      new Promise((resolve, reject) => {
        let lane = lanes.get(conferenceId);
        if (!lane) {
          lane = { gate, pending: [], batches: [], inLine: false };
          lanes.set(conferenceId, lane);
        }
        lane.gate = gate;
        lane.pending.push({ ballot, resolve, reject });
        if (!lane.inLine) {
          lane.inLine = true;
          line.push({ conferenceId, lane });
        }
        pump();
      }),
  };
}
