// The booth link printed as a slip's QR code: /booth/<conference>#slip=<code>. The code rides in the
// fragment, which the browser never sends, so it reaches neither the server nor its logs.

/** The booth link of a slip on the room's server `origin`. */
export function boothLink(origin: string, conferenceId: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/booth/${encodeURIComponent(conferenceId)}#slip=${encodeURIComponent(code)}`;
}

/** The slip code in a URL fragment ("#slip=…"), or null. */
export function slipFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('slip');
  return code === null || code.trim() === '' ? null : code.trim();
}

/**
 * What a scanner or a keyboard gave, as a slip code: the code of a booth link, or the text itself
 * (trimmed) when it is not a link with a slip.
 */
export function slipFromText(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  if (/^https?:\/\//i.test(trimmed) && hash >= 0) {
    const code = slipFromFragment(trimmed.slice(hash));
    if (code !== null) return code;
  }
  return trimmed;
}

/** Whether an origin names this machine only (localhost, 127.x, ::1): phones in the room cannot open it. */
export function isLoopbackOrigin(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return false;
  }
  return (
    host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]'
  );
}

/** The origin typed by the organiser, normalised, or null when it is not an http(s) origin. */
export function parseOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
