import { describe, expect, it } from 'vitest';
import type { BallotEntry } from './ballot-entry.js';
import { reconcile } from './reconcile.js';

const entry = (ballotNumber: number, marks: BallotEntry['marks'], isVoid = false): BallotEntry => ({
  ballotNumber,
  void: isVoid,
  marks,
});

describe('reconcile', () => {
  it('is complete only when every collected ballot is entered twice the same way', () => {
    const a = [entry(1, ['high', 'low']), entry(2, ['none', 'confidence'])];
    const b = [entry(1, ['high', 'low']), entry(2, ['none', 'confidence'])];
    expect(reconcile(a, b, 2)).toMatchObject({ complete: true, differences: [], missing: [] });
    expect(reconcile(a, b, 3)).toMatchObject({ complete: false, missing: [3] });
  });

  it('shows each differing or half-entered ballot side by side', () => {
    const a = [entry(1, ['high', 'low']), entry(2, ['high', 'high'])];
    const b = [entry(1, ['high', 'confidence'])];
    const result = reconcile(a, b, 2);
    expect(result.complete).toBe(false);
    expect(result.agreed).toEqual([]);
    expect(result.differences).toEqual([
      { ballotNumber: 1, first: a[0], second: b[0] },
      { ballotNumber: 2, first: a[1], second: null },
    ]);
  });

  it('treats two void entries as agreeing whatever their lines', () => {
    const result = reconcile([entry(1, ['high'], true)], [entry(1, ['low'], true)], 1);
    expect(result.complete).toBe(true);
  });

  it('flags a ballot number beyond those collected', () => {
    const result = reconcile([entry(1, ['high']), entry(5, ['low'])], [entry(1, ['high'])], 1);
    expect(result.complete).toBe(false);
    expect(result.differences.map((d) => d.ballotNumber)).toEqual([5]);
  });
});
