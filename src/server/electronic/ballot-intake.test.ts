// The intake's turns (ADR 0006, fairness), with a checker that answers only when the test releases a
// task: conferences are served in the order their ballots came, several in one task, a long burst of one conference holds
// another's ballot behind one batch of it, not behind the whole burst, and a conference's batches that
// finish out of order still commit in arrival order.
import { describe, expect, it } from 'vitest';
import type { BallotGate } from '../../core/election-record/index.js';
import type { Ballot } from '../../crypto/index.js';
import { ok } from '../../rules/index.js';
import type { BallotCheck, BallotChecker, CheckGroup, GateHandle } from './ballot-checker.js';
import { type BallotCommit, MAX_CHECK_BATCH, createBallotIntake } from './ballot-intake.js';

/** A stand-in ballot: only its credential is read here (as digest and tracker). */
const ballot = (name: string): Ballot => ({ credential: name }) as unknown as Ballot;

/** The gate of a conference, keyed by its id; the held checker never looks inside. */
const gateOf = (conferenceId: string): GateHandle => ({
  key: conferenceId,
  gate: {} as BallotGate,
  events: [],
});

/** Lets every promise chain that waits on nothing else run to its end. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** An intake whose checks wait for `release`; notes each batch that leaves and each commit. */
function heldIntake(parallelism: number) {
  const held: { groups: readonly CheckGroup[]; answer: (r: BallotCheck[][]) => void }[] = [];
  /** Each task as it left for the checker: its batches' conference and size, e.g. "a×31+b×1". */
  const left: string[] = [];
  /** Each ballot as its commit stored it, in record order per conference. */
  const stored: string[] = [];
  /** Each ballot as its answer arrived. */
  const answered: string[] = [];
  const checker: BallotChecker = {
    parallelism,
    warm: () => Promise.resolve(),
    check: (groups) =>
      new Promise((answer) => {
        left.push(groups.map((g) => `${g.gate.key}×${g.ballots.length}`).join('+'));
        held.push({ groups, answer });
      }),
  };
  /** Each commit's conferences, e.g. "a+b". */
  const commits: string[] = [];
  const commit: BallotCommit = (groups) => {
    commits.push(groups.map((g) => g.conferenceId).join('+'));
    return Promise.resolve(
      groups.map((g) =>
        g.ballots.map((b) => {
          stored.push(b.ballot.credential);
          return ok({ tracker: b.tracker, digest: b.digest, seq: stored.length - 1 });
        }),
      ),
    );
  };
  const intake = createBallotIntake(checker, commit, (e) => ({ code: e.code, message: e.code }));
  const submit = (conferenceId: string, name: string) =>
    void intake
      .submit(conferenceId, gateOf(conferenceId), ballot(name))
      .then(() => answered.push(name));
  /** Answers the `k`-th task still held (the oldest by default), every ballot accepted. */
  const release = async (k = 0) => {
    const [task] = held.splice(k, 1);
    if (!task) throw new Error(`release: expected a held task at ${k}, ${held.length} held`);
    task.answer(
      task.groups.map((g) =>
        g.ballots.map((b) => ok({ digest: b.credential, tracker: b.credential })),
      ),
    );
    await settle();
  };
  const releaseAll = async () => {
    while (held.length > 0) await release();
  };
  return { submit, release, releaseAll, held, left, stored, answered, commits };
}

describe('ballot intake turns', () => {
  it('serves conferences in the order their ballots came, many in one task', async () => {
    const t = heldIntake(1);
    // one ballot from each of ten conferences: the first leaves at once, the nine that waited together
    for (let c = 0; c < 10; c++) t.submit(`c${c}`, `c${c}-1`);
    await t.releaseAll();
    expect(t.left).toEqual(['c0×1', Array.from({ length: 9 }, (_, c) => `c${c + 1}×1`).join('+')]);
    expect(t.answered).toEqual(Array.from({ length: 10 }, (_, c) => `c${c}-1`));
  });

  it('serves a conference whose ballots came back in the order they came back', async () => {
    const t = heldIntake(1);
    t.submit('c0', 'c0-1');
    // five conferences with a full task each wait
    for (let c = 1; c < 6; c++)
      for (let i = 1; i <= MAX_CHECK_BATCH; i++) t.submit(`c${c}`, `c${c}-${i}`);
    await t.release();
    // c0, answered, casts again: it now comes after the five that were waiting
    t.submit('c0', 'c0-2');
    await t.releaseAll();
    const full = (c: number) => `c${c}×${MAX_CHECK_BATCH}`;
    expect(t.left).toEqual(['c0×1', full(1), full(2), full(3), full(4), full(5), 'c0×1']);
  });

  it('holds another conference’s ballot behind one batch of a long burst, not the whole burst', async () => {
    const t = heldIntake(2);
    const burst = 10 * MAX_CHECK_BATCH;
    for (let i = 1; i <= burst; i++) t.submit('a', `a-${i}`);
    t.submit('b', 'b-1');
    await t.releaseAll();
    // the two that left at once, then at most one batch of a before b's turn
    expect(t.left.slice(0, 4)).toEqual([
      'a×1',
      'a×1',
      `a×${MAX_CHECK_BATCH}`,
      `b×1+a×${MAX_CHECK_BATCH - 1}`,
    ]);
    // and b's ballot is stored with the fourth commit, after a's first three batches only
    expect(t.commits.slice(0, 4)).toEqual(['a', 'a', 'a', 'a+b']);
    // and a's burst is still stored whole, in its order
    expect(t.stored.filter((n) => n.startsWith('a-'))).toEqual(
      Array.from({ length: burst }, (_, i) => `a-${i + 1}`),
    );
  });

  it('commits the checked ballots of several conferences together', async () => {
    const t = heldIntake(2);
    t.submit('a', 'a-1');
    t.submit('b', 'b-1');
    // both checks answer before the intake runs again: one commit takes both conferences
    await Promise.all([t.release(0), t.release(0)]);
    expect(t.commits).toEqual(['a+b']);
    expect(t.answered).toEqual(['a-1', 'b-1']);
  });

  it('commits a conference’s batches in arrival order when they finish out of order', async () => {
    const t = heldIntake(2);
    for (let i = 1; i <= 12; i++) t.submit('a', `a-${i}`);
    // a-1 and a-2 left at once, one to each worker; the second one finishes first
    await t.release(1);
    expect(t.left).toEqual(['a×1', 'a×1', 'a×10']);
    expect(t.stored).toEqual([]);
    expect(t.answered).toEqual([]);
    await t.release(0);
    expect(t.stored).toEqual(['a-1', 'a-2']);
    await t.releaseAll();
    const order = Array.from({ length: 12 }, (_, i) => `a-${i + 1}`);
    expect(t.stored).toEqual(order);
    expect(t.answered).toEqual(order);
  });
});
