import { describe, expect, it } from 'vitest';
import {
  G,
  elem,
  encryptBallot,
  generateCredential,
  mulSecret,
  scalarToHex,
  seededRandom,
  signBallot,
  type ElectionContext,
} from '../../crypto/index.js';
import { type BallotGate, checkBallot, gateFromEvents } from './check-ballot.js';
import type { BallotBody } from './record-types.js';
import { simulateElection } from './simulate-election.js';

const random = seededRandom('check-ballot');
const ctx: ElectionContext = {
  F: new Uint8Array(32).fill(3),
  Y: elem(mulSecret(G, 77n)),
  base: 11n,
};
const voter = generateCredential(random);
const stranger = generateCredential(random);
const gate: BallotGate = {
  ctx,
  credentialStyle: new Map([[voter.public.hex, 'all']]),
  styles: new Map([['all', ['p1', 'p2']]]),
};
const { ballot } = encryptBallot(
  ctx,
  voter.public,
  { id: 'all', persons: ['p1', 'p2'] },
  ['high', 'low'],
  random,
);
const signed = signBallot(ctx, ballot, voter, random);

describe('checkBallot (the server gate)', () => {
  it('accepts a signed, well-formed ballot and returns its digest and tracker', () => {
    const r = checkBallot(gate, signed, random);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.tracker).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
  });

  it('refuses with a stable code for each kind of fault', () => {
    const code = (b: unknown, audit = false) => {
      const r = checkBallot(gate, b as typeof signed, random, { audit });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code(null)).toBe('ballot_malformed');
    expect(code({ ...signed, credential: stranger.public.hex })).toBe('credential_unknown');
    expect(code({ ...signed, style: 'other' })).toBe('style_mismatch');
    expect(code({ ...signed, lines: signed.lines.slice(1) })).toBe('lines_mismatch');
    expect(
      code({
        ...signed,
        lines: [{ ...signed.lines[0]!, alpha: 'f'.repeat(64) }, signed.lines[1]!],
      }),
    ).toBe('encoding_invalid');
    expect(code(ballot)).toBe('signature_missing');
    expect(code({ ...signed, signature: { ...signed.signature!, s: scalarToHex(1n) } })).toBe(
      'signature_invalid',
    );
    const badProof = structuredClone(ballot);
    badProof.lines[0]!.proof.z[0] = badProof.lines[0]!.proof.z[1]!;
    expect(code(signBallot(ctx, badProof, voter, random))).toBe('proof_invalid');
  });

  it('an audited ballot may be unsigned', () => {
    expect(checkBallot(gate, ballot, random, { audit: true }).ok).toBe(true);
  });
});

describe('gateFromEvents', () => {
  it('rebuilds the gate from a record: its ballots pass, and nothing before the key exists', async () => {
    const record = await simulateElection({
      voters: 3,
      persons: 2,
      trustees: 2,
      threshold: 1,
      random: seededRandom('gate'),
    });
    const g = gateFromEvents(record.events)!;
    for (const e of record.events.filter((x) => x.type === 'ballot')) {
      expect(checkBallot(g, (e.body as BallotBody).ballot, random).ok).toBe(true);
    }
    expect(gateFromEvents(record.events.slice(0, 3))).toBeUndefined();
  });
});
