// The booth's paths (the public election API, its live stream, the booth page): there the server neither
// reads the caller's session nor writes a request-log line, so nothing it keeps times or names a ballot.

const PUBLIC_ELECTION = /^\/api\/public\/conferences\/[^/]+\/(election(\/|$)|live$)/;
const BOOTH_PAGE = /^\/booth(\/|$)/;

/**
 * A request of the public election API (overview, booth, ballots, audits, board, progress, record) or
 * of the public live stream. Its routes are public; reading the session would touch the voter's
 * `last_seen_at` as they scan a slip or cast, and the order of those times is the order of the ballots.
 */
export function isPublicElectionPath(path: string): boolean {
  return PUBLIC_ELECTION.test(path);
}

/**
 * A path the request log leaves out: the public election API, its live stream and the booth page. A
 * line per scan, cast or look at the board is a clock time per ballot, in the record's order (threat
 * model G12).
 */
export function isUnloggedPath(path: string): boolean {
  return PUBLIC_ELECTION.test(path) || BOOTH_PAGE.test(path);
}
