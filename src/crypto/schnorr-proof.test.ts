import { describe, expect, it } from 'vitest';
import { BatchVerifier } from './batch-verifier.js';
import { G, elem, mulSecret, scalarToHex } from './group.js';
import { utf8 } from './hash.js';
import { seededRandom } from './random.js';
import { addKnowledgeProof, proveKnowledge } from './schnorr-proof.js';

const F = new Uint8Array(32).fill(7);
const ctx = utf8('trustee-key');
const check = (
  f: Uint8Array,
  c: Uint8Array,
  X: ReturnType<typeof elem>,
  proof: Parameters<typeof addKnowledgeProof>[4],
) => {
  const b = new BatchVerifier('exact');
  return addKnowledgeProof(b, f, c, X, proof) && b.valid();
};

describe('Schnorr proof of knowledge (spec §5.1)', () => {
  const random = seededRandom('schnorr');
  const x = 424242n;
  const X = elem(mulSecret(G, x));
  const proof = proveKnowledge(F, ctx, x, X, random);

  it('verifies', () => expect(check(F, ctx, X, proof)).toBe(true));
  it('fails for another statement, context or election', () => {
    expect(check(F, ctx, elem(mulSecret(G, x + 1n)), proof)).toBe(false);
    expect(check(F, utf8('coefficient'), X, proof)).toBe(false);
    expect(check(new Uint8Array(32), ctx, X, proof)).toBe(false);
  });
  it('fails when s or R changes', () => {
    expect(check(F, ctx, X, { ...proof, s: scalarToHex(123n) })).toBe(false);
    const other = proveKnowledge(F, ctx, x, X, random);
    expect(check(F, ctx, X, { ...proof, R: other.R })).toBe(false);
    expect(check(F, ctx, X, { ...proof, R: 'zz' })).toBe(false);
  });
  it('a wrong proof also fails a random-weight batch of valid ones', () => {
    const b = new BatchVerifier(random);
    for (let i = 0; i < 3; i++)
      addKnowledgeProof(b, F, ctx, X, proveKnowledge(F, ctx, x, X, random));
    expect(b.valid()).toBe(true);
    addKnowledgeProof(b, F, ctx, X, { ...proof, s: scalarToHex(5n) });
    expect(b.valid()).toBe(false);
  });
});
