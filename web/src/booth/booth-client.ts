// The page's side of the booth worker: one promise per ballot, progress through a callback.

import type { SealedBallot, SealError } from './seal-ballot.js';
import type { SealProgress, SealReply, SealRequest } from './booth-worker.js';

/** Seals a ballot in a fresh worker (terminated after), reporting progress per line. */
export function sealInWorker(
  request: SealRequest,
  onProgress: (done: number, total: number) => void,
): Promise<{ ok: true; ballot: SealedBallot } | { ok: false; error: SealError | 'internal' }> {
  const worker = new Worker(new URL('./booth-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<SealProgress | SealReply>) => {
      const m = event.data;
      if (m.kind === 'progress') return onProgress(m.done, m.total);
      worker.terminate();
      resolve(m.kind === 'sealed' ? { ok: true, ballot: m.ballot } : { ok: false, error: m.error });
    };
    worker.onerror = () => {
      worker.terminate();
      resolve({ ok: false, error: 'internal' });
    };
    worker.postMessage(request);
  });
}
