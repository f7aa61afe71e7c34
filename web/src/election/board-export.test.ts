// The public board: a voter's search by a tracker however typed, and the CSV download.

import { describe, expect, it } from 'vitest';
import type { ElectionBoardDto } from '../../../src/server/routes/election-schemas.js';
import { boardCsv, searchBoard, trackerDigits } from './board-export.js';

const board: ElectionBoardDto = {
  status: 'voting',
  head: 'ab'.repeat(32),
  ballots: [
    { seq: 7, tracker: '3f9a-01c2-77de-b410', kind: 'audited' },
    { seq: 8, tracker: '3f9a-01c2-77de-b410', kind: 'cast' },
    { seq: 9, tracker: '0000-1111-2222-3333', kind: 'cast' },
  ],
};

describe('board search', () => {
  it('finds a tracker typed in upper case, with spaces or without dashes', () => {
    expect(trackerDigits(' 3F9A 01c2-77DE ')).toBe('3f9a01c277de');
    expect(searchBoard(board.ballots, '3F9A 01C2').map((b) => b.seq)).toEqual([7, 8]);
    expect(searchBoard(board.ballots, '1111-2222').map((b) => b.seq)).toEqual([9]);
    expect(searchBoard(board.ballots, 'ffff')).toEqual([]);
    expect(searchBoard(board.ballots, '  ')).toEqual(board.ballots);
  });
});

describe('boardCsv', () => {
  it('writes seq, tracker and kind in record order with CRLF', () => {
    expect(boardCsv(board)).toBe(
      'seq,tracker,kind\r\n7,3f9a-01c2-77de-b410,audited\r\n8,3f9a-01c2-77de-b410,cast\r\n9,0000-1111-2222-3333,cast\r\n',
    );
    expect(boardCsv({ ...board, ballots: [] })).toBe('seq,tracker,kind\r\n');
  });
});
