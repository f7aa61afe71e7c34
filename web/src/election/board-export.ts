// The public board of trackers (spec §7.3) as a voter searches it and as a file to download.

import type { ElectionBoardDto } from '../../../src/server/routes/election-schemas.js';

/** A tracker as typed: lower case, hex digits only ("3F9A 01c2-77de" → "3f9a01c277de"). */
export function trackerDigits(text: string): string {
  return text.toLowerCase().replace(/[^0-9a-f]/g, '');
}

/** The board's ballots whose tracker contains the typed digits (all of them for an empty query). */
export function searchBoard(
  ballots: ElectionBoardDto['ballots'],
  query: string,
): ElectionBoardDto['ballots'] {
  const want = trackerDigits(query);
  if (want === '') return ballots;
  return ballots.filter((b) => trackerDigits(b.tracker).includes(want));
}

/** The board as CSV (RFC 4180, CRLF): seq,tracker,kind in record order (the head hash is in the JSON). */
export function boardCsv(board: ElectionBoardDto): string {
  const rows = ['seq,tracker,kind', ...board.ballots.map((b) => `${b.seq},${b.tracker},${b.kind}`)];
  return `${rows.join('\r\n')}\r\n`;
}
