import { describe, expect, it } from 'vitest';
import { DEMO_SEEDS, sampleNames } from './index.js';

describe('demo data', () => {
  it('makes the same names every time, distinct and NFC', () => {
    const a = sampleNames('x', 200);
    expect(sampleNames('x', 200)).toEqual(a);
    expect(new Set(a.map((n) => n.fullName)).size).toBe(200);
    for (const n of a) expect(n.fullName).toBe(n.fullName.normalize('NFC'));
  });

  it('has 183 summoned at Móng Cái and every position in a unit of its seed', () => {
    const mongCai = DEMO_SEEDS.find((s) => s.key === 'mong-cai')!;
    expect(mongCai.conferences[0]?.participants.length).toBe(183);
    expect(new Set(mongCai.conferences[0]?.participants.map((p) => p.fullName)).size).toBe(183);
    for (const seed of DEMO_SEEDS) {
      const codes = new Set(seed.units.map((u) => u.code));
      for (const person of seed.persons) {
        for (const position of person.positions) expect(codes).toContain(position.unitCode);
      }
      for (const conference of seed.conferences) expect(codes).toContain(conference.unitCode);
    }
  });
});
