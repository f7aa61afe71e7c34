// The electronic-voting calls of the organiser's panel and the public board (issue 7), one function per
// route of src/server/routes/election-organiser.ts, election-ceremony.ts and election-public.ts.

import type {
  BoothInfoDto,
  ElectionBoardDto,
  ElectionOverviewDto,
  ElectionProgressDto,
  ElectronicCountsDto,
} from '../../../src/server/routes/election-schemas.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const org = (id: string) => `/api/conferences/${enc(id)}/election`;
const pub = (id: string) => `/api/public/conferences/${enc(id)}/election`;

/** Where the public record of a conference downloads (`tinnhiem verify` reads it). */
export const recordUrl = (id: string): string => `${pub(id)}/record.json`;
/** The route that restarts the key ceremony (the organiser's panel and the trustee page). */
export const ceremonyRestartPath = (id: string): string => `${org(id)}/ceremony/restart`;
/** Where the public board downloads as JSON. */
export const boardUrl = (id: string): string => `${pub(id)}/board`;

/** The election API of the panel and the board. */
export const electionApi = {
  overview: (id: string) => request<ElectionOverviewDto>('GET', pub(id)),
  create: (id: string, threshold: number) =>
    request<ElectionOverviewDto>('POST', org(id), { threshold }),
  registerCredentials: (
    id: string,
    credentials: readonly { readonly credential: string; readonly style: string }[],
  ) => request<ElectionOverviewDto>('POST', `${org(id)}/credentials`, { credentials }),
  open: (id: string) => request<ElectionOverviewDto>('POST', `${org(id)}/open`, { open: true }),
  voidCredentials: (id: string, credentials: readonly string[]) =>
    request<ElectionOverviewDto>('POST', `${org(id)}/void`, { credentials }),
  close: (id: string) => request<ElectionOverviewDto>('POST', `${org(id)}/close`, { close: true }),
  restartCeremony: (id: string, ceremony: number) =>
    request<ElectionOverviewDto>('POST', ceremonyRestartPath(id), { ceremony }),
  booth: (id: string, credential?: string) =>
    request<BoothInfoDto>(
      'GET',
      `${pub(id)}/booth${credential === undefined ? '' : `?credential=${credential}`}`,
    ),
  board: (id: string) => request<ElectionBoardDto>('GET', boardUrl(id)),
  counts: (id: string) => request<ElectronicCountsDto>('GET', `${org(id)}/counts`),
  progress: (id: string) => request<ElectionProgressDto>('GET', `${pub(id)}/progress`),
};
