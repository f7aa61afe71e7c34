import { describe, expect, it } from 'vitest';
import { BatchVerifier } from './batch-verifier.js';
import { addOneOfProof, proveOneOf } from './disjunctive-proof.js';
import { encrypt } from './elgamal.js';
import { G, elem, mulSecret, scalarToHex } from './group.js';
import { utf8 } from './hash.js';
import { seededRandom } from './random.js';

const F = new Uint8Array(32).fill(3);
const ctx = utf8('line');
const Y = elem(mulSecret(G, 555n));
const B = 101n;
const messages = [0n, 1n, B, B * B];

function statement(m: bigint, r: bigint) {
  const c = encrypt(Y.point, m, r);
  return { Y, alpha: elem(c.alpha), beta: elem(c.beta), messages };
}
function check(st: ReturnType<typeof statement>, proof: ReturnType<typeof proveOneOf>, c = ctx) {
  const b = new BatchVerifier('exact');
  return addOneOfProof(b, F, c, st, proof) && b.valid();
}

describe('disjunctive proof over [0, 1, B, B²] (spec §5.3)', () => {
  const random = seededRandom('or');
  it('verifies for every allowed message', () => {
    messages.forEach((m, i) => {
      const st = statement(m, 1000n + BigInt(i));
      expect(check(st, proveOneOf(F, ctx, st, i, 1000n + BigInt(i), random))).toBe(true);
    });
  });
  it('cannot prove a message outside the list', () => {
    const st = statement(2n, 77n);
    // The prover claims branch 1 (m = 1) but the ciphertext holds 2.
    expect(check(st, proveOneOf(F, ctx, st, 1, 77n, random))).toBe(false);
  });
  it('fails under another context (no copying lines between ballots)', () => {
    const st = statement(B, 9n);
    expect(check(st, proveOneOf(F, ctx, st, 2, 9n, random), utf8('line2'))).toBe(false);
  });
  it('fails when any challenge, response or commitment changes', () => {
    const st = statement(1n, 5n);
    const p = proveOneOf(F, ctx, st, 1, 5n, random);
    for (const field of ['a', 'b', 'c', 'z'] as const) {
      for (let j = 0; j < 4; j++) {
        const arr = [...p[field]];
        arr[j] =
          field === 'a' || field === 'b' ? p[field === 'a' ? 'b' : 'a'][j]! : scalarToHex(42n);
        expect(check(st, { ...p, [field]: arr })).toBe(false);
      }
    }
    expect(check(st, { ...p, z: p.z.slice(1) })).toBe(false);
  });
});
