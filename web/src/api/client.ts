// The typed fetch of the web app: same-origin credentials, the CSRF header, errors as values with stable codes.

import { err, ok, type Result } from '../../../src/rules/index.js';

/** An API failure as the web app handles it: the server's code (or `network`), its English message, the field. */
export interface ApiProblem {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Imports: every bad row (line, column, code, message — Vietnamese first, as the server words it). */
  readonly problems?: readonly ImportRowProblem[];
}

/** One bad cell of an import file. */
export interface ImportRowProblem {
  readonly line: number;
  readonly column: string;
  readonly code: string;
  readonly message: string;
}

/** What every API call answers: the value, or a problem to show through the message table. */
export type ApiResult<T> = Result<T, ApiProblem>;

let csrfToken = 'anonymous';
const signedOutListeners = new Set<() => void>();

/** Calls `listener` when the server says the session has ended (401); returns the unsubscribe function. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** A 401 for a missing or ended session: the app goes back to the sign-in page, keeping the page asked for. */
function noticeSignedOut(problem: ApiProblem): void {
  if (
    problem.status === 401 &&
    (problem.code === 'session_expired' || problem.code === 'unauthenticated')
  ) {
    for (const listener of signedOutListeners) listener();
  }
}

/** Sets the token sent as X-CSRF-Token (GET /api/auth/session, login and setup answer it). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The token the client currently sends. */
export function currentCsrfToken(): string {
  return csrfToken;
}

function problemOf(status: number, body: unknown): ApiProblem {
  type Body = {
    error?: { code?: unknown; message?: unknown; field?: unknown; problems?: unknown };
  };
  const error = (body as Body | null)?.error;
  if (error && typeof error.code === 'string') {
    return {
      code: error.code,
      message: typeof error.message === 'string' ? error.message : '',
      status,
      ...(typeof error.field === 'string' ? { field: error.field } : {}),
      ...(Array.isArray(error.problems) ? { problems: error.problems as ImportRowProblem[] } : {}),
    };
  }
  return {
    code: status === 404 ? 'not_found' : 'internal_error',
    message: `HTTP ${status}`,
    status,
  };
}

/** Calls the JSON API; a non-2xx answer or a network failure becomes an ApiProblem. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (e) {
    return err({ code: 'network', message: (e as Error).message, status: 0 });
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  if (!response.ok) {
    const problem = problemOf(response.status, json);
    noticeSignedOut(problem);
    return err(problem);
  }
  return ok(json as T);
}

/** Progress of an upload: bytes sent of total; `sent === total` means the server is now processing. */
export interface UploadProgress {
  readonly sent: number;
  readonly total: number;
}

/**
 * Uploads a file's bytes (XMLHttpRequest, because fetch reports no upload progress), with its name in
 * X-File-Name as the server's upload routes expect; the answer is JSON.
 */
export function upload<T>(
  path: string,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  method: 'POST' | 'PUT' = 'POST',
): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name.normalize('NFC')));
    xhr.setRequestHeader('Content-Type', contentTypeOf(file));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) =>
      onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onerror = () => resolve(err({ code: 'network', message: 'upload failed', status: 0 }));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText === '' ? null : JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(ok(json as T));
        return;
      }
      const problem = problemOf(xhr.status, json);
      noticeSignedOut(problem);
      resolve(err(problem));
    };
    xhr.send(file);
  });
}

/** The Content-Type of a file by its name, when the browser does not know it (CSV on some systems). */
export function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx'))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.docx'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (name.endsWith('.pdf')) return 'application/pdf';
  return file.type === '' ? 'application/octet-stream' : file.type;
}
