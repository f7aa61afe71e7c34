// bench:evote (issue 7 §8): voters cast ballots through the HTTP API (in process, app.request) as fast as
// the server takes them, each checked (signature, proofs) and committed before it is acknowledged.
// Voters' encryption is done before the clock starts. Prints ballots/s, p50/p99 latency and the CPU
// seconds per ballot (all threads) on each store, then checks that every acknowledged ballot is stored
// exactly once and that the downloaded record, once decrypted, passes verifyRecord.
// Usage: tsx bench/evote.bench.ts [voters=500] [persons=20] [stores=sqlite,postgres] [concurrency=16]

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { verifyBallotsInWorkers } from '../src/cli/verify-workers.js';
import { verifyRecord } from '../src/core/election-record/verify-record.js';
import { sharedBallotChecker } from '../src/server/electronic/ballot-checker.js';
import {
  type ElectionContext,
  type LineChoice,
  elemFromHex,
  encryptBallot,
  hexToBytes,
  partialDecrypt,
  signBallot,
  systemRandom,
} from '../src/crypto/index.js';
import type {
  BallotReceiptDto,
  BoothInfoDto,
  ElectionOverviewDto,
  TrusteeViewDto,
} from '../src/server/routes/election-schemas.js';
import { buildElectronicWorld } from '../test/server/electronic-world.js';
import { openElection } from '../test/server/electronic-driver.js';
import { openTestApp } from '../test/server/harness.js';

const voters = Number(process.argv[2] ?? 500);
const persons = Number(process.argv[3] ?? 20);
const kinds = (process.argv[4] ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const concurrency = Number(process.argv[5] ?? 16);
const random = systemRandom;
const LEVELS: LineChoice[] = ['high', 'confidence', 'low', 'blank'];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

let failures = 0;
for (const kind of kinds) {
  const t = await openTestApp(kind, { TINNHIEM_LOG: 'silent' });
  try {
    const w = await buildElectronicWorld(t.store, voters, persons);
    const election = await openElection(t, w);
    const { P, C, anon } = election;
    const booth = await anon.json<BoothInfoDto>('GET', `${P}/booth`);
    const ctx: ElectionContext = {
      F: hexToBytes(booth.fingerprint),
      Y: elemFromHex(booth.publicKey)!,
      base: BigInt(booth.base),
    };
    const prepStart = performance.now();
    let lines = 0;
    const bodies = election.voters.map(({ cred, style }, v) => {
      const s = booth.manifest.styles.find((x) => x.id === style)!;
      lines += s.persons.length;
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
    // the booth's GET above started the ballot checkers; wait until they answer
    await sharedBallotChecker().warm();
    const latencies: number[] = [];
    const receipts: BallotReceiptDto[] = [];
    let next = 0;
    const loadBefore = load();
    const cpu0 = process.cpuUsage();
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
          receipts.push((await res.json()) as BallotReceiptDto);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    latencies.sort((a, b) => a - b);
    const q = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
    const sizes = booth.manifest.styles.map((st) => st.persons.length).join(' and ');
    console.log(
      `evote ${kind}: ${voters} ballots, ${lines} lines (styles of ${sizes} persons; one voter in five on the one-person style), concurrency ${concurrency}`,
    );
    console.log(`  voters' encryption before the clock: ${(prepMs / voters).toFixed(1)} ms/ballot`);
    console.log(
      `  accepted: ${(voters / seconds).toFixed(1)} ballots/s (proofs verified, committed) in ${seconds.toFixed(2)} s`,
    );
    console.log(`  latency p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms`);
    console.log(
      `  CPU (all threads): ${((cpuSeconds / voters) * 1000).toFixed(1)} ms/ballot, ${((cpuSeconds / lines) * 1000).toFixed(2)} ms/line; ${(cpuSeconds / seconds).toFixed(2)} cores busy`,
    );
    console.log(`  load average before ${loadBefore}, after ${load()}`);

    // every acknowledged ballot is in the store exactly once, where its receipt says
    const stored = (await t.store.elections.events(w.conferenceId, ['ballot'])).filter(
      (e) => e.type === 'ballot',
    );
    const bySeq = new Map(stored.map((e) => [e.seq, e]));
    const missing = receipts.filter((r) => bySeq.get(r.seq)?.tracker !== r.tracker).length;
    const trackers = new Set(stored.map((e) => e.tracker));
    const exactlyOnce =
      missing === 0 && stored.length === receipts.length && trackers.size === stored.length;
    console.log(
      `  stored: ${stored.length} ballot events for ${receipts.length} receipts, ${missing} missing, ${stored.length - trackers.size} duplicated: ${exactlyOnce ? 'exactly once' : 'MISMATCH'}`,
    );

    // close, three trustees decrypt, and the downloaded record passes verifyRecord
    await election.org.json<ElectionOverviewDto>('POST', `${C}/close`, { close: true });
    for (const j of [1, 3, 5]) {
      const trustee = election.trustees[j - 1]!;
      const view = await trustee.json<TrusteeViewDto>('GET', `${C}/trustee`);
      const xj = election.secretShares[j - 1]!;
      const Xj = elemFromHex(
        view.keyStatement!.verificationKeys.find((k) => k.trustee === j)!.key,
      )!;
      const partials = view.tally!.map((tp) => ({
        person: tp.person,
        ...partialDecrypt(election.F, j, tp.person, xj, Xj, elemFromHex(tp.alpha)!, random),
      }));
      await trustee.json('POST', `${C}/trustee/partial`, { trustee: j, partials });
    }
    const record = await (await anon.request('GET', `${P}/record.json`)).text();
    const v0 = performance.now();
    const checks = await verifyRecord(JSON.parse(record), {
      verifyBallots: (input, onProgress) => verifyBallotsInWorkers(input, onProgress),
    });
    const bad = checks.filter((c) => !c.ok);
    console.log(
      `  record: ${checks.length} checks, ${bad.length} failed (verifyRecord ${((performance.now() - v0) / 1000).toFixed(1)} s)${bad.map((c) => `; ${c.check}: ${c.detail}`).join('')}`,
    );
    if (!exactlyOnce || bad.length > 0) failures += 1;
  } finally {
    await t.close();
  }
}
if (failures > 0) {
  console.error(`evote: ${failures} store(s) failed the checks`);
  process.exitCode = 1;
}
