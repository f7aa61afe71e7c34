import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBallots } from './count-ballots.js';
import type { BallotReading, LineMark } from './validity.js';

const reading = (lines: LineMark[], overrides: Partial<BallotReading> = {}): BallotReading => ({
  issuedByCommittee: true,
  printedNameStruckOut: false,
  lines,
  ...overrides,
});

describe('countBallots', () => {
  it('adds levels per person and counts blank, double and void lines as invalid', () => {
    const totals = countBallots(
      [
        reading(['high', 'low']),
        reading(['none', 'confidence']),
        reading(['several', 'low']),
        reading(['high', 'high'], { issuedByCommittee: false }),
      ],
      2,
    );
    expect(totals).toEqual([
      { high: 1, confidence: 0, low: 0, invalid: 3 },
      { high: 0, confidence: 1, low: 2, invalid: 1 },
    ]);
  });

  it('refuses a ballot with the wrong number of lines', () => {
    expect(() => countBallots([reading(['high'])], 2)).toThrow(/2 lines/);
  });

  it('accounts for every collected ballot on every line (property)', () => {
    const mark = fc.constantFrom<LineMark>('high', 'confidence', 'low', 'none', 'several');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc.record({
                issuedByCommittee: fc.boolean(),
                printedNameStruckOut: fc.boolean(),
                lines: fc.array(mark, { minLength: n, maxLength: n }),
              }),
            ),
          ),
        ),
        fc.boolean(),
        ([n, ballots], voids) => {
          for (const t of countBallots(ballots, n, voids)) {
            expect(t.high + t.confidence + t.low + t.invalid).toBe(ballots.length);
          }
        },
      ),
    );
  });
});
