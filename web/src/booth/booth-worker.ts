// The booth's Web Worker: seals a ballot off the page's thread and reports progress per line, so the
// page stays responsive on a slow phone. Messages: in `SealRequest`, out `SealProgress` then `SealReply`.

import type { BallotStyle, LineChoice } from '../../../src/crypto/index.js';
import { systemRandom } from '../../../src/crypto/index.js';
import {
  sealBallot,
  type BoothElection,
  type SealedBallot,
  type SealError,
} from './seal-ballot.js';

/** What the page asks. */
export interface SealRequest {
  readonly election: BoothElection;
  readonly slip: string;
  readonly style: BallotStyle;
  readonly choices: readonly LineChoice[];
}

/** Progress after each line. */
export interface SealProgress {
  readonly kind: 'progress';
  readonly done: number;
  readonly total: number;
}

/** The sealed ballot, or why not. */
export type SealReply =
  | { readonly kind: 'sealed'; readonly ballot: SealedBallot }
  | { readonly kind: 'error'; readonly error: SealError | 'internal' };

const post = (message: SealProgress | SealReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<SealRequest>) => {
  const { election, slip, style, choices } = event.data;
  try {
    const sealed = sealBallot(election, slip, style, choices, systemRandom, (done, total) =>
      post({ kind: 'progress', done, total }),
    );
    post(
      sealed.ok ? { kind: 'sealed', ballot: sealed.value } : { kind: 'error', error: sealed.error },
    );
  } catch {
    post({ kind: 'error', error: 'internal' });
  }
};
