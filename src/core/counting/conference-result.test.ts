import { describe, expect, it } from 'vitest';
import { getRuleSet } from '../../rules/index.js';
import { checkAccounting } from './ballot-accounting.js';
import { checkAggregate } from './aggregate-entry.js';
import { computeConferenceResult, countReaching } from './conference-result.js';
import { readEntryKey } from './entry-keys.js';
import { followUpFor } from './follow-up.js';
import { decideNoConfidenceVote } from './no-confidence-vote.js';

const person = (personId: string, high: number, confidence: number, low: number, invalid = 0) => ({
  personId,
  name: `Người ${personId}`,
  position: 'Ủy viên',
  counts: { high, confidence, low, invalid },
});

describe('computeConferenceResult', () => {
  it('tallies each person on the ballots of the styles that list them', () => {
    const result = computeConferenceResult(getRuleSet('qd96-2023'), [
      { issued: 40, collected: 40, persons: [person('a', 36, 3, 1), person('b', 10, 5, 25)] },
      { issued: 10, collected: 8, persons: [person('a', 8, 0, 0)] },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [a, b] = result.value.persons;
    expect(a).toMatchObject({ issued: 50, collected: 48, base: 48, validLines: 48 });
    expect(a?.high).toEqual({ count: 44, percent: '91.67' });
    expect(b).toMatchObject({ base: 40, outcome: 'over-half-low' });
    expect(countReaching(result.value, 90)).toEqual({ reached: 1, total: 2 });
  });

  it('counts the 90 % summary exactly at the boundary', () => {
    const result = computeConferenceResult(getRuleSet('qd96-2023'), [
      { issued: 10, collected: 10, persons: [person('a', 5, 4, 1), person('b', 5, 3, 1, 1)] },
    ]);
    expect(result.ok && countReaching(result.value, 90)).toEqual({ reached: 1, total: 2 });
  });

  it('passes on the rules engine failure with the person named', () => {
    const result = computeConferenceResult(getRuleSet('qd96-2023'), [
      { issued: 5, collected: 5, persons: [person('a', 5, 1, 0)] },
    ]);
    expect(!result.ok && result.error.code).toBe('counts_exceed_collected');
    expect(!result.ok && result.error.field).toContain('Người a');
  });
});

describe('counting checks', () => {
  it('maps entry keys', () => {
    expect(['1', '2', '3', '0', 'x', 'v', 'q'].map(readEntryKey)).toEqual([
      'high',
      'confidence',
      'low',
      'none',
      'several',
      'void',
      null,
    ]);
  });

  it('refuses more ballots collected than issued', () => {
    const bad = checkAccounting({ issued: 10, collected: 11, spoiledExchanged: 0 });
    expect(!bad.ok && bad.error.code).toBe('collected_exceeds_issued');
    expect(checkAccounting({ issued: 10, collected: 10, spoiledExchanged: 2 }).ok).toBe(true);
  });

  it('checks that aggregate totals add up to the ballots collected', () => {
    const good = checkAggregate(47, [
      { name: 'Lê Duy Thành', high: 19, confidence: 2, low: 25, invalid: 1 },
    ]);
    expect(good.ok).toBe(true);
    const bad = checkAggregate(47, [
      { name: 'Lê Duy Thành', high: 19, confidence: 2, low: 25, invalid: 0 },
    ]);
    expect(!bad.ok && bad.error).toMatchObject({ code: 'aggregate_mismatch', field: 'persons[0]' });
  });

  it('proposes dismissal after a no-confidence vote only above half of ballots collected', () => {
    const half = decideNoConfidenceVote({ issued: 50, collected: 48, trust: 24, noTrust: 24 });
    expect(half.ok && half.value.dismissalProposal).toBe(false);
    const over = decideNoConfidenceVote({ issued: 50, collected: 48, trust: 22, noTrust: 25 });
    expect(over.ok && over.value).toMatchObject({ dismissalProposal: true, invalid: 1 });
  });

  it('opens the follow-up the band calls for', () => {
    expect(followUpFor('none')).toBeNull();
    expect(followUpFor('over-half-low')).toBe('resign-or-no-confidence-vote');
    expect(followUpFor('two-thirds-low')).toBe('flag-for-authority');
  });
});
