import { describe, expect, it } from 'vitest';
import {
  G,
  L,
  ZERO,
  commitmentElem,
  commitmentFromHex,
  elemFromHex,
  mulSecret,
  scalarFromHex,
  scalarToHex,
} from './group.js';

describe('encodings (spec §2.2)', () => {
  it('round-trips scalars and rejects values ≥ L', () => {
    const s = L - 5n;
    expect(scalarFromHex(scalarToHex(s))).toBe(s);
    const hexL = scalarToHex(0n).replace(/^.*/, () => {
      const bytes: string[] = [];
      let v = L;
      for (let i = 0; i < 32; i++) {
        bytes.push(
          Number(v & 0xffn)
            .toString(16)
            .padStart(2, '0'),
        );
        v >>= 8n;
      }
      return bytes.join('');
    });
    expect(scalarFromHex(hexL)).toBeUndefined();
    expect(scalarFromHex('zz')).toBeUndefined();
  });

  it('decodes canonical points and rejects others', () => {
    const P = elemFromHex(mulSecret(G, 7n).toHex())!;
    expect(P.point.equals(mulSecret(G, 7n))).toBe(true);
    expect(elemFromHex('0'.repeat(64))!.point.is0()).toBe(true);
    // all-ones is not a canonical field element
    expect(elemFromHex('f'.repeat(64))).toBeUndefined();
    expect(elemFromHex(P.hex.toUpperCase())).toBeUndefined();
  });

  it('round-trips commitments and rejects points off the curve', () => {
    const P = mulSecret(G, 123456789n);
    const c = commitmentElem(P);
    expect(c.hex).toHaveLength(128);
    const back = commitmentFromHex(c.hex)!;
    expect(back.point.equals(P)).toBe(true);
    const off = c.hex.slice(0, 127) + (c.hex.endsWith('0') ? '1' : '0');
    expect(commitmentFromHex(off)).toBeUndefined();
    expect(commitmentFromHex(c.hex.slice(2))).toBeUndefined();
    expect(commitmentFromHex(commitmentElem(ZERO).hex)!.point.is0()).toBe(true);
  });
});
