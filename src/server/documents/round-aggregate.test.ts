import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Round, Unit } from '../../core/model/index.js';
import { roundAggregateSchema } from '../../documents/index.js';
import { PLAN_DEADLINES } from '../../rules/index.js';
import { roundAggregateData, type ReportedConference } from './round-aggregate.js';

const at = '2023-09-01T00:00:00.000Z';
const unit: Unit = {
  id: 'u-tu',
  code: 'TU-MC',
  name: 'Thành ủy Móng Cái',
  parentId: 'u-t',
  kind: 'party-committee',
  sample: true,
  createdAt: at,
  updatedAt: at,
};
const parent: Unit = {
  ...unit,
  id: 'u-t',
  code: 'T-QN',
  name: 'Đảng bộ tỉnh Quảng Ninh',
  parentId: null,
};
const round: Round = {
  id: 'r1',
  plan: { number: '274-KH/TU', date: null, issuingBody: 'Ban Thường vụ Thành ủy' },
  title: 'Lấy phiếu tín nhiệm năm 2023 đối với cán bộ diện Ban Thường vụ Thành ủy quản lý',
  ruleSetId: 'qd96-2023',
  year: 2023,
  unitIds: [],
  deadlines: PLAN_DEADLINES,
  placePriority: ['highest-party-committee', 'peoples-council', 'workplace'],
  sample: true,
  createdAt: at,
  updatedAt: at,
};

describe('roundAggregateData', () => {
  it('reproduces the frozen sample round from the reported results', () => {
    const fixture = roundAggregateSchema.parse(
      JSON.parse(
        readFileSync(
          new URL('../../../test/fixtures/documents/sample-round.json', import.meta.url),
          'utf8',
        ),
      ),
    );
    const reported: ReportedConference[] = fixture.units.map((u) => ({
      unitName: u.name,
      conferenceDate: u.conferenceDate!,
      persons: u.persons.map((p) => ({
        ...p,
        issued: u.ballotsIssued,
        collected: u.ballotsCollected,
      })),
    }));
    const data = roundAggregateData({
      round,
      scopeUnit: unit,
      scopeParent: parent,
      date: '2023-10-20',
      reported,
      notReported: fixture.unitsNotReported,
    });
    expect(roundAggregateSchema.parse(data)).toEqual(fixture);
  });

  it('splits a conference whose persons were on ballots with other figures, one base per group', () => {
    const person = (name: string, issued: number, collected: number) => ({
      name,
      position: 'Ủy viên',
      issued,
      collected,
      high: 1,
      confidence: 0,
      low: 0,
    });
    const data = roundAggregateData({
      round,
      scopeUnit: unit,
      scopeParent: null,
      date: '2023-10-20',
      reported: [
        {
          unitName: 'Huyện ủy Đầm Hà',
          conferenceDate: '2023-09-29',
          persons: [person('A', 40, 39), person('B', 12, 12), person('C', 40, 39)],
        },
      ],
      notReported: [],
    });
    expect(data.issuingBody).toEqual({ name: 'Thành ủy Móng Cái' });
    expect(data.units.map((u) => [u.ballotsCollected, u.persons.map((p) => p.name)])).toEqual([
      [39, ['A', 'C']],
      [12, ['B']],
    ]);
  });
});
