import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PositionHolding } from '../model/person.js';
import { checkSubjectDecision } from './decide-subject.js';
import { proposeSubjects, type RoundPlace } from './propose-subjects.js';

let nextId = 0;
function holding(
  over: Partial<PositionHolding> & Pick<PositionHolding, 'personId' | 'unitId'>,
): PositionHolding {
  nextId++;
  return {
    id: `h${String(nextId).padStart(4, '0')}`,
    title: `Chức vụ ${nextId}`,
    startDate: '2020-10-15',
    endDate: null,
    placeKind: 'workplace',
    retirementNotified: false,
    illnessLeaveSince: null,
    rank: 10,
    sample: false,
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2023-01-01T00:00:00.000Z',
    ...over,
  };
}

const places: RoundPlace[] = [
  { conferenceId: 'c-tu', unitId: 'tu', kind: 'highest-party-committee' },
  { conferenceId: 'c-hdnd', unitId: 'hdnd', kind: 'peoples-council' },
  { conferenceId: 'c-ca', unitId: 'ca', kind: 'workplace' },
];
const conference = {
  id: 'c-tu',
  unitId: 'tu',
  date: '2023-10-20',
  ruleSetId: 'qd96-2023' as const,
};

describe('proposeSubjects', () => {
  it('excludes a person elected to the Standing Committee in the vote year, and one capped at two places', () => {
    const holdings = [
      holding({ personId: 'bi-thu', unitId: 'tu', title: 'Bí thư Tỉnh ủy', rank: 1 }),
      holding({
        personId: 'chq',
        unitId: 'tu',
        title: 'Ủy viên BTV, Chỉ huy trưởng',
        startDate: '2023-03-01',
        rank: 20,
      }),
      holding({
        personId: 'chq',
        unitId: 'qs',
        title: 'Chỉ huy trưởng Bộ CHQS tỉnh',
        startDate: '2019-01-01',
      }),
      holding({ personId: 'gd-ca', unitId: 'tu', title: 'Ủy viên BTV Tỉnh ủy', rank: 30 }),
      holding({ personId: 'gd-ca', unitId: 'hdnd', title: 'Ủy viên UBND tỉnh' }),
      holding({ personId: 'gd-ca', unitId: 'ca', title: 'Giám đốc Công an tỉnh' }),
    ];
    const proposals = proposeSubjects({
      conference,
      roundPlaces: places,
      placePriority: ['peoples-council', 'workplace', 'highest-party-committee'],
      holdings,
    });
    expect(
      proposals.map((p) => [p.personId, p.proposal, p.exclusions.map((e) => e.reason)]),
    ).toEqual([
      ['bi-thu', 'vote', []],
      ['chq', 'exclude', ['appointed-in-vote-year']],
      ['gd-ca', 'exclude', ['voted-at-max-places']],
    ]);
    expect(proposals.map((p) => p.order)).toEqual([1, 2, 3]);
  });

  it('keeps the party committee under the default priority (the workplace is dropped instead)', () => {
    const holdings = [
      holding({ personId: 'gd-ca', unitId: 'tu' }),
      holding({ personId: 'gd-ca', unitId: 'hdnd' }),
      holding({ personId: 'gd-ca', unitId: 'ca' }),
    ];
    const here = proposeSubjects({ conference, roundPlaces: places, holdings });
    expect(here[0]?.proposal).toBe('vote');
    const atPolice = proposeSubjects({
      conference: { ...conference, id: 'c-ca', unitId: 'ca' },
      roundPlaces: places,
      holdings,
    });
    expect(atPolice[0]?.exclusions.map((e) => e.reason)).toEqual(['voted-at-max-places']);
  });

  it('votes once for several positions under NQ 96/2023, once per position under QĐ 96', () => {
    const holdings = [
      holding({ personId: 'p', unitId: 'hdnd', title: 'Phó Chủ tịch HĐND', rank: 1 }),
      holding({ personId: 'p', unitId: 'hdnd', title: 'Trưởng Ban Pháp chế', rank: 2 }),
    ];
    const state = proposeSubjects({
      conference: { id: 'c-hdnd', unitId: 'hdnd', date: '2023-12-10', ruleSetId: 'nq96-2023' },
      roundPlaces: places,
      holdings,
    });
    expect(state.map((s) => s.title)).toEqual(['Phó Chủ tịch HĐND, Trưởng Ban Pháp chế']);
    const party = proposeSubjects({
      conference: { id: 'c-hdnd', unitId: 'hdnd', date: '2023-12-10', ruleSetId: 'qd96-2023' },
      roundPlaces: places,
      holdings,
    });
    expect(party.length).toBe(2);
  });

  it('excludes a notified retirement and, under NQ 96/2023, six months of illness leave', () => {
    const holdings = [
      holding({ personId: 'a', unitId: 'hdnd', retirementNotified: true }),
      holding({ personId: 'b', unitId: 'hdnd', illnessLeaveSince: '2023-05-01' }),
    ];
    const proposals = proposeSubjects({
      conference: { id: 'c-hdnd', unitId: 'hdnd', date: '2023-12-10', ruleSetId: 'nq96-2023' },
      roundPlaces: places,
      holdings,
    });
    expect(proposals.map((p) => p.exclusions.map((e) => e.reason))).toEqual([
      ['retirement-notified'],
      ['serious-illness'],
    ]);
  });

  it('ignores positions not held on the conference date', () => {
    const holdings = [
      holding({ personId: 'old', unitId: 'tu', endDate: '2022-12-31' }),
      holding({ personId: 'future', unitId: 'tu', startDate: '2024-01-01' }),
    ];
    expect(proposeSubjects({ conference, roundPlaces: places, holdings })).toEqual([]);
  });

  it('property: every held position here is on exactly one line; excluded lines have reasons', () => {
    const arb = fc.array(
      fc.record({
        personId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        unitId: fc.constantFrom('tu', 'hdnd', 'ca'),
        startYear: fc.integer({ min: 2018, max: 2023 }),
        retirementNotified: fc.boolean(),
        ruleSet: fc.constantFrom('qd96-2023' as const, 'nq96-2023' as const),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom('qd96-2023' as const, 'nq96-2023' as const),
        (rows, ruleSetId) => {
          const holdings = rows.map((r) =>
            holding({
              personId: r.personId,
              unitId: r.unitId,
              startDate: `${r.startYear}-06-01`,
              retirementNotified: r.retirementNotified,
            }),
          );
          const proposals = proposeSubjects({
            conference: { ...conference, ruleSetId },
            roundPlaces: places,
            holdings,
          });
          const covered = proposals.flatMap((p) => p.positionHoldingIds).sort();
          expect(covered).toEqual(
            holdings
              .filter((h) => h.unitId === 'tu')
              .map((h) => h.id)
              .sort(),
          );
          for (const p of proposals) {
            expect(p.proposal === 'exclude').toBe(p.exclusions.length > 0);
            if (holdings.some((h) => p.positionHoldingIds.includes(h.id) && h.retirementNotified)) {
              expect(p.proposal).toBe('exclude');
            }
          }
          expect(proposals.map((p) => p.order)).toEqual(proposals.map((_, i) => i + 1));
        },
      ),
    );
  });
});

describe('checkSubjectDecision', () => {
  it('confirms without a reason and requires a written reason to override', () => {
    expect(checkSubjectDecision('exclude', 'exclude', null)).toEqual({
      ok: true,
      value: { decision: 'exclude', overrideReason: null },
    });
    const missing = checkSubjectDecision('exclude', 'vote', '   ');
    expect(missing.ok ? null : missing.error.code).toBe('override_reason_required');
    expect(checkSubjectDecision('vote', 'exclude', ' Đã có quyết định nghỉ hưu ').ok).toBe(true);
  });
});
