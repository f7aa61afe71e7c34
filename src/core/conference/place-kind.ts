// The kind of place a unit's votes count as, for the two-place cap (QĐ 96 Điều 1 k3, rules.md §3.2).

import type { PlaceKind } from '../../rules/index.js';
import type { UnitKind } from '../model/unit.js';

/**
 * Default place kind by unit: a party committee is the "cấp ủy" place, a People's Council the "HĐND"
 * place, anything else the workplace ("nơi cán bộ đang công tác và sinh hoạt"). The organiser may
 * change it per conference or position.
 */
export function defaultPlaceKind(kind: UnitKind): PlaceKind {
  switch (kind) {
    case 'party-committee':
      return 'highest-party-committee';
    case 'peoples-council':
      return 'peoples-council';
    default:
      return 'workplace';
  }
}
