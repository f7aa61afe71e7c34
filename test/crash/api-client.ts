// A minimal HTTP client for the crash test: one session (cookie + CSRF token) that survives server restarts,
// since sessions live in the store.

/** A signed-in caller of a running server. */
export class ApiClient {
  cookie: string | null = null;
  csrf = 'anonymous';
  constructor(public url: string) {}

  /** Sends JSON; returns the status and the parsed body (null when not JSON). */
  async send(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { origin: this.url, 'x-csrf-token': this.csrf };
    if (this.cookie !== null) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal === undefined ? {} : { signal }),
    });
    const set = res.headers.get('set-cookie');
    const m = set && /tinnhiem_session=([^;]*)/.exec(set);
    if (m) this.cookie = m[1] === '' ? null : `tinnhiem_session=${m[1]}`;
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed };
  }

  /** Like send, but throws unless the status is `expect`. */
  async must<T>(method: string, path: string, body?: unknown, expect = 200): Promise<T> {
    const r = await this.send(method, path, body);
    if (r.status !== expect)
      throw new Error(
        `${method} ${path}: expected ${expect}, got ${r.status} ${JSON.stringify(r.body)}`,
      );
    return r.body as T;
  }

  /** Signs in with a password. */
  async login(username: string, password: string): Promise<void> {
    const r = await this.must<{ csrfToken: string }>('POST', '/api/auth/login', {
      username,
      password,
    });
    this.csrf = r.csrfToken;
  }
}
