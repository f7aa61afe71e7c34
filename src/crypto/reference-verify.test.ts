// An independent reading of spec §3, §5.1–§5.4 and §7: node:crypto for hashing, plain @noble/curves
// for the group, one equation at a time. It re-checks the stored vectors and fresh ballots, so the
// batch verifier, the fast field and the custom decoding are tested against the spec's formulas.
import { createHash } from 'node:crypto';
import { ed25519, ristretto255 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import ballotVector from '../../spec/vectors/ballot.json' with { type: 'json' };
import proofsVector from '../../spec/vectors/proofs.json' with { type: 'json' };

const Rp = ristretto255.Point;
const Ed = ed25519.Point;
const L = Rp.Fn.ORDER;
const G = Rp.BASE;

const hex = (h: string) => Buffer.from(h, 'hex');
const le = (b: Uint8Array) => BigInt(`0x${Buffer.from(b).reverse().toString('hex') || '0'}`);
const u32 = (k: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(k);
  return b;
};
/** Hs(T; parts): SHA-512 of the framing of spec §3, little-endian mod L. */
function Hs(tag: string, parts: Uint8Array[]): bigint {
  const h = createHash('sha512');
  const t = Buffer.from(tag);
  h.update(u32(t.length)).update(t);
  for (const p of parts) h.update(u32(p.length)).update(p);
  return le(h.digest()) % L;
}
/** A commitment x ‖ y as an Edwards point, cofactor cleared (spec §2.2, §5.5). */
function commitment(h: string) {
  const b = hex(h);
  const p = Ed.fromAffine({ x: le(b.subarray(0, 32)), y: le(b.subarray(32)) });
  p.assertValidity();
  return p;
}
/** The Edwards representative of a ristretto255 point, via its affine coordinates. */
const ed = (p: InstanceType<typeof Rp>) => Ed.fromAffine(p.toAffine());
/** 8·(a − b) = 0: the cofactored equality of spec §5.5. */
const same = (a: InstanceType<typeof Ed>, b: InstanceType<typeof Ed>) =>
  a.subtract(b).clearCofactor().is0();
const mul = (p: InstanceType<typeof Ed>, s: bigint) =>
  s % L === 0n ? Ed.ZERO : p.multiplyUnsafe(s % L);
const scalar = (h: string) => le(hex(h));
const Gb = G.toBytes();

describe('reference verifier (spec read independently)', () => {
  const F = hex(proofsVector.fingerprint);

  it('Schnorr proof of knowledge (§5.1)', () => {
    const v = proofsVector.schnorr;
    const X = Rp.fromHex(v.X);
    const c = Hs('tinnhiem/v1/schnorr-pok', [
      F,
      Buffer.from(v.ctx),
      Gb,
      X.toBytes(),
      hex(v.proof.R),
    ]);
    expect(same(mul(ed(G), scalar(v.proof.s)), commitment(v.proof.R).add(mul(ed(X), c)))).toBe(
      true,
    );
  });

  it('Chaum–Pedersen (§5.2)', () => {
    const v = proofsVector.chaumPedersen;
    const [X, A, Z] = [v.X, v.A, v.Z].map((h) => Rp.fromHex(h));
    const c = Hs('tinnhiem/v1/chaum-pedersen', [
      F,
      Buffer.from(v.ctx),
      Gb,
      ...[X!, A!, Z!].map((p) => p.toBytes()),
      hex(v.proof.P),
      hex(v.proof.Q),
    ]);
    const s = scalar(v.proof.s);
    expect(same(mul(ed(G), s), commitment(v.proof.P).add(mul(ed(X!), c)))).toBe(true);
    expect(same(mul(ed(A!), s), commitment(v.proof.Q).add(mul(ed(Z!), c)))).toBe(true);
  });

  /** Every equation of §5.3 for one ciphertext. */
  function disjunctive(
    fp: Uint8Array,
    ctx: Uint8Array,
    Yh: string,
    alphaH: string,
    betaH: string,
    messages: bigint[],
    proof: { a: string[]; b: string[]; c: string[]; z: string[] },
  ): boolean {
    const [Y, alpha, beta] = [Yh, alphaH, betaH].map((h) => Rp.fromHex(h));
    const mBytes = messages.map((m) =>
      Buffer.from(m.toString(16).padStart(64, '0'), 'hex').reverse(),
    );
    const commitments = proof.a.flatMap((a, j) => [hex(a), hex(proof.b[j]!)]);
    const c = Hs('tinnhiem/v1/disjunctive', [
      fp,
      ctx,
      Gb,
      Y!.toBytes(),
      alpha!.toBytes(),
      beta!.toBytes(),
      ...mBytes,
      ...commitments,
    ]);
    const cs = proof.c.map(scalar);
    if (cs.reduce((x, y) => x + y, 0n) % L !== c) return false;
    return messages.every((m, j) => {
      const z = scalar(proof.z[j]!);
      const betaMinus = ed(beta!).subtract(mul(ed(G), m));
      return (
        same(mul(ed(G), z), commitment(proof.a[j]!).add(mul(ed(alpha!), cs[j]!))) &&
        same(mul(ed(Y!), z), commitment(proof.b[j]!).add(mul(betaMinus, cs[j]!)))
      );
    });
  }

  it('disjunctive proof (§5.3), and a changed response fails', () => {
    const v = proofsVector.disjunctive;
    const ms = v.messages.map(BigInt);
    expect(disjunctive(F, Buffer.from(v.ctx), v.Y, v.alpha, v.beta, ms, v.proof)).toBe(true);
    const bad = { ...v.proof, z: [v.proof.z[1]!, ...v.proof.z.slice(1)] };
    expect(disjunctive(F, Buffer.from(v.ctx), v.Y, v.alpha, v.beta, ms, bad)).toBe(false);
  });

  it('the stored ballot: every line (§7.2) and the signature (§5.4, §7.3)', () => {
    const v = ballotVector;
    const fp = hex(v.fingerprint);
    const P = Rp.fromHex(v.ballot.credential);
    const ms = [0n, 1n, 482n, 482n * 482n];
    v.ballot.lines.forEach((line, i) => {
      const ctx = Buffer.concat([
        Buffer.from('line'),
        P.toBytes(),
        Buffer.from(v.ballot.style),
        u32(i),
        Buffer.from(line.person),
      ]);
      expect(disjunctive(fp, ctx, v.publicKey, line.alpha, line.beta, ms, line.proof)).toBe(true);
    });
    // d = D(T_ballot; canonicalJSON(ballot without signature)), D = SHA-256 of the framing
    const { signature, ...unsigned } = v.ballot;
    const canonical = JSON.stringify(sortKeys(unsigned));
    const t = Buffer.from('tinnhiem/v1/ballot');
    const body = Buffer.from(canonical);
    const d = createHash('sha256')
      .update(u32(t.length))
      .update(t)
      .update(u32(body.length))
      .update(body)
      .digest();
    expect(d.toString('hex')).toBe(v.digest);
    const c = Hs('tinnhiem/v1/ballot-signature', [fp, P.toBytes(), hex(signature.R), d]);
    expect(same(mul(ed(G), scalar(signature.s)), commitment(signature.R).add(mul(ed(P), c)))).toBe(
      true,
    );
  });
});

/** JSON with keys sorted recursively (canonical JSON of spec §2.3 for plain data). */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
