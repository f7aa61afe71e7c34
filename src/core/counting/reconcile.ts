// Reconciliation of the two independent entries of every collected ballot: nothing is final until they agree.

import { sameReading, type BallotEntry } from './ballot-entry.js';

/** A ballot whose two entries differ, or that only one member has entered. */
export interface EntryDifference {
  readonly ballotNumber: number;
  readonly first: BallotEntry | null;
  readonly second: BallotEntry | null;
}

/** Where the double entry of one ballot style stands. */
export interface Reconciliation {
  /** Ballots both members entered the same way, in pile order. */
  readonly agreed: readonly BallotEntry[];
  readonly differences: readonly EntryDifference[];
  /** Ballots neither member has entered yet, 1..collected. */
  readonly missing: readonly number[];
  /** True when every collected ballot is entered twice and the entries agree. */
  readonly complete: boolean;
}

/** Compares the two members' entries for ballots 1..collected. */
export function reconcile(
  first: readonly BallotEntry[],
  second: readonly BallotEntry[],
  collected: number,
): Reconciliation {
  const byNumber = (entries: readonly BallotEntry[]): Map<number, BallotEntry> =>
    new Map(entries.map((entry) => [entry.ballotNumber, entry]));
  const a = byNumber(first);
  const b = byNumber(second);
  const agreed: BallotEntry[] = [];
  const differences: EntryDifference[] = [];
  const missing: number[] = [];
  for (let n = 1; n <= collected; n++) {
    const x = a.get(n) ?? null;
    const y = b.get(n) ?? null;
    if (x && y && sameReading(x, y)) agreed.push(x);
    else if (x || y) differences.push({ ballotNumber: n, first: x, second: y });
    else missing.push(n);
  }
  const beyond = [...new Set([...a.keys(), ...b.keys()])].filter((n) => n < 1 || n > collected);
  for (const n of beyond.sort((p, q) => p - q)) {
    differences.push({ ballotNumber: n, first: a.get(n) ?? null, second: b.get(n) ?? null });
  }
  return {
    agreed,
    differences,
    missing,
    complete: differences.length === 0 && missing.length === 0,
  };
}
