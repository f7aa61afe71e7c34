// The trustee page's Web Worker: computes the partial decryption off the page's thread (it grows with the
// number of persons voted on), reporting progress per person. In `PartialRequest`, out progress then reply.

import { systemRandom } from '../../../src/crypto/index.js';
import { decryptTally, type PartialBody, type PartialRequest } from './partial-decryption.js';

/** Progress after each person. */
export interface PartialProgress {
  readonly kind: 'progress';
  readonly done: number;
  readonly total: number;
}

/** The partial decryption, or that it failed. */
export type PartialReply =
  { readonly kind: 'done'; readonly body: PartialBody } | { readonly kind: 'error' };

const post = (message: PartialProgress | PartialReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<PartialRequest>) => {
  try {
    const body = decryptTally(event.data, systemRandom, (done, total) =>
      post({ kind: 'progress', done, total }),
    );
    post({ kind: 'done', body });
  } catch {
    post({ kind: 'error' });
  }
};
