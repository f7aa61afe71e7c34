// The election fingerprint F bound into every proof (spec §3.1).
import { TAGS, canonicalJsonBytes, digest } from '../../crypto/index.js';
import type { Manifest } from './record-types.js';

/** F = D(T_fp; canonicalJSON(manifest)) (spec §3.1). */
export function electionFingerprint(manifest: Manifest): Uint8Array {
  return digest(TAGS.fingerprint, [canonicalJsonBytes(manifest)]);
}

/** B = maxVoters + 1 (spec §7.1). */
export function ballotBase(manifest: Manifest): bigint {
  return BigInt(manifest.maxVoters) + 1n;
}
