// How far each committee member has come in the key ceremony and the decryption (spec §8–§9), from
// the election overview's flags, as one step for the conference screen.

import type { ElectionOverviewDto } from '../../../src/server/routes/election-schemas.js';

/** The steps in order: nothing yet, key (§8.1), shares dealt (§8.2), shares checked (§8.3), ceremony acknowledged (§8.5), partial decryption (§9). */
export const TRUSTEE_STEPS = [
  'waiting',
  'key',
  'commitment',
  'check',
  'acknowledgement',
  'partial',
] as const;

/** One step of TRUSTEE_STEPS. */
export type TrusteeStep = (typeof TRUSTEE_STEPS)[number];

/** The last step a trustee reached, counted in order (a later flag without the earlier ones cannot occur). */
export function trusteeStep(t: ElectionOverviewDto['trustees'][number]): TrusteeStep {
  if (t.partial) return 'partial';
  if (t.acknowledgement) return 'acknowledgement';
  if (t.check) return 'check';
  if (t.commitment) return 'commitment';
  if (t.key) return 'key';
  return 'waiting';
}

/** Partial decryptions in, of the threshold t needed. */
export function partialsIn(overview: ElectionOverviewDto): { done: number; needed: number } {
  return {
    done: overview.trustees.filter((t) => t.partial).length,
    needed: overview.threshold,
  };
}
