import { describe, expect, it } from 'vitest';
import { countedLevels, isBallotValid, isLineValid, type BallotReading } from './validity.js';

const ballot = (overrides: Partial<BallotReading> = {}): BallotReading => ({
  issuedByCommittee: true,
  printedNameStruckOut: false,
  lines: ['high', 'none', 'several', 'low'],
  ...overrides,
});

describe('validity', () => {
  it('makes a blank or doubly marked line invalid for that person only', () => {
    expect(isLineValid('none')).toBe(false);
    expect(isLineValid('several')).toBe(false);
    expect(countedLevels(ballot())).toEqual(['high', null, null, 'low']);
  });

  it('voids the whole ballot when not issued by the committee or a name is struck out', () => {
    expect(isBallotValid(ballot({ issuedByCommittee: false }))).toBe(false);
    expect(isBallotValid(ballot({ printedNameStruckOut: true }))).toBe(false);
    expect(countedLevels(ballot({ printedNameStruckOut: true }))).toEqual([null, null, null, null]);
  });

  it('voids the ballot for an invalid line only under that option', () => {
    expect(isBallotValid(ballot())).toBe(true);
    expect(isBallotValid(ballot(), true)).toBe(false);
    expect(countedLevels(ballot(), true)).toEqual([null, null, null, null]);
    expect(countedLevels(ballot({ lines: ['high', 'confidence'] }), true)).toEqual([
      'high',
      'confidence',
    ]);
  });
});
