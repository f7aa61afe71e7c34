// The input JSON: the sample fixtures parse, and every kind of mistake names its field.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countConference } from './conference-result.js';
import {
  parseConferenceDocument,
  parseRoundAggregate,
  type conferenceDocumentSchema,
  type roundAggregateSchema,
} from './model.js';
import type { z } from 'zod';

/** The JSON as written, before defaults: what a test edits. */
type ConferenceJson = z.input<typeof conferenceDocumentSchema>;
type RoundJson = z.input<typeof roundAggregateSchema>;
import { countRound } from './round-result.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/documents/${name}`, import.meta.url), 'utf8');

function edited(change: (json: ConferenceJson) => void): string {
  const json = JSON.parse(fixture('sample-conference.json')) as ConferenceJson;
  change(json);
  return JSON.stringify(json);
}

describe('parseConferenceDocument', () => {
  it('reads the sample conference', () => {
    const parsed = parseConferenceDocument(fixture('sample-conference.json'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.ruleSet).toBe('qd96-2023');
    expect(parsed.value.ballotStyles[0]?.persons).toHaveLength(2);
    expect(parsed.value.sample).toBe(true);
  });

  it('returns NFC text for decomposed input', () => {
    const decomposed = fixture('sample-conference.json').normalize('NFD');
    expect(decomposed).not.toBe(fixture('sample-conference.json'));
    const parsed = parseConferenceDocument(decomposed);
    expect(parsed.ok && parsed.value.ballotStyles[0]?.persons[0]?.name).toBe('Trần Thị Lụa');
  });

  it.each([
    [
      'an empty name',
      (j: ConferenceJson) => (j.ballotStyles[0]!.persons[1]!.name = ' '),
      'ballotStyles[0].persons[1].name',
    ],
    ['an unknown rule set', (j: ConferenceJson) => (j.ruleSet = 'qd262-2014'), 'ruleSet'],
    [
      'an impossible date',
      (j: ConferenceJson) => (j.conference.date = '2023-02-30'),
      'conference.date',
    ],
    ['a bad time', (j: ConferenceJson) => (j.conference.time = '8h'), 'conference.time'],
    [
      'a negative count',
      (j: ConferenceJson) => (j.ballotStyles[0]!.persons[0]!.low = -1),
      'ballotStyles[0].persons[0].low',
    ],
    [
      'a fractional count',
      (j: ConferenceJson) => (j.ballotStyles[0]!.ballotsIssued = 1.5),
      'ballotStyles[0].ballotsIssued',
    ],
    [
      'two heads',
      (j: ConferenceJson) => (j.countingCommittee[1]!.role = 'head'),
      'countingCommittee',
    ],
    ['no ballot style', (j: ConferenceJson) => (j.ballotStyles = []), 'ballotStyles'],
  ])('names the field of %s', (_what, change, field) => {
    const parsed = parseConferenceDocument(edited(change));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('invalid_input');
    expect(parsed.error.field).toBe(field);
    expect(parsed.error.message).toContain(field);
  });

  it('says when the text is not JSON', () => {
    const parsed = parseConferenceDocument('{"ruleSet": ');
    expect(!parsed.ok && parsed.error.code).toBe('invalid_json');
  });
});

describe('countConference', () => {
  it('tallies the sample on ballots collected (QĐ 96 Điều 6 k3)', () => {
    const parsed = parseConferenceDocument(fixture('sample-conference.json'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const counted = countConference(parsed.value);
    expect(counted.ok).toBe(true);
    if (!counted.ok) return;
    const [style] = counted.value.styles;
    expect(style?.tally.base).toEqual({ kind: 'ballotsCollected', value: 176 });
    expect(style?.tally.persons[0]?.high).toEqual({ count: 158, percent: '89.77' });
  });

  it.each([
    [
      'missing counts',
      (j: ConferenceJson) => delete j.ballotStyles[0]!.persons[1]!.low,
      'results_missing',
      'ballotStyles[0].persons[1].low',
    ],
    [
      'valid + invalid ≠ collected',
      (j: ConferenceJson) => (j.ballotStyles[0]!.ballotsInvalid = 2),
      'valid_invalid_mismatch',
      'ballotStyles[0].ballotsValid',
    ],
    [
      'counts above collected',
      (j: ConferenceJson) => (j.ballotStyles[0]!.persons[1]!.high = 170),
      'counts_exceed_collected',
      'ballotStyles[0].persons[1]',
    ],
    [
      'collected above issued',
      (j: ConferenceJson) => (j.ballotStyles[0]!.ballotsIssued = 170),
      'collected_exceeds_issued',
      'ballotStyles[0].ballotsCollected',
    ],
  ])('rejects %s with the field', (_what, change, code, field) => {
    const parsed = parseConferenceDocument(edited(change));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const counted = countConference(parsed.value);
    expect(counted.ok).toBe(false);
    if (counted.ok) return;
    expect(counted.error.code).toBe(code);
    expect(counted.error.field).toBe(field);
  });

  it('takes percentages of all members under the legacy rule sets (NQ 85/2014)', () => {
    const parsed = parseConferenceDocument(
      edited((j) => {
        j.ruleSet = 'nq85-2014';
        j.ballotStyles[0]!.totalMembers = 200;
      }),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const counted = countConference(parsed.value);
    if (!counted.ok) throw new Error(counted.error.message);
    expect(counted.value.styles[0]?.tally.base).toEqual({ kind: 'totalMembers', value: 200 });
    expect(counted.value.styles[0]?.tally.persons[0]?.high.percent).toBe('79.00');
  });
});

describe('parseRoundAggregate and countRound', () => {
  it('reads and tallies the sample round', () => {
    const parsed = parseRoundAggregate(fixture('sample-round.json'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const counted = countRound(parsed.value);
    if (!counted.ok) throw new Error(counted.error.message);
    expect(counted.value.units.map((u) => u.tally.persons.map((p) => p.outcome))).toEqual([
      ['none', 'none'],
      ['none', 'none'],
      ['over-half-low', 'none'],
      ['two-thirds-low', 'none'],
    ]);
    expect(parsed.value.unitsNotReported).toHaveLength(2);
  });

  it('names the unit of a wrong count', () => {
    const json = JSON.parse(fixture('sample-round.json')) as RoundJson;
    json.units[2]!.persons[0]!.high = 10;
    const parsed = parseRoundAggregate(JSON.stringify(json));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const counted = countRound(parsed.value);
    expect(!counted.ok && counted.error.field).toBe('units[2].persons[0]');
  });
});
