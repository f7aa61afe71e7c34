// The trustee page's calls: its view and posts (election-trustee.ts), the restart of the key ceremony
// (election-ceremony.ts), the public overview for everyone's progress, and the partial decryption in a worker.

import type {
  ElectionOverviewDto,
  TrusteeViewDto,
} from '../../../src/server/routes/election-schemas.js';
import { ceremonyRestartPath } from '../api/election-api.js';
import { request, type ApiResult } from '../api/client.js';
import type { PartialBody, PartialRequest } from './partial-decryption.js';
import type { PartialProgress, PartialReply } from './trustee-worker.js';

/** The answer of a trustee post. */
export interface Posted {
  readonly status: TrusteeViewDto['status'];
  readonly replayed: boolean;
}

const enc = encodeURIComponent;
const mine = (id: string) => `/api/conferences/${enc(id)}/election/trustee`;

/** The trustee routes of one conference. */
export const trusteeApi = {
  view: (id: string) => request<TrusteeViewDto>('GET', mine(id)),
  overview: (id: string) =>
    request<ElectionOverviewDto>('GET', `/api/public/conferences/${enc(id)}/election`),
  /** A post names the key ceremony it was made for: one made before a restart is refused. */
  post: (
    id: string,
    step: 'key' | 'commitment' | 'check' | 'acknowledgement' | 'partial',
    body: unknown,
    ceremony?: number,
  ) =>
    request<Posted>(
      'POST',
      `${mine(id)}/${step}${ceremony === undefined ? '' : `?ceremony=${ceremony}`}`,
      body,
    ),
  restart: (id: string, ceremony: number) =>
    request<ElectionOverviewDto>('POST', ceremonyRestartPath(id), { ceremony }),
} satisfies Record<string, (...args: never[]) => Promise<ApiResult<unknown>>>;

/** Computes the partial decryption in a fresh worker (terminated after), with progress per person. */
export function decryptInWorker(
  req: PartialRequest,
  onProgress: (done: number, total: number) => void,
): Promise<PartialBody | null> {
  const worker = new Worker(new URL('./trustee-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<PartialProgress | PartialReply>) => {
      const m = event.data;
      if (m.kind === 'progress') return onProgress(m.done, m.total);
      worker.terminate();
      resolve(m.kind === 'done' ? m.body : null);
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(null);
    };
    worker.postMessage(req);
  });
}
