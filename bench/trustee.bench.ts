// `npm run bench:trustee`: what the trustee page computes on the member's device (issue 7 §1,
// §5), in Node on this machine — each ceremony step per committee size, and the partial decryption per
// number of persons voted on — to judge which steps need a Web Worker. Prints figures; asserts nothing.

import { loadavg } from 'node:os';
import {
  G,
  type RandomSource,
  elem,
  mulSecret,
  randomScalar,
  scalarToHex,
  systemRandom,
} from '../src/crypto/index.js';
import { decryptTally } from '../web/src/trustee/partial-decryption.js';
import {
  type CeremonyState,
  type CeremonyView,
  acknowledge,
  checkShares,
  combinedShare,
  dealShares,
  startCeremony,
} from '../web/src/trustee/trustee-ceremony.js';

const random: RandomSource = systemRandom;
const F = scalarToHex(randomScalar(random));

/** Median milliseconds of `runs` calls. */
function time(runs: number, f: () => void): number {
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** A committee of n with threshold t: every member's state after dealing, and the view of member 1. */
function committee(n: number, t: number) {
  const base = (j: number): CeremonyView => ({
    trustee: j,
    trustees: n,
    threshold: t,
    status: 'keygen',
    ceremony: 1,
    fingerprint: F,
    posted: { key: false, commitment: false, check: false, acknowledgement: false, partial: false },
    trusteeKeys: [],
    commitments: [],
    sharesForMe: [],
    keyStatement: null,
  });
  let states = Array.from({ length: n }, (_, k) => startCeremony(base(k + 1), 'c', random));
  const trusteeKeys = states.map((s) => s.key);
  states = states.map((s) => dealShares({ ...base(s.trustee), trusteeKeys }, s, random));
  const commitments = states.map((s) => s.commitment!);
  const viewOf = (j: number): CeremonyView => ({
    ...base(j),
    trusteeKeys,
    commitments,
    sharesForMe: commitments.flatMap((c) =>
      c.shares.filter((s) => s.to === j).map((s) => ({ from: c.trustee, ...s })),
    ),
  });
  return { base, trusteeKeys, states, viewOf };
}

console.log(
  `trustee page steps in Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}`,
);
console.log('committee  key (ms)  deal (ms)  check (ms)  combine (ms)  acknowledge (ms)');
for (const [n, t] of [
  [3, 2],
  [5, 3],
  [9, 5],
] as const) {
  const c = committee(n, t);
  const key = time(9, () => startCeremony(c.base(1), 'c', random));
  const fresh: CeremonyState = { ...c.states[0]!, coefficients: undefined, commitment: undefined };
  const dealMs = time(9, () =>
    dealShares({ ...c.base(1), trusteeKeys: c.trusteeKeys }, fresh, random),
  );
  const v = c.viewOf(1);
  const check = time(9, () => checkShares(v, c.states[0]!, random));
  // Every member qualified; X_1 is a stand-in (the check fails after the work, which is what is timed).
  const combine = time(9, () =>
    combinedShare(
      {
        ...v,
        keyStatement: {
          publicKey: '',
          qualified: Array.from({ length: n }, (_, k) => k + 1),
          verificationKeys: [{ trustee: 1, key: elem(G).hex }],
          digest: F,
        },
      },
      c.states[0]!,
    ),
  );
  const ack = time(9, () =>
    acknowledge(
      {
        fingerprint: F,
        keyStatement: { publicKey: '', qualified: [], verificationKeys: [], digest: F },
      },
      c.states[0]!,
      random,
    ),
  );
  console.log(
    `${`${n} (t=${t})`.padEnd(9)}  ${key.toFixed(1).padStart(7)}  ${dealMs.toFixed(1).padStart(9)}  ${check
      .toFixed(1)
      .padStart(10)}  ${combine.toFixed(1).padStart(12)}  ${ack.toFixed(1).padStart(16)}`,
  );
}

console.log('\npartial decryption (worker): persons  ms  ms/person');
const x = randomScalar(random);
const X = elem(mulSecret(G, x)).hex;
for (const persons of [3, 20, 100, 500]) {
  const tally = Array.from({ length: persons }, (_, k) => ({
    person: `p${k}`,
    alpha: elem(mulSecret(G, randomScalar(random))).hex,
  }));
  const req = { fingerprint: F, trustee: 1, share: scalarToHex(x), verificationKey: X, tally };
  const ms = time(3, () => decryptTally(req, random));
  console.log(
    `${String(persons).padStart(7)}  ${ms.toFixed(0).padStart(6)}  ${(ms / persons).toFixed(2)}`,
  );
}
