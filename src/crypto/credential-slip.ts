// The credential as printed on a voter's slip: 128 random bits in Crockford base32 with a check (spec §6.1).
import { type Credential, credentialFromSecret } from './credential.js';
import { TAGS, hashToScalar } from './hash.js';
import type { RandomSource } from './random.js';
import { type Result, err, ok } from './result.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of the 128-bit seed (26 × 5 = 130 bits, the top 2 bits zero). */
const SEED_CHARS = 26;
/** Check characters: Σ (i + 1)·v_i mod 1021 over the seed characters, in two base32 characters. */
const CHECK_CHARS = 2;
/** A prime above 26 × 31 differences and below 32²: every single substitution and every swap of two
 * different neighbours changes the weighted sum modulo it. */
const CHECK_MODULUS = 1021;

/** Why a typed slip is refused. */
export type SlipError = { code: 'slip_malformed' | 'slip_checksum' };

function toBase32(bytes: Uint8Array, chars: number): string {
  let x = 0n;
  for (const b of bytes) x = (x << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < chars; i++) {
    out = ALPHABET[Number(x & 31n)]! + out;
    x >>= 5n;
  }
  return out;
}

function check(seedChars: string): string {
  let sum = 0;
  for (let i = 0; i < seedChars.length; i++) sum += (i + 1) * ALPHABET.indexOf(seedChars[i]!);
  const v = sum % CHECK_MODULUS;
  return ALPHABET[v >> 5]! + ALPHABET[v & 31]!;
}

/** Groups of four characters joined by '-', for printing and reading aloud. */
function group(s: string): string {
  return s.match(/.{1,4}/g)!.join('-');
}

/** Draws a new slip: 26 base32 characters of seed and 2 of check, grouped by four (spec §6.1). */
export function generateSlip(random: RandomSource): string {
  const chars = toBase32(random(16), SEED_CHARS);
  return group(chars + check(chars));
}

/**
 * Reads a typed slip: case, spaces and dashes are ignored, and I, L → 1, O → 0 (Crockford). Returns
 * the 16-byte seed, or why the slip is refused: any one mistyped character and any swap of two
 * neighbours is caught.
 */
export function parseSlip(text: string): Result<Uint8Array, SlipError> {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (clean.length !== SEED_CHARS + CHECK_CHARS || [...clean].some((c) => !ALPHABET.includes(c))) {
    return err({ code: 'slip_malformed' });
  }
  let x = 0n;
  for (const c of clean.slice(0, SEED_CHARS)) x = (x << 5n) | BigInt(ALPHABET.indexOf(c));
  if (x >> 128n !== 0n) return err({ code: 'slip_malformed' });
  const seed = new Uint8Array(16);
  for (let i = 15; i >= 0; i--) {
    seed[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return clean.slice(SEED_CHARS) === check(clean.slice(0, SEED_CHARS))
    ? ok(seed)
    : err({ code: 'slip_checksum' });
}

/** p = Hs(T_credential; F, seed): the credential of a slip in one election (spec §6.1). */
export function credentialFromSlip(F: Uint8Array, seed: Uint8Array): Credential {
  let p = hashToScalar(TAGS.credential, [F, seed]);
  if (p === 0n) p = 1n; // probability 2^-252; keeps the secret in [1, L)
  return credentialFromSecret(p);
}
