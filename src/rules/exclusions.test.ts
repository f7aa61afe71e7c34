import { describe, expect, it } from 'vitest';
import { findExclusions, type ExclusionFacts } from './exclusions.js';
import { NQ85_2014 } from './nq85-2014.js';
import { NQ96_2023 } from './nq96-2023.js';
import { QD96_2023 } from './qd96-2023.js';

const facts = (overrides: Partial<ExclusionFacts> = {}): ExclusionFacts => ({
  retirementNotified: false,
  positionStartDates: ['2020-10-15'],
  illnessLeaveSince: null,
  placesCapReached: false,
  ...overrides,
});
const reasons = (list: { reason: string }[]): string[] => list.map((e) => e.reason);

describe('findExclusions', () => {
  it('excludes a person elected to the Standing Committee in the year of the vote (Lạng Sơn 2023)', () => {
    const found = findExclusions(
      QD96_2023.exclusionReasons,
      facts({ positionStartDates: ['2023-01-05'] }),
      '2023-10-20',
    );
    expect(reasons(found)).toEqual(['appointed-in-vote-year']);
    expect(found[0]?.detail).toContain('2023');
  });

  it('keeps a person who also holds an older position voted on here', () => {
    const found = findExclusions(
      QD96_2023.exclusionReasons,
      facts({ positionStartDates: ['2023-01-05', '2021-06-01'] }),
      '2023-10-20',
    );
    expect(found).toEqual([]);
  });

  it('excludes a person already voted on at two places (QĐ 96 Điều 1 k3)', () => {
    const found = findExclusions(
      QD96_2023.exclusionReasons,
      facts({ placesCapReached: true }),
      '2023-10-20',
    );
    expect(reasons(found)).toEqual(['voted-at-max-places']);
  });

  it('excludes a notified retirement under every 2023 rule', () => {
    for (const rules of [QD96_2023, NQ96_2023]) {
      expect(
        reasons(
          findExclusions(rules.exclusionReasons, facts({ retirementNotified: true }), '2023-10-20'),
        ),
      ).toEqual(['retirement-notified']);
    }
  });

  it('counts six consecutive months of illness leave to the day, under NQ 96/2023 only', () => {
    const sick = facts({ illnessLeaveSince: '2023-03-31' });
    expect(reasons(findExclusions(NQ96_2023.exclusionReasons, sick, '2023-09-30'))).toEqual([
      'serious-illness',
    ]);
    expect(findExclusions(NQ96_2023.exclusionReasons, sick, '2023-09-29')).toEqual([]);
    expect(findExclusions(QD96_2023.exclusionReasons, sick, '2023-12-31')).toEqual([]);
  });

  it('applies the nine-month rule of NQ 85/2014 to the session opening', () => {
    const recent = facts({ positionStartDates: ['2018-02-01'] });
    expect(reasons(findExclusions(NQ85_2014.exclusionReasons, recent, '2018-10-31'))).toEqual([
      'in-office-under-9-months',
    ]);
    expect(findExclusions(NQ85_2014.exclusionReasons, recent, '2018-11-01')).toEqual([]);
  });
});
