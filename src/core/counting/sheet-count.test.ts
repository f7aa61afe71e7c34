import { describe, expect, it } from 'vitest';
import { countSheet, isEntryComplete, marksOfKeys, type SheetRecord } from './sheet-count.js';

const lines = [
  { subjectId: 's1', personId: 'p1', fullName: 'Lê Văn A', title: 'Bí thư' },
  { subjectId: 's2', personId: 'p2', fullName: 'Trần Thị B', title: 'Phó Bí thư' },
];
const accounting = { issued: 3, collected: 3, spoiledExchanged: 0 };
const both = (n: number, marks: string, isVoid = false) =>
  (['a', 'b'] as const).map((slot) => ({ ballotNumber: n, slot, void: isVoid, marks }));

describe('countSheet', () => {
  it('counts agreed ballots line by line; a void ballot is invalid on every line', () => {
    const record: SheetRecord = {
      sheetId: 'all',
      lines,
      accounting,
      entries: [...both(1, '13'), ...both(2, '2x'), ...both(3, '', true)],
      aggregate: null,
    };
    const result = countSheet(record);
    expect(result.blockers).toEqual([]);
    expect(result.counts?.persons.map((p) => p.counts)).toEqual([
      { high: 1, confidence: 1, low: 0, invalid: 1 },
      { high: 0, confidence: 0, low: 1, invalid: 2 },
    ]);
  });

  it('counts nothing while a ballot is half-typed, entered once, or read differently', () => {
    const record: SheetRecord = {
      sheetId: 'all',
      lines,
      accounting,
      entries: [
        ...both(1, '1'),
        { ballotNumber: 2, slot: 'a', void: false, marks: '11' },
        { ballotNumber: 3, slot: 'a', void: false, marks: '11' },
        { ballotNumber: 3, slot: 'b', void: false, marks: '12' },
      ],
      aggregate: null,
    };
    const result = countSheet(record);
    expect(result.counts).toBeNull();
    expect(result.blockers.map((b) => b.code)).toEqual(['entries_differ', 'entries_missing']);
    expect(result.reconciliation?.differences.map((d) => d.ballotNumber)).toEqual([2, 3]);
    expect(result.reconciliation?.missing).toEqual([1]);
  });

  it('checks an aggregate against the ballots collected, and needs the accounting', () => {
    const aggregate = [
      { subjectId: 's1', high: 3, confidence: 0, low: 0, invalid: 0 },
      { subjectId: 's2', high: 1, confidence: 1, low: 0, invalid: 0 },
    ];
    const bad = countSheet({ sheetId: 'x', lines, accounting, entries: [], aggregate });
    expect(bad.blockers.map((b) => b.code)).toEqual(['aggregate_mismatch']);
    const none = countSheet({ sheetId: 'x', lines, accounting: null, entries: [], aggregate });
    expect(none.blockers.map((b) => b.code)).toEqual(['accounting_missing']);
  });

  it('reads entry keys and knows a finished entry', () => {
    expect(marksOfKeys('1230x')).toEqual(['high', 'confidence', 'low', 'none', 'several']);
    expect(marksOfKeys('1v')).toBeNull();
    expect(isEntryComplete({ void: false, marks: '1' }, 2)).toBe(false);
    expect(isEntryComplete({ void: true, marks: '' }, 2)).toBe(true);
  });
});
