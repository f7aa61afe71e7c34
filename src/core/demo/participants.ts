// Made-up summoned lists for the demo conferences: names from sample-names, positions from the article's wording.

import type { DemoParticipant, DemoPerson } from './demo-types.js';
import { ARTICLE_NAMES, sampleNames } from './sample-names.js';

/** A unit and the position of a made-up participant there. */
export interface Slot {
  readonly unitName: string;
  readonly position: string;
}

/** `count` made-up participants filling `slots` in turn. */
export function madeUpParticipants(
  seed: string,
  count: number,
  slots: readonly Slot[],
): DemoParticipant[] {
  return sampleNames(seed, count, ARTICLE_NAMES).map((name, i) => {
    const slot = slots[i % slots.length]!;
    return { fullName: name.fullName, ...slot, fromArticle: false };
  });
}

/** Demo persons as participants (the persons voted on and the leaders are summoned too). */
export function personsAsParticipants(
  persons: readonly DemoPerson[],
  unitName: string,
): DemoParticipant[] {
  return persons.map((p) => ({
    fullName: p.fullName,
    unitName,
    position: p.positions[0]?.title ?? '',
    fromArticle: p.fromArticle,
  }));
}
