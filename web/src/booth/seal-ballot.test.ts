// The booth's sealing: a ballot the server's gate accepts, openings that open it, each line encrypting
// the choice made, progress per line, and slip errors reported rather than thrown.

import { describe, expect, it } from 'vitest';
import { checkBallot, type BallotGate } from '../../../src/core/election-record/check-ballot.js';
import {
  G,
  LINE_CHOICES,
  type LineChoice,
  bytesToHex,
  checkOpenings,
  decodeBallot,
  decryptToPoint,
  elem,
  encodeMessage,
  generateSlip,
  lineMessages,
  mulSecret,
  randomScalar,
  seededRandom,
} from '../../../src/crypto/index.js';
import { sealBallot, slipCredential } from './seal-ballot.js';

describe('sealBallot', () => {
  const random = seededRandom('booth-test');
  const x = randomScalar(random);
  const Y = elem(mulSecret(G, x));
  const F = random(32);
  const election = { fingerprint: bytesToHex(F), publicKey: Y.hex, base: '31' };
  const style = { id: 'all', persons: ['s1', 's2', 's3', 's4', 's5'] };
  const choices: LineChoice[] = ['high', 'confidence', 'low', 'blank', 'high'];

  it('seals a ballot the server accepts, whose lines encrypt the choices', () => {
    const slip = generateSlip(random);
    const cred = slipCredential(election, slip);
    expect(cred.ok).toBe(true);
    const progress: number[] = [];
    const sealed = sealBallot(election, slip, style, choices, random, (d) => progress.push(d));
    if (!sealed.ok) throw new Error(sealed.error);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(cred.ok && cred.credential).toBe(sealed.value.credential);
    const gate: BallotGate = {
      ctx: { F, Y, base: 31n },
      credentialStyle: new Map([[sealed.value.credential, 'all']]),
      styles: new Map([['all', style.persons]]),
    };
    const cast = checkBallot(gate, sealed.value.signed, random);
    expect(cast.ok && cast.value.tracker).toBe(sealed.value.tracker);
    expect(checkBallot(gate, sealed.value.unsigned, random, { audit: true }).ok).toBe(true);
    const decoded = decodeBallot(sealed.value.unsigned)!;
    expect(checkOpenings(gate.ctx, decoded.lines, sealed.value.openings)).toBe(true);
    const messages = lineMessages(31n);
    decoded.lines.forEach((line, k) => {
      const M = decryptToPoint(x, { alpha: line.alpha.point, beta: line.beta.point });
      expect(M.equals(encodeMessage(messages[LINE_CHOICES.indexOf(choices[k]!)]!))).toBe(true);
    });
    // another slip signs for another credential: the gate refuses it
    const other = sealBallot(election, generateSlip(random), style, choices, random);
    expect(other.ok && checkBallot(gate, other.value.signed, random).ok).toBe(false);
  });

  it('reports a mistyped slip and a missing key', () => {
    const slip = generateSlip(random);
    const typo = (slip[0] === '0' ? '1' : '0') + slip.slice(1);
    expect(sealBallot(election, typo, style, choices, random)).toEqual({
      ok: false,
      error: 'slip_checksum',
    });
    expect(sealBallot({ ...election, publicKey: '' }, slip, style, choices, random)).toEqual({
      ok: false,
      error: 'election_key_missing',
    });
  });
});
