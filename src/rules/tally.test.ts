import { describe, expect, it } from 'vitest';
import { NQ85_2014 } from './nq85-2014.js';
import { NQ96_2023 } from './nq96-2023.js';
import { QD96_2023 } from './qd96-2023.js';
import { tallyCounts, type TallyCounts } from './tally.js';

const vinhPhuc: TallyCounts = {
  ballotsIssued: 47,
  ballotsCollected: 47,
  persons: [
    { name: 'Lê Duy Thành', position: 'Chủ tịch UBND tỉnh', high: 19, confidence: 2, low: 25 },
  ],
};

describe('tallyCounts', () => {
  it('takes percentages of ballots collected even when a line is blank (Vĩnh Phúc 2023)', () => {
    const result = tallyCounts(NQ96_2023, vinhPhuc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [person] = result.value.persons;
    expect(result.value.base).toEqual({ kind: 'ballotsCollected', value: 47 });
    expect(person?.low).toEqual({ count: 25, percent: '53.19' });
    expect(person?.validLines).toBe(46);
    expect(person?.invalidLines).toBe(1);
    expect(person?.outcome).toBe('over-half-low');
  });

  it('takes percentages of all members under NQ 85/2014', () => {
    const result = tallyCounts(NQ85_2014, {
      ballotsIssued: 475,
      ballotsCollected: 475,
      totalMembers: 485,
      persons: [{ name: 'A', position: 'B', high: 323, confidence: 146, low: 6 }],
    });
    expect(result.ok && result.value.persons[0]?.high.percent).toBe('66.60');
    expect(result.ok && result.value.base).toEqual({ kind: 'totalMembers', value: 485 });
  });

  it('lets a plan override the base and the comparator', () => {
    const counts = {
      ...vinhPhuc,
      persons: [{ name: 'A', position: 'B', high: 0, confidence: 0, low: 4 }],
    };
    const six = { ...counts, ballotsIssued: 6, ballotsCollected: 6 };
    const atLeast = tallyCounts(QD96_2023, six);
    const moreThan = tallyCounts(QD96_2023, six, { twoThirdsComparator: 'moreThan' });
    expect(atLeast.ok && atLeast.value.persons[0]?.outcome).toBe('two-thirds-low');
    expect(moreThan.ok && moreThan.value.persons[0]?.outcome).toBe('over-half-low');
  });

  it.each([
    [{ ...vinhPhuc, ballotsCollected: 48 }, 'collected_exceeds_issued', 'ballotsCollected'],
    [{ ...vinhPhuc, ballotsIssued: -1 }, 'invalid_count', 'ballotsIssued'],
    [
      { ...vinhPhuc, persons: [{ name: 'A', position: '', high: 40, confidence: 5, low: 3 }] },
      'counts_exceed_collected',
      'persons[0]',
    ],
    [
      { ...vinhPhuc, persons: [{ name: 'A', position: '', high: 1, confidence: 1.5, low: 3 }] },
      'invalid_count',
      'persons[0].confidence',
    ],
    [{ ...vinhPhuc, ballotsIssued: 0, ballotsCollected: 0 }, 'empty_base', 'ballotsCollected'],
  ])('refuses bad counts with a code and the field (%#)', (counts, code, field) => {
    const result = tallyCounts(NQ96_2023, counts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.field).toBe(field);
  });

  it('needs the total of members when the base is total members', () => {
    const result = tallyCounts(NQ85_2014, vinhPhuc);
    expect(!result.ok && result.error.code).toBe('missing_total_members');
  });
});
