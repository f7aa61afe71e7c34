// Runs in Chromium: the crypto suite's known answers, round trips and the booth's timing (issue 6).
import ballotVector from '../spec/vectors/ballot.json' with { type: 'json' };
import canonicalVector from '../spec/vectors/canonical-json.json' with { type: 'json' };
import slipVector from '../spec/vectors/credential-slip.json' with { type: 'json' };
import drbgVector from '../spec/vectors/drbg.json' with { type: 'json' };
import groupVector from '../spec/vectors/group.json' with { type: 'json' };
import hashingVector from '../spec/vectors/hashing.json' with { type: 'json' };
import proofsVector from '../spec/vectors/proofs.json' with { type: 'json' };
import {
  type Ballot,
  BatchVerifier,
  G,
  LINE_CHOICES,
  type Point,
  addBallotProofs,
  addBallotSignature,
  canonicalJson,
  combinePartials,
  combinePublicKey,
  deal,
  decodeBallot,
  decryptShare,
  discreteLog,
  elem,
  elemFromHex,
  encryptBallot,
  evalPolynomial,
  generateCredential,
  generateTrusteeKey,
  hexToBytes,
  mulSecret,
  signBallot,
  systemRandom,
} from '../src/crypto/index.js';
import { edwardsKernel, useEdwardsKernel } from '../src/crypto/edwards-wasm.js';
import { knownAnswers } from '../src/crypto/known-answers.js';

/** One named result. */
export interface BrowserCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** What the page reports back to the test or the benchmark. */
export interface BrowserReport {
  userAgent: string;
  checks: BrowserCheck[];
  /** Median milliseconds to encrypt, prove and sign a 44-person ballot. */
  encrypt44Ms: number;
  /** Fastest of the runs: what the booth can do, less sensitive to a busy machine. */
  encrypt44MinMs: number;
  /** Milliseconds per ballot line to verify 20 ballots of 44 lines in one batch. */
  verifyPerLineMs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs everything; never throws (a failure becomes a check with ok = false). */
export function run(runs = 5): BrowserReport {
  const checks: BrowserCheck[] = [];
  const check = (name: string, f: () => boolean | string) => {
    try {
      const r = f();
      checks.push({ name, ok: r === true, detail: r === true ? '' : String(r) });
    } catch (e) {
      checks.push({ name, ok: false, detail: (e as Error).stack ?? String(e) });
    }
  };
  const stored: Record<string, unknown> = {
    hashing: hashingVector,
    'canonical-json': canonicalVector,
    group: groupVector,
    drbg: drbgVector,
    proofs: proofsVector,
    ballot: ballotVector,
    'credential-slip': slipVector,
  };
  const computed = knownAnswers();
  for (const [name, value] of Object.entries(computed)) {
    check(
      `vector ${name}`,
      () => canonicalJson(value) === canonicalJson(stored[name]) || 'differs from spec/vectors',
    );
  }
  const ctxOf = (x: bigint) => ({
    F: new Uint8Array(32).fill(5),
    Y: elem(mulSecret(G, x)),
    base: 482n,
  });
  check('stored ballot verifies', () => {
    const ctx = {
      F: hexToBytes(ballotVector.fingerprint),
      Y: elemFromHex(ballotVector.publicKey)!,
      base: 482n,
    };
    const b = ballotVector.ballot as Ballot;
    const d = decodeBallot(b)!;
    const batch = new BatchVerifier(systemRandom);
    return (
      addBallotProofs(batch, ctx, b, d) &&
      addBallotSignature(batch, ctx, b, d.credential) &&
      batch.valid()
    );
  });
  check('share decrypts', () => {
    const e = proofsVector.shareEncryption;
    const x = BigInt(`0x${proofsVector.schnorr.x.match(/../g)!.reverse().join('')}`);
    const r = decryptShare(hexToBytes(proofsVector.fingerprint), e.from, e.encrypted, x);
    return r.ok || r.error.code;
  });
  check('DKG 2 of 3 and threshold decryption round trip', () => {
    const F = new Uint8Array(32).fill(6);
    const keys = [1, 2, 3].map((i) => generateTrusteeKey(F, i, systemRandom));
    const E = new Map<number, Point>(
      keys.map((k) => [k.published.trustee, elemFromHex(k.published.key)!.point]),
    );
    const deals = [1, 2, 3].map((i) => deal(F, i, 2, E, systemRandom));
    const A = deals.map((d) => d.published.commitments.map((h) => elemFromHex(h)!.point));
    const Y = combinePublicKey(A);
    const x = (j: number) => deals.reduce((s, d) => s + evalPolynomial(d.coefficients, j), 0n);
    const c = { alpha: mulSecret(G, 9n), beta: mulSecret(G, 1234n).add(mulSecret(Y, 9n)) };
    const M = combinePartials(c.beta, new Map([1, 3].map((j) => [j, mulSecret(c.alpha, x(j))])));
    return discreteLog(M, 10_000n) === 1234n || 'wrong plaintext';
  });
  const persons = Array.from({ length: 44 }, (_, i) => `p${i + 1}`);
  const style = { id: 'all', persons };
  const ctx = ctxOf(777n);
  const choices = persons.map((_, i) => LINE_CHOICES[i % 4]!);
  const cred = generateCredential(systemRandom);
  const times: number[] = [];
  const ballots: Ballot[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const { ballot } = encryptBallot(ctx, cred.public, style, choices, systemRandom);
    ballots.push(signBallot(ctx, ballot, cred, systemRandom));
    times.push(performance.now() - t0);
  }
  check('44-person ballot verifies and decrypts', () => {
    const b = ballots[0]!;
    const d = decodeBallot(b)!;
    const batch = new BatchVerifier(systemRandom);
    if (!(
      addBallotProofs(batch, ctx, b, d) &&
      addBallotSignature(batch, ctx, b, d.credential) &&
      batch.valid()
    )) {
      return 'proofs or signature invalid';
    }
    const m = d.lines
      .slice(0, 4)
      .map((l) => discreteLog(l.beta.point.subtract(mulSecret(l.alpha.point, 777n)), 482n ** 3n));
    return (
      canonicalJson(m.map(String)) === '["0","1","482","232324"]' || `decrypted ${m.join(',')}`
    );
  });
  check('a changed line proof fails', () => {
    const b = structuredClone(ballots[0]!);
    b.lines[3]!.proof.z[0] = b.lines[3]!.proof.z[1]!;
    const batch = new BatchVerifier(systemRandom);
    return !(addBallotProofs(batch, ctx, b, decodeBallot(b)!) && batch.valid()) || 'accepted';
  });
  check('the WebAssembly kernel is used, and the BigInt code gives the same answers', () => {
    if (!edwardsKernel()) return 'kernel not loaded';
    const b = ballots[1]!;
    const bent = structuredClone(b);
    bent.lines[5]!.proof.z[2] = bent.lines[5]!.proof.z[0]!;
    const verdicts = () =>
      [b, bent].map((x) => {
        const batch = new BatchVerifier(systemRandom);
        return addBallotProofs(batch, ctx, x, decodeBallot(x)!) && batch.valid();
      });
    const withKernel = verdicts();
    useEdwardsKernel(false);
    const without = verdicts();
    useEdwardsKernel(true);
    return (
      canonicalJson([withKernel, without]) === '[[true,false],[true,false]]' ||
      canonicalJson([withKernel, without])
    );
  });
  const many: Ballot[] = [];
  while (many.length < 20) many.push(ballots[many.length % ballots.length]!);
  const t0 = performance.now();
  const batch = new BatchVerifier(systemRandom);
  for (const b of many) {
    const d = decodeBallot(b)!;
    addBallotProofs(batch, ctx, b, d);
    addBallotSignature(batch, ctx, b, d.credential);
  }
  const ok = batch.valid();
  const verifyPerLineMs = (performance.now() - t0) / (many.length * 44);
  check('batch of 20 ballots verifies', () => ok);
  return {
    userAgent: navigator.userAgent,
    checks,
    encrypt44Ms: median(times),
    encrypt44MinMs: Math.min(...times),
    verifyPerLineMs,
  };
}
