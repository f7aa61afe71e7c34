// `npm run bench:crypto`: the figures of issue 6 on this machine — ballot encryption (Node and
// Chromium), the two line encodings of ADR 0002, verification per ballot line, full verification of
// simulated records, threshold decryption — and, with --belenios, belenios-tool side by side.
//
//   npm run bench:crypto                    all sizes (generates records once, cached in the temp dir)
//   npm run bench:crypto -- --quick         small sizes only (about a minute)
//   npm run bench:crypto -- --belenios      also runs ../shared/bench/belenios/run.sh and prints ratios
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBallotJobsInWorkers } from '../src/cli/simulate-workers.js';
import { verifyBallotsInWorkers } from '../src/cli/verify-workers.js';
import {
  type ElectionRecord,
  simulateElection,
  verifyRecord,
} from '../src/core/election-record/index.js';
import {
  type Ballot,
  BatchVerifier,
  G,
  LINE_CHOICES,
  addCiphertexts,
  addOneOfProof,
  addPartialDecryption,
  combinePartials,
  elemFromHex,
  discreteLog,
  elem,
  encrypt,
  encryptBallot,
  generateCredential,
  mulSecret,
  partialDecrypt,
  proveOneOf,
  randomScalar,
  seededRandom,
  signBallot,
  systemRandom,
  utf8,
} from '../src/crypto/index.js';
import { useEdwardsKernel } from '../src/crypto/edwards-wasm.js';
import { runCryptoInChromium } from '../e2e/crypto-browser.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    belenios: { type: 'boolean', default: false },
  },
});
const cacheDir = join(tmpdir(), 'tinnhiem-bench');
mkdirSync(cacheDir, { recursive: true });
const rows: [string, string][] = [];
const ours = new Map<string, number>();
const say = (label: string, value: string) => {
  rows.push([label, value]);
  console.log(`${label.padEnd(58)} ${value}`);
};
const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`# tinnhiem crypto bench — Node ${process.version}, ${availableParallelism()} cores\n`);

// 1. Booth: encrypt + prove + sign a 44-person ballot in Node.
const x = randomScalar(systemRandom);
const ctx = { F: new Uint8Array(32).fill(1), Y: elem(mulSecret(G, x)), base: 482n };
const persons44 = Array.from({ length: 44 }, (_, i) => `p${i + 1}`);
const cred = generateCredential(systemRandom);
const times: number[] = [];
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  const { ballot } = encryptBallot(
    ctx,
    cred.public,
    { id: 'all', persons: persons44 },
    persons44.map((_, i) => LINE_CHOICES[i % 4]!),
    systemRandom,
  );
  signBallot(ctx, ballot, cred, systemRandom);
  times.push(ms(t0));
}
say(
  'encrypt + prove + sign, 44-person ballot, Node (median of 5)',
  `${median(times).toFixed(0)} ms`,
);

// 2. ADR 0002: packed line (one ciphertext, 4-way proof) vs three ciphertexts with 0/1 proofs + a sum proof.
{
  const lines = flags.quick ? 100 : 300;
  const messages = [0n, 1n, 482n, 482n * 482n];
  const random = seededRandom('encodings');
  const packed: {
    st: Parameters<typeof addOneOfProof>[3];
    proof: ReturnType<typeof proveOneOf>;
  }[] = [];
  let t0 = performance.now();
  for (let i = 0; i < lines; i++) {
    const k = i % 4;
    const r = randomScalar(random);
    const c = encrypt(ctx.Y.point, messages[k]!, r);
    const st = { Y: ctx.Y, alpha: elem(c.alpha), beta: elem(c.beta), messages };
    packed.push({ st, proof: proveOneOf(ctx.F, utf8(`l${i}`), st, k, r, random) });
  }
  const packedProve = ms(t0) / lines;
  const threeWay: typeof packed = [];
  t0 = performance.now();
  for (let i = 0; i < lines; i++) {
    const k = i % 4; // 0 blank, 1 high, 2 confidence, 3 low
    const bits = [k === 1 ? 1n : 0n, k === 2 ? 1n : 0n, k === 3 ? 1n : 0n];
    const rs = bits.map(() => randomScalar(random));
    const cts = bits.map((b, j) => encrypt(ctx.Y.point, b, rs[j]!));
    cts.forEach((c, j) => {
      const st = { Y: ctx.Y, alpha: elem(c.alpha), beta: elem(c.beta), messages: [0n, 1n] };
      threeWay.push({
        st,
        proof: proveOneOf(ctx.F, utf8(`l${i}.${j}`), st, Number(bits[j]), rs[j]!, random),
      });
    });
    const sum = cts.reduce(addCiphertexts);
    const rsum = rs.reduce((a, b) => a + b);
    const st = { Y: ctx.Y, alpha: elem(sum.alpha), beta: elem(sum.beta), messages: [0n, 1n] };
    threeWay.push({
      st,
      proof: proveOneOf(ctx.F, utf8(`l${i}.s`), st, k === 0 ? 0 : 1, rsum, random),
    });
  }
  const threeProve = ms(t0) / lines;
  const verify = (items: typeof packed, perLine: number) => {
    // re-decode from JSON as a verifier would
    const json = JSON.parse(
      JSON.stringify(
        items.map((p) => ({
          a: p.st.alpha.hex,
          b: p.st.beta.hex,
          proof: p.proof,
          m: p.st.messages.map(String),
        })),
      ),
    ) as {
      a: string;
      b: string;
      proof: (typeof packed)[number]['proof'];
      m: string[];
    }[];
    const t = performance.now();
    const batch = new BatchVerifier(systemRandom);
    json.forEach((p, i) => {
      const st = {
        Y: ctx.Y,
        alpha: elemFromHexStrict(p.a),
        beta: elemFromHexStrict(p.b),
        messages: p.m.map(BigInt),
      };
      addOneOfProof(
        batch,
        ctx.F,
        utf8(perLine === 1 ? `l${i}` : `l${Math.floor(i / 4)}.${i % 4 === 3 ? 's' : i % 4}`),
        st,
        p.proof,
      );
    });
    if (!batch.valid()) throw new Error('encoding bench: batch failed');
    return { ms: ms(t) / lines, bytes: JSON.stringify(json).length / lines };
  };
  const vp = verify(packed, 1);
  const v3 = verify(threeWay, 4);
  say(
    'ADR 0002 packed line: prove / verify (batch) / JSON bytes',
    `${packedProve.toFixed(2)} ms / ${vp.ms.toFixed(3)} ms / ${vp.bytes.toFixed(0)} B`,
  );
  say(
    'ADR 0002 three ciphertexts + sum proof: prove / verify / bytes',
    `${threeProve.toFixed(2)} ms / ${v3.ms.toFixed(3)} ms / ${v3.bytes.toFixed(0)} B`,
  );
}

function elemFromHexStrict(hex: string) {
  const e = elemFromHex(hex);
  if (!e) throw new Error(`bad point ${hex}`);
  return e;
}

// 3. Records: simulate once (cached), verify in this thread and with workers.
async function cachedRecord(
  voters: number,
  persons: number,
  trustees: number,
  threshold: number,
): Promise<ElectionRecord> {
  const file = join(cacheDir, `record-${voters}x${persons}-${threshold}of${trustees}-v3.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ElectionRecord;
  const t0 = performance.now();
  const r = await simulateElection({
    voters,
    persons,
    trustees,
    threshold,
    random: seededRandom(`bench-${voters}-${persons}`),
    runJobs: (c, jobs, p) => runBallotJobsInWorkers(c, jobs, p),
  });
  writeFileSync(file, JSON.stringify(r));
  console.log(
    `  (simulated ${voters} × ${persons} in ${(ms(t0) / 1000).toFixed(1)} s, cached in ${file})`,
  );
  return r;
}
const sizes: [number, number][] = flags.quick
  ? [[100, 10]]
  : [
      [100, 10],
      [481, 44],
      [1000, 10],
    ];
for (const [voters, persons] of sizes) {
  const record = JSON.parse(
    JSON.stringify(await cachedRecord(voters, persons, 3, 2)),
  ) as ElectionRecord;
  const lines = record.events
    .filter((e) => e.type === 'ballot')
    .reduce((n, e) => n + (e.body as { ballot: Ballot }).ballot.lines.length, 0);
  let t0 = performance.now();
  let checks = await verifyRecord(record);
  const single = ms(t0);
  if (!checks.every((c) => c.ok)) throw new Error('record did not verify');
  t0 = performance.now();
  checks = await verifyRecord(record, {
    verifyBallots: (input, p) => verifyBallotsInWorkers(input, p),
  });
  const multi = ms(t0);
  if (!checks.every((c) => c.ok)) throw new Error('record did not verify (workers)');
  say(
    `verify ${voters} × ${persons} record, 1 thread: total / per ballot line`,
    `${(single / 1000).toFixed(2)} s / ${(single / lines).toFixed(3)} ms`,
  );
  say(
    `verify ${voters} × ${persons} record, worker threads (≤ ${availableParallelism()}): total / line`,
    `${(multi / 1000).toFixed(2)} s / ${(multi / lines).toFixed(3)} ms`,
  );
  if (voters === 100) {
    // ADR 0003: the WebAssembly kernel is used only because it measures better; the peer is the BigInt code
    useEdwardsKernel(false);
    t0 = performance.now();
    checks = await verifyRecord(record);
    const bigint = ms(t0);
    useEdwardsKernel(true);
    if (!checks.every((c) => c.ok)) throw new Error('record did not verify (BigInt)');
    say(
      `verify ${voters} × ${persons} record, 1 thread, BigInt instead of WebAssembly`,
      `${(bigint / 1000).toFixed(2)} s / ${(bigint / lines).toFixed(3)} ms (kernel ${(bigint / single).toFixed(1)}× faster)`,
    );
  }
  ours.set(`verify ${voters}x${persons}`, multi / 1000);
  ours.set(`line ${voters}x${persons}`, single / lines);
}

// 4. Decryption with t of n trustees over the encrypted totals of `persons` persons.
function measureDecryption(persons: number, S: number[], voters: number) {
  const random = seededRandom('decrypt');
  const poly = S.map(() => randomScalar(random));
  const share = (j: number) => poly.reduce((acc, a, k) => acc + a * BigInt(j) ** BigInt(k), 0n);
  const Y = mulSecret(G, poly[0]!);
  const base = BigInt(voters) + 1n;
  const expected = Array.from(
    { length: persons },
    (_, i) => BigInt(i % voters) * base + BigInt(voters - (i % voters)),
  );
  const totals = expected.map((m) => encrypt(Y, m, randomScalar(random)));
  const t0 = performance.now();
  const partials = S.map((j) => {
    const Xj = elem(mulSecret(G, share(j)));
    return {
      j,
      Xj,
      pds: totals.map((c, p) =>
        partialDecrypt(ctx.F, j, `p${p}`, share(j), Xj, elem(c.alpha), random),
      ),
    };
  });
  const partialMs = ms(t0);
  const t1 = performance.now();
  const batch = new BatchVerifier(systemRandom);
  const D = partials.map(({ j, Xj, pds }) =>
    pds.map((pd, p) =>
      addPartialDecryption(batch, ctx.F, j, `p${p}`, Xj, elem(totals[p]!.alpha), pd)!,
    ),
  );
  if (!batch.valid()) throw new Error('partial decryption proofs failed');
  const counts = totals.map((c, p) =>
    discreteLog(combinePartials(c.beta, new Map(S.map((j, k) => [j, D[k]![p]!]))), base ** 3n),
  );
  if (counts.some((s, p) => s !== expected[p])) throw new Error('decryption wrong');
  return { partialMs, resultMs: ms(t1) };
}
{
  const d = measureDecryption(44, [1, 3, 5], 481);
  say(
    'decrypt 44 totals, 3 of 5: partials with proofs (3 trustees)',
    `${d.partialMs.toFixed(0)} ms`,
  );
  say(
    'decrypt 44 totals, 3 of 5: verify proofs + combine + discrete log',
    `${d.resultMs.toFixed(0)} ms`,
  );
}

// 5. Chromium.
try {
  const report = await runCryptoInChromium(5);
  const bad = report.checks.filter((c) => !c.ok);
  say(
    'encrypt + prove + sign, 44-person ballot, Chromium (median of 5)',
    `${report.encrypt44Ms.toFixed(0)} ms${bad.length ? ` (${bad.length} checks FAILED)` : ''}`,
  );
  say(
    'verify per ballot line, Chromium, one batch of 20 × 44 lines',
    `${report.verifyPerLineMs.toFixed(3)} ms`,
  );
} catch (e) {
  say('Chromium', `skipped: ${(e as Error).message}`);
}

// 6. belenios-tool side by side (--belenios), phase by phase, same sizes, 3 trustees, threshold 2.
/** Our time for one ballot of `persons` lines (encrypt, prove, sign), median of 3. */
function ballotMs(persons: number): number {
  const ids = Array.from({ length: persons }, (_, i) => `p${i + 1}`);
  const t: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const { ballot } = encryptBallot(
      ctx,
      cred.public,
      { id: 'all', persons: ids },
      ids.map((_, i) => LINE_CHOICES[i % 4]!),
      systemRandom,
    );
    signBallot(ctx, ballot, cred, systemRandom);
    t.push(ms(t0));
  }
  return median(t);
}
if (flags.belenios) {
  const script = new URL('../../shared/bench/belenios/run.sh', import.meta.url).pathname;
  const bSizes: [number, number][] = flags.quick
    ? [[100, 10]]
    : [
        [100, 10],
        [481, 44],
        [1000, 10],
      ];
  for (const [voters, persons] of bSizes) {
    console.log(
      `\n  running belenios-tool ${voters} × ${persons} (3 trustees, threshold 2, BELENIOS-2048)…`,
    );
    const out = spawnSync('bash', [script, String(voters), String(persons), '3', '2'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        BENCH_GROUPS: 'BELENIOS-2048',
        VERIFY_FINAL: '0',
        PHASE_TIMEOUT: '3600',
      },
      maxBuffer: 1 << 26,
    });
    const phase = (name: string) => {
      const line = out.stdout.split('\n').find((l) => l.startsWith(`phase=${name} `));
      const wall = line?.match(/ seconds=([\d.]+)/)?.[1];
      const cpu = line?.match(/ cpu_seconds=([\d.]+)/)?.[1];
      return wall === undefined ? undefined : { wall: Number(wall), cpu: Number(cpu ?? wall) };
    };
    if (!phase('verify')) {
      say(
        `belenios ${voters} × ${persons}`,
        `no result (${(out.stderr || out.stdout).slice(-300).trim()})`,
      );
      continue;
    }
    const dec = measureDecryption(persons, [1, 2], voters);
    const mineVerify = ours.get(`verify ${voters}x${persons}`);
    const mineLine = ours.get(`line ${voters}x${persons}`);
    const lines = voters * persons;
    // [phase, belenios seconds (cpu), ours seconds (cpu, one thread unless noted)]
    const compare: [string, number | undefined, number | undefined][] = [
      [
        'ballots (encrypt + prove, all voters, CPU)',
        phase('ballots')?.cpu,
        (ballotMs(persons) * voters) / 1000,
      ],
      ['verify (wall; ours with workers)', phase('verify')?.wall, mineVerify],
      [
        'verify per ballot line, one thread (ms)',
        phase('verify') && (phase('verify')!.cpu * 1000) / lines,
        mineLine,
      ],
      ['tally (ours: inside verify)', phase('tally')?.wall, undefined],
      ['decrypt (2 trustees, CPU)', phase('decrypt')?.cpu, dec.partialMs / 1000],
      ['result (check partials, combine, count)', phase('result')?.wall, dec.resultMs / 1000],
    ];
    for (const [name, theirs, mine] of compare) {
      say(
        `  ${voters} × ${persons} ${name}`,
        theirs === undefined
          ? 'n/a'
          : `belenios ${theirs.toFixed(2)} / tinnhiem ${mine === undefined ? '—' : mine.toFixed(mine < 10 ? 3 : 1)}` +
              (mine ? ` = ${(theirs / mine).toFixed(1)}×` : ''),
      );
    }
  }
}

try {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  console.log(`\ncommit ${commit}`);
} catch {
  // not a git checkout
}
