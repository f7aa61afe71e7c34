// The slip batch: one slip per person summoned per style, codes the booth reads back to the very
// credentials registered, none repeated, registered in an order unrelated to printing.

import { describe, expect, it } from 'vitest';
import {
  credentialFromSlip,
  parseSlip,
  seededRandom,
  systemRandom,
} from '../../../src/crypto/index.js';
import { slipCredential } from '../booth/seal-ballot.js';
import { credentialOfCode, makeSlipBatch, slipCountsPerStyle, slipPlan } from './slip-batch.js';

const F = seededRandom('slip-batch-F')(32);
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('slipCountsPerStyle', () => {
  it('counts participants per ballot style, those without a style on the common ballot', () => {
    const counts = slipCountsPerStyle([
      { ballotStyleId: null },
      { ballotStyleId: 's2' },
      { ballotStyleId: null },
      { ballotStyleId: 's2' },
      { ballotStyleId: null },
      { ballotStyleId: 's3' },
    ]);
    expect(counts).toEqual([
      { style: 'all', count: 3 },
      { style: 's2', count: 2 },
      { style: 's3', count: 1 },
    ]);
    expect(slipCountsPerStyle([])).toEqual([]);
  });
});

describe('slipPlan', () => {
  it('makes no slip for a style that lists nobody voted on, and says how many it leaves out', () => {
    const participants = [
      { ballotStyleId: null },
      { ballotStyleId: 'empty' },
      { ballotStyleId: 's2' },
      { ballotStyleId: 'empty' },
    ];
    expect(slipPlan(participants, new Set(['all', 's2']))).toEqual({
      counts: [
        { style: 'all', count: 1 },
        { style: 's2', count: 1 },
      ],
      skipped: [{ style: 'empty', count: 2 }],
    });
    expect(slipPlan(participants, new Set(['all', 's2', 'empty'])).skipped).toEqual([]);
  });
});

describe('makeSlipBatch', () => {
  const counts = [
    { style: 'all', count: 24 },
    { style: 's2', count: 6 },
  ];
  const batch = makeSlipBatch(F, counts, seededRandom('slip-batch'));

  it('makes exactly the slips asked per style, and as many credentials with the same styles', () => {
    expect(batch.slips.filter((s) => s.style === 'all')).toHaveLength(24);
    expect(batch.slips.filter((s) => s.style === 's2')).toHaveLength(6);
    expect(batch.slips).toHaveLength(30);
    expect(batch.credentials.filter((c) => c.style === 's2')).toHaveLength(6);
    expect(new Set(batch.slips.map((s) => s.code)).size).toBe(30);
    expect(new Set(batch.credentials.map((c) => c.credential)).size).toBe(30);
  });

  it('registers for each slip the credential the booth derives from its code (spec §6.1)', () => {
    const registered = new Map(batch.credentials.map((c) => [c.credential, c.style]));
    for (const slip of batch.slips) {
      const booth = slipCredential({ fingerprint: hex(F) }, slip.code);
      expect(booth.ok).toBe(true);
      if (!booth.ok) continue;
      expect(registered.get(booth.credential)).toBe(slip.style);
      const seed = parseSlip(slip.code);
      if (seed.ok) expect(credentialFromSlip(F, seed.value).public.hex).toBe(booth.credential);
    }
  });

  it('lists the credentials sorted, not in printing order', () => {
    const list = batch.credentials.map((c) => c.credential);
    expect(list).toEqual([...list].sort());
    const printed = batch.slips.map((s) => credentialOfCode(F, s.code));
    expect(printed.map((p) => (p.ok ? p.credential : ''))).not.toEqual(list);
  });

  it('makes codes that mean nothing in another election', () => {
    const other = seededRandom('other-F')(32);
    const code = batch.slips[0]!.code;
    const here = credentialOfCode(F, code);
    const there = credentialOfCode(other, code);
    expect(here.ok && there.ok && here.credential !== there.credential).toBe(true);
  });

  it('draws fresh codes each time from the system source', () => {
    const a = makeSlipBatch(F, [{ style: 'all', count: 3 }], systemRandom);
    const b = makeSlipBatch(F, [{ style: 'all', count: 3 }], systemRandom);
    expect(a.slips.map((s) => s.code)).not.toEqual(b.slips.map((s) => s.code));
  });

  it('refuses a count that is not a whole number ≥ 0', () => {
    expect(() => makeSlipBatch(F, [{ style: 'all', count: -1 }], systemRandom)).toThrow(/≥ 0/);
    expect(() => makeSlipBatch(F, [{ style: 'all', count: 1.5 }], systemRandom)).toThrow(/≥ 0/);
  });
});

describe('credentialOfCode', () => {
  const [slip] = makeSlipBatch(F, [{ style: 'all', count: 1 }], seededRandom('one')).slips;
  it('reads a typed code loosely (case, spaces, dashes) and refuses a typo by its check', () => {
    const exact = credentialOfCode(F, slip!.code);
    const loose = credentialOfCode(F, ` ${slip!.code.toLowerCase().replace(/-/g, ' ')} `);
    expect(exact).toEqual(loose);
    const chars = slip!.code.split('');
    const k = chars.findIndex((c) => c !== '-' && c !== '0');
    chars[k] = chars[k] === '1' ? '2' : '1';
    expect(credentialOfCode(F, chars.join(''))).toEqual({ ok: false, error: 'slip_checksum' });
    expect(credentialOfCode(F, 'ABCD')).toEqual({ ok: false, error: 'slip_malformed' });
  });
});
