// The ballot digest in hex, as listed in the tally's `accepted` (spec §7.3, §11.2).
import { type Ballot, ballotDigest, bytesToHex } from '../../crypto/index.js';

/** Hex of the ballot digest d of spec §7.3. */
export function ballotDigestHex(ballot: Ballot): string {
  return bytesToHex(ballotDigest(ballot));
}
