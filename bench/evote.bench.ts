// bench:evote (issue 7 §8): voters cast ballots through the HTTP API (in process, app.request) as fast as
// the server takes them, each checked (signature, proofs) and committed before it is acknowledged.
// Voters' encryption is done before the clock starts. Prints ballots/s and p50/p99 latency.
// Usage: tsx bench/evote.bench.ts [voters=500] [persons=20] [sqlite|postgres] [concurrency=8]

import { performance } from 'node:perf_hooks';
import {
  type ElectionContext,
  type LineChoice,
  elemFromHex,
  encryptBallot,
  hexToBytes,
  signBallot,
  systemRandom,
} from '../src/crypto/index.js';
import type { BoothInfoDto } from '../src/server/routes/election-schemas.js';
import { buildElectronicWorld } from '../test/server/electronic-world.js';
import { openElection } from '../test/server/electronic-driver.js';
import { openTestApp } from '../test/server/harness.js';

const voters = Number(process.argv[2] ?? 500);
const persons = Number(process.argv[3] ?? 20);
const kind = (process.argv[4] ?? 'sqlite') as 'sqlite' | 'postgres';
const concurrency = Number(process.argv[5] ?? 8);
const random = systemRandom;

const t = await openTestApp(kind, { TINNHIEM_LOG: 'silent' });
try {
  const w = await buildElectronicWorld(t.store, voters, persons);
  const { P, anon, voters: creds } = await openElection(t, w);
  const booth = await anon.json<BoothInfoDto>('GET', `${P}/booth`);
  const ctx: ElectionContext = {
    F: hexToBytes(booth.fingerprint),
    Y: elemFromHex(booth.publicKey)!,
    base: BigInt(booth.base),
  };
  const LEVELS: LineChoice[] = ['high', 'confidence', 'low', 'blank'];
  const prepStart = performance.now();
  const bodies = creds.map(({ cred, style }, v) => {
    const s = booth.manifest.styles.find((x) => x.id === style)!;
    const { ballot } = encryptBallot(
      ctx,
      cred.public,
      s,
      s.persons.map((_, k) => LEVELS[(v + k) % 4]!),
      random,
    );
    return JSON.stringify({ ballot: signBallot(ctx, ballot, cred, random) });
  });
  const prepMs = performance.now() - prepStart;
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const t0 = performance.now();
        const res = await t.app.request(`http://localhost${P}/ballots`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-csrf-token': 'anonymous',
            origin: 'http://localhost',
          },
          body,
        });
        if (res.status !== 201)
          throw new Error(`ballot refused: ${res.status} ${await res.text()}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const sizes = booth.manifest.styles.map((st) => st.persons.length).join(' and ');
  console.log(
    `evote ${kind}: ${voters} ballots (styles of ${sizes} persons; one voter in five on the one-person style), concurrency ${concurrency}`,
  );
  console.log(`  voters' encryption before the clock: ${(prepMs / voters).toFixed(1)} ms/ballot`);
  console.log(
    `  accepted: ${(voters / seconds).toFixed(1)} ballots/s (proofs verified, committed) in ${seconds.toFixed(2)} s`,
  );
  console.log(`  latency p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms`);
} finally {
  await t.close();
}
