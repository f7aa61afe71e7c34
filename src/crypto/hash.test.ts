import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { L } from './group.js';
import { digest, hashParts, hashToScalar, u32, useNativeSha, utf8 } from './hash.js';
import { seededRandom } from './random.js';

describe('domain-separated hashing (spec §3)', () => {
  it('separates tags and part boundaries', () => {
    const a = hashParts('tinnhiem/v1/x', [utf8('ab'), utf8('c')]);
    const b = hashParts('tinnhiem/v1/x', [utf8('a'), utf8('bc')]);
    const c = hashParts('tinnhiem/v1/y', [utf8('ab'), utf8('c')]);
    expect(bytesToHex(a)).not.toBe(bytesToHex(b));
    expect(bytesToHex(a)).not.toBe(bytesToHex(c));
    expect(digest('t', [])).toHaveLength(32);
    expect(hashToScalar('t', [utf8('x')]) < L).toBe(true);
  });
  it('matches independent SHA-512 and SHA-256 (WebCrypto) over the byte layout of spec §3', async () => {
    const tag = new TextEncoder().encode('tinnhiem/v1/test');
    const part = new TextEncoder().encode('ab');
    const layout = new Uint8Array([0, 0, 0, tag.length, ...tag, 0, 0, 0, 2, ...part]);
    const expected = new Uint8Array(await crypto.subtle.digest('SHA-512', layout));
    expect(bytesToHex(hashParts('tinnhiem/v1/test', [part]))).toBe(bytesToHex(expected));
    const expected256 = new Uint8Array(await crypto.subtle.digest('SHA-256', layout));
    expect(bytesToHex(digest('tinnhiem/v1/test', [part]))).toBe(bytesToHex(expected256));
  });
  it("gives the same digests with Node's SHA-2 and with @noble/hashes (the browser's)", () => {
    const random = seededRandom('hash-backends');
    expect(useNativeSha(true)).toBe(true);
    for (const size of [0, 1, 55, 56, 63, 64, 111, 112, 127, 128, 1000, 100_000]) {
      const part = random(size);
      const native = [bytesToHex(hashParts('t', [part])), bytesToHex(digest('t', [part]))];
      useNativeSha(false);
      try {
        expect([bytesToHex(hashParts('t', [part])), bytesToHex(digest('t', [part]))]).toEqual(
          native,
        );
      } finally {
        useNativeSha(true);
      }
    }
  });
  it('encodes u32 big-endian and NFC-normalises text', () => {
    expect([...u32(0x01020304)]).toEqual([1, 2, 3, 4]);
    expect(() => u32(-1)).toThrow(/u32/);
    expect(bytesToHex(utf8('Nguye\u0302\u0303n'))).toBe(bytesToHex(utf8('Nguyễn')));
  });
  it('the seeded DRBG is deterministic and seed-dependent', () => {
    const a = seededRandom('s');
    const b = seededRandom('s');
    expect(bytesToHex(a(100))).toBe(bytesToHex(b(100)));
    expect(bytesToHex(seededRandom('t')(16))).not.toBe(bytesToHex(seededRandom('s')(16)));
  });
});
