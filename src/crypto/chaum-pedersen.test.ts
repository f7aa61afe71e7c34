import { describe, expect, it } from 'vitest';
import { BatchVerifier } from './batch-verifier.js';
import { addEqualLogsProof, proveEqualLogs } from './chaum-pedersen.js';
import { G, elem, mulSecret, scalarToHex } from './group.js';
import { utf8 } from './hash.js';
import { seededRandom } from './random.js';

const F = new Uint8Array(32).fill(1);
const ctx = utf8('partial');

describe('Chaum–Pedersen proof (spec §5.2)', () => {
  const random = seededRandom('cp');
  const x = 987654321n;
  const A = elem(mulSecret(G, 31337n));
  const st = { X: elem(mulSecret(G, x)), A, Z: elem(mulSecret(A.point, x)) };
  const proof = proveEqualLogs(F, ctx, x, st, random);
  const check = (s: typeof st, p: typeof proof, key?: string) => {
    const b = new BatchVerifier('exact');
    return addEqualLogsProof(b, F, ctx, s, p, key) && b.valid();
  };

  it('verifies, also with X folded as a shared base', () => {
    expect(check(st, proof)).toBe(true);
    expect(check(st, proof, 'X1')).toBe(true);
  });
  it('fails when the logs differ', () => {
    const bad = { ...st, Z: elem(mulSecret(A.point, x + 1n)) };
    expect(check(bad, proveEqualLogs(F, ctx, x, bad, random))).toBe(false);
  });
  it('fails on any changed field', () => {
    expect(check(st, { ...proof, s: scalarToHex(1n) })).toBe(false);
    expect(check(st, { ...proof, P: proof.Q })).toBe(false);
    expect(check(st, { ...proof, Q: proof.P })).toBe(false);
  });
});
