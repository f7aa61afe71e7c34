// The trustee's share of the count (issue 7 §5, spec §9): D_j = x_j α for every person's total, each
// with its Chaum–Pedersen proof, person by person so a slow phone can show progress. Pure.

import {
  type RandomSource,
  elemFromHex,
  hexToBytes,
  partialDecrypt,
  scalarFromHex,
} from '../../../src/crypto/index.js';
import type { TrusteeViewDto } from '../../../src/server/routes/election-schemas.js';

/** What the decryption needs (strings only: it crosses the worker boundary). */
export interface PartialRequest {
  readonly fingerprint: string;
  readonly trustee: number;
  /** x_j, 64 hex. */
  readonly share: string;
  /** X_j, 64 hex. */
  readonly verificationKey: string;
  readonly tally: readonly Pick<NonNullable<TrusteeViewDto['tally']>[number], 'person' | 'alpha'>[];
}

/** The body of POST …/trustee/partial. */
export interface PartialBody {
  readonly trustee: number;
  readonly partials: { person: string; D: string; proof: { P: string; Q: string; s: string } }[];
}

/** Decrypts my part of every total, in the tally's (= the manifest's) order, as the server expects. */
export function decryptTally(
  request: PartialRequest,
  random: RandomSource,
  onProgress: (done: number, total: number) => void = () => {},
): PartialBody {
  const F = hexToBytes(request.fingerprint);
  const x = scalarFromHex(request.share);
  const X = elemFromHex(request.verificationKey);
  if (x === undefined || !X) throw new Error('decryptTally: the share or its key is malformed');
  const partials = request.tally.map((line, k) => {
    const alpha = elemFromHex(line.alpha);
    if (!alpha) throw new Error(`decryptTally: the total of ${line.person} is not a point`);
    const p = partialDecrypt(F, request.trustee, line.person, x, X, alpha, random);
    onProgress(k + 1, request.tally.length);
    return { person: line.person, ...p };
  });
  return { trustee: request.trustee, partials };
}
