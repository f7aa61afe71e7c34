import { describe, expect, it } from 'vitest';
import { choosePlaces } from './places.js';

describe('choosePlaces', () => {
  const places = [
    { conferenceId: 'cong-an', kind: 'workplace' as const },
    { conferenceId: 'hdnd', kind: 'peoples-council' as const },
    { conferenceId: 'tinh-uy', kind: 'highest-party-committee' as const },
  ];

  it('keeps two places in the default priority order', () => {
    const { kept, dropped } = choosePlaces(places, 2);
    expect(kept.map((p) => p.conferenceId)).toEqual(['tinh-uy', 'hdnd']);
    expect(dropped.map((p) => p.conferenceId)).toEqual(['cong-an']);
  });

  it("follows a plan's own order (Lạng Sơn kept the HĐND and the police)", () => {
    const { kept, dropped } = choosePlaces(places, 2, [
      'peoples-council',
      'workplace',
      'highest-party-committee',
    ]);
    expect(kept.map((p) => p.conferenceId)).toEqual(['hdnd', 'cong-an']);
    expect(dropped.map((p) => p.conferenceId)).toEqual(['tinh-uy']);
  });

  it('keeps every place without a cap', () => {
    expect(choosePlaces(places, null).dropped).toEqual([]);
  });
});
