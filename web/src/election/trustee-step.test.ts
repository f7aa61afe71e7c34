// The step each committee member reached, and the partial decryptions counted against t.

import { describe, expect, it } from 'vitest';
import type { ElectionOverviewDto } from '../../../src/server/routes/election-schemas.js';
import { TRUSTEE_STEPS, partialsIn, trusteeStep } from './trustee-step.js';

const FLAGS = ['key', 'commitment', 'check', 'acknowledgement', 'partial'] as const;
const member = (reached: number): ElectionOverviewDto['trustees'][number] =>
  ({
    trustee: reached + 1,
    memberId: `m${reached}`,
    fullName: `Thành viên ${reached + 1}`,
    ...Object.fromEntries(FLAGS.map((f, k) => [f, k < reached])),
  }) as ElectionOverviewDto['trustees'][number];

describe('trusteeStep', () => {
  it('names the last step reached, in protocol order', () => {
    expect([0, 1, 2, 3, 4, 5].map((k) => trusteeStep(member(k)))).toEqual([...TRUSTEE_STEPS]);
  });

  it('counts the partial decryptions of the threshold', () => {
    const overview = {
      threshold: 3,
      trustees: [member(5), member(4), member(5), member(4), member(4)],
    } as ElectionOverviewDto;
    expect(partialsIn(overview)).toEqual({ done: 2, needed: 3 });
  });
});
