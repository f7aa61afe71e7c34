// The intake of cast ballots (issue 7 §8, ADR 0006): ballots that arrive together are checked together
// on the worker threads and appended to the record together, in one transaction, in the order they
// arrived; each is answered only once its transaction has committed (acknowledged = durable).
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

/**
 * Appends checked ballots of one conference, in this order, in one transaction, and answers per
 * ballot (a receipt, or a refusal such as credential_voided or voting_not_open).
 */
export type BallotCommit = (
  conferenceId: string,
  ballots: readonly CheckedBallot[],
) => Promise<Result<BallotReceipt, Failure>[]>;

/** Turns a refusal of the checks into the API's failure. */
export type RefusalToFailure = (refusal: Extract<BallotCheck, { ok: false }>['error']) => Failure;

/** The largest batch sent to one worker; more ballots waiting go in the next batch. */
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
  committing: boolean;
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
 * together; a commit takes every checked batch that is next in line, so the record order is the order
 * of arrival (a later ballot with the same credential replaces the earlier one, spec §7.4).
 */
export function createBallotIntake(
  checker: BallotChecker,
  commit: BallotCommit,
  refusal: RefusalToFailure,
): BallotIntake {
  const lanes = new Map<string, Lane>();
  let checking = 0;
  let turn = 0;

  const pump = (): void => {
    while (checking < checker.parallelism) {
      const waiting = [...lanes].filter(([, l]) => l.pending.length > 0);
      if (waiting.length === 0) return;
      const [conferenceId, lane] = waiting[turn++ % waiting.length]!;
      const items = lane.pending.splice(0, MAX_CHECK_BATCH);
      const batch: Batch = { items, checks: null, failure: null };
      lane.batches.push(batch);
      checking += 1;
      checker
        .check(
          lane.gate,
          items.map((i) => i.ballot),
        )
        .then(
          (checks) => (batch.checks = checks),
          (e: unknown) => (batch.failure = e ?? new Error('ballot check failed')),
        )
        .finally(() => {
          checking -= 1;
          pump();
          void drain(conferenceId, lane);
        });
    }
  };

  /** Commits the checked batches at the head of the lane, one transaction for all of them. */
  const drain = async (conferenceId: string, lane: Lane): Promise<void> => {
    if (lane.committing) return;
    lane.committing = true;
    try {
      for (;;) {
        const ready: Batch[] = [];
        while (lane.batches.length > 0) {
          const head = lane.batches[0]!;
          if (head.checks === null && head.failure === null) break;
          ready.push(lane.batches.shift()!);
        }
        if (ready.length === 0) break;
        const accepted: { item: Item; checked: CheckedBallot }[] = [];
        for (const batch of ready) {
          batch.items.forEach((item, i) => {
            if (batch.failure !== null) return item.reject(batch.failure);
            const c = batch.checks![i]!;
            if (!c.ok) return item.resolve(err(refusal(c.error)));
            accepted.push({ item, checked: { ballot: item.ballot, ...c.value } });
          });
        }
        if (accepted.length === 0) continue;
        try {
          const stored = await commit(
            conferenceId,
            accepted.map((a) => a.checked),
          );
          accepted.forEach((a, i) => a.item.resolve(stored[i]!));
        } catch (e) {
          for (const a of accepted) a.item.reject(e);
        }
      }
    } finally {
      lane.committing = false;
      if (lane.pending.length === 0 && lane.batches.length === 0) lanes.delete(conferenceId);
    }
  };

  return {
    submit: (conferenceId, gate, ballot) =>
      new Promise((resolve, reject) => {
        let lane = lanes.get(conferenceId);
        if (!lane) {
          lane = { gate, pending: [], batches: [], committing: false };
          lanes.set(conferenceId, lane);
        }
        lane.gate = gate;
        lane.pending.push({ ballot, resolve, reject });
        pump();
      }),
  };
}
