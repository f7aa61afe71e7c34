// The key ceremony digest that every trustee acknowledges in `election_key` (spec §8.5).
import { TAGS, canonicalJsonBytes, digest } from '../../crypto/index.js';
import type { ElectionKeyBody, RecordEvent } from './record-types.js';

/** The part of `election_key` that trustees sign: everything but the acknowledgements. */
export type ElectionKeyStatement = Omit<ElectionKeyBody, 'acknowledgements'>;

/**
 * M = D(T_ceremony; canonicalJSON({ transcript, key })) where transcript lists the bodies of the
 * trustee_key, dkg_commitment and dkg_complaint events in record order (spec §8.5).
 */
export function keyCeremonyDigest(
  events: readonly Pick<RecordEvent, 'type' | 'body'>[],
  key: ElectionKeyStatement,
): Uint8Array {
  const transcript = events
    .filter(
      (e) => e.type === 'trustee_key' || e.type === 'dkg_commitment' || e.type === 'dkg_complaint',
    )
    .map((e) => e.body);
  const { publicKey, qualified, verificationKeys } = key;
  return digest(TAGS.keyCeremony, [
    canonicalJsonBytes({ transcript, key: { publicKey, qualified, verificationKeys } }),
  ]);
}
