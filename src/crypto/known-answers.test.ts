import { describe, expect, it } from 'vitest';
import ballotVector from '../../spec/vectors/ballot.json' with { type: 'json' };
import canonicalVector from '../../spec/vectors/canonical-json.json' with { type: 'json' };
import slipVector from '../../spec/vectors/credential-slip.json' with { type: 'json' };
import drbgVector from '../../spec/vectors/drbg.json' with { type: 'json' };
import groupVector from '../../spec/vectors/group.json' with { type: 'json' };
import hashingVector from '../../spec/vectors/hashing.json' with { type: 'json' };
import proofsVector from '../../spec/vectors/proofs.json' with { type: 'json' };
import {
  BatchVerifier,
  type Ballot,
  addBallotProofs,
  addBallotSignature,
  addEqualLogsProof,
  addKnowledgeProof,
  addOneOfProof,
  checkOpenings,
  decodeBallot,
  decryptShare,
  elemFromHex,
  hexToBytes,
  utf8,
  type LineOpening,
} from './index.js';
import { knownAnswers } from './known-answers.js';

const stored: Record<string, unknown> = {
  hashing: hashingVector,
  'canonical-json': canonicalVector,
  group: groupVector,
  drbg: drbgVector,
  proofs: proofsVector,
  ballot: ballotVector,
  'credential-slip': slipVector,
};

describe('known-answer vectors (spec/vectors)', () => {
  const computed = knownAnswers();
  for (const name of Object.keys(computed)) {
    it(`${name}.json matches what the code computes`, () => {
      expect(computed[name]).toEqual(stored[name]);
    });
  }

  it('stored proofs verify from their JSON alone', () => {
    const F = hexToBytes(proofsVector.fingerprint);
    const b = new BatchVerifier('exact');
    const s = proofsVector.schnorr;
    expect(addKnowledgeProof(b, F, utf8(s.ctx), elemFromHex(s.X)!, s.proof)).toBe(true);
    const c = proofsVector.chaumPedersen;
    const st = { X: elemFromHex(c.X)!, A: elemFromHex(c.A)!, Z: elemFromHex(c.Z)! };
    expect(addEqualLogsProof(b, F, utf8(c.ctx), st, c.proof)).toBe(true);
    const d = proofsVector.disjunctive;
    const ost = {
      Y: elemFromHex(d.Y)!,
      alpha: elemFromHex(d.alpha)!,
      beta: elemFromHex(d.beta)!,
      messages: d.messages.map(BigInt),
    };
    expect(addOneOfProof(b, F, utf8(d.ctx), ost, d.proof)).toBe(true);
    expect(b.valid()).toBe(true);
    const e = proofsVector.shareEncryption;
    expect(
      decryptShare(F, e.from, e.encrypted, BigInt(`0x${s.x.match(/../g)!.reverse().join('')}`)),
    ).toEqual({
      ok: true,
      value: BigInt(`0x${e.share.match(/../g)!.reverse().join('')}`),
    });
  });

  it('the stored ballot verifies and opens', () => {
    const ctx = {
      F: hexToBytes(ballotVector.fingerprint),
      Y: elemFromHex(ballotVector.publicKey)!,
      base: 482n,
    };
    const ballot = ballotVector.ballot as Ballot;
    const d = decodeBallot(ballot)!;
    const b = new BatchVerifier('exact');
    expect(
      addBallotProofs(b, ctx, ballot, d) && addBallotSignature(b, ctx, ballot, d.credential),
    ).toBe(true);
    expect(b.valid()).toBe(true);
    expect(checkOpenings(ctx, d.lines, ballotVector.openings as LineOpening[])).toBe(true);
  });
});
