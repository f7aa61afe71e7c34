// Benchmark: count 10 million synthetic paper-ballot lines and tally them; prints lines per second.
// Peer in the same run: the same count written the obvious way (an object per line, then a reduce).

import {
  countBallots,
  formatIntegerVi,
  getRuleSet,
  tallyCounts,
  type BallotReading,
  type LineMark,
} from '../src/rules/index.js';

const PERSONS = 40;
const LINES = Number(process.env.LINES ?? 10_000_000);
const BALLOTS = Math.ceil(LINES / PERSONS);
const MARKS: LineMark[] = ['high', 'high', 'high', 'confidence', 'low', 'none', 'several'];

/** A small deterministic generator, so every run counts the same ballots. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

const next = xorshift(2023);
const ballots: BallotReading[] = Array.from({ length: BALLOTS }, () => ({
  issuedByCommittee: next() % 500 !== 0,
  printedNameStruckOut: false,
  lines: Array.from({ length: PERSONS }, () => MARKS[next() % MARKS.length] as LineMark),
}));
const lines = BALLOTS * PERSONS;

function measure(label: string, run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = Math.round(lines / seconds);
  console.log(`${label.padEnd(28)} ${seconds.toFixed(3)} s  ${formatIntegerVi(perSecond)} lines/s`);
  return seconds;
}

console.log(
  `tally: ${formatIntegerVi(BALLOTS)} ballots × ${PERSONS} persons = ${formatIntegerVi(lines)} lines`,
);
let ours = 0;
const oursSeconds = measure('countBallots + tallyCounts', () => {
  const totals = countBallots(ballots, PERSONS);
  const result = tallyCounts(getRuleSet('qd96-2023'), {
    ballotsIssued: BALLOTS,
    ballotsCollected: BALLOTS,
    persons: totals.map((t, i) => ({ name: `P${i}`, position: '', ...t })),
  });
  ours = result.ok ? result.value.persons.length : -1;
});
const naiveSeconds = measure('peer: object per line', () => {
  const entries = ballots.flatMap((b) =>
    b.lines.map((mark, person) => ({ person, mark: b.issuedByCommittee ? mark : 'void' })),
  );
  return entries.reduce<Record<string, number>>((acc, e) => {
    const key = `${e.person}:${e.mark}`;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});
});
console.log(
  `persons tallied: ${ours}; speed-up over the peer: ${(naiveSeconds / oursSeconds).toFixed(1)}×`,
);
