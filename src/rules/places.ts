// The two-place cap and its priority order (QĐ 96 Điều 1 k3; Hải Dương plan, rules.md §3.2).

/** Kind of place a person can be voted at within a round, in the default priority order. */
export type PlaceKind = 'highest-party-committee' | 'peoples-council' | 'workplace';

/**
 * Default priority [secondary]: "Trong cấp ủy cấp cao nhất …, HĐND … hoặc nơi cán bộ đang công tác và
 * sinh hoạt". A plan may give its own order (the Lạng Sơn plan kept HĐND and the police).
 */
export const DEFAULT_PLACE_PRIORITY: readonly PlaceKind[] = [
  'highest-party-committee',
  'peoples-council',
  'workplace',
];

/** A place where the round could vote on the person. */
export interface CandidatePlace {
  readonly conferenceId: string;
  readonly kind: PlaceKind;
}

/**
 * Splits a person's candidate places into those kept (at most `maxPlaces`, by priority, ties in the
 * given order) and those dropped for the cap. A null cap keeps every place.
 */
export function choosePlaces(
  places: readonly CandidatePlace[],
  maxPlaces: number | null,
  priority: readonly PlaceKind[] = DEFAULT_PLACE_PRIORITY,
): { kept: CandidatePlace[]; dropped: CandidatePlace[] } {
  const rank = (kind: PlaceKind): number => {
    const index = priority.indexOf(kind);
    return index < 0 ? priority.length : index;
  };
  const ordered = places
    .map((place, index) => ({ place, index }))
    .sort((a, b) => rank(a.place.kind) - rank(b.place.kind) || a.index - b.index)
    .map(({ place }) => place);
  const cap = maxPlaces ?? ordered.length;
  return { kept: ordered.slice(0, cap), dropped: ordered.slice(cap) };
}
