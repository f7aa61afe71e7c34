import { describe, expect, it } from 'vitest';
import { credentialFromSlip, generateSlip, parseSlip } from './credential-slip.js';
import { seededRandom } from './random.js';

const F = new Uint8Array(32).fill(8);

describe('credential slips (spec §6.1)', () => {
  it('prints 28 characters in groups of four and reads them back', () => {
    const random = seededRandom('slip');
    for (let k = 0; k < 20; k++) {
      const slip = generateSlip(random);
      expect(slip).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
      const seed = parseSlip(slip);
      expect(seed.ok).toBe(true);
      const again = parseSlip(
        slip.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o'),
      );
      expect(again).toEqual(seed);
    }
  });

  it('catches every mistyped character and every swap of neighbours', () => {
    const slip = generateSlip(seededRandom('typos')).replace(/-/g, '');
    const symbols = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let pos = 0; pos < slip.length; pos++) {
      for (const c of symbols) {
        if (slip[pos] === c) continue;
        expect(parseSlip(slip.slice(0, pos) + c + slip.slice(pos + 1)).ok).toBe(false);
      }
      if (pos + 1 < slip.length && slip[pos] !== slip[pos + 1]) {
        const swapped = slip.slice(0, pos) + slip[pos + 1]! + slip[pos]! + slip.slice(pos + 2);
        expect(parseSlip(swapped).ok).toBe(false);
      }
    }
    expect(parseSlip('short')).toEqual({ ok: false, error: { code: 'slip_malformed' } });
  });

  it('derives one credential per slip and election', () => {
    const seed = parseSlip(generateSlip(seededRandom('x')));
    if (!seed.ok) throw new Error('slip refused');
    const a = credentialFromSlip(F, seed.value);
    expect(credentialFromSlip(F, seed.value).public.hex).toBe(a.public.hex);
    expect(credentialFromSlip(new Uint8Array(32), seed.value).public.hex).not.toBe(a.public.hex);
  });
});
