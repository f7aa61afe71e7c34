// The shape of the demo data (dữ liệu mẫu): units, persons with positions, a round and its conferences per seed.

import type { CalendarDate, PlaceKind, RuleSetId } from '../../rules/index.js';
import type { PlanReference } from '../model/round.js';
import type { UnitKind } from '../model/unit.js';

/** A unit of a demo tree, referred to by code. */
export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly kind: UnitKind;
}

/** A position a demo person holds. */
export interface DemoPosition {
  readonly unitCode: string;
  readonly title: string;
  readonly startDate: CalendarDate;
  readonly rank: number;
  readonly placeKind?: PlaceKind;
  readonly retirementNotified?: boolean;
}

/** A demo person; `fromArticle` marks names taken from the seed article (the rest is made up). */
export interface DemoPerson {
  readonly fullName: string;
  readonly gender: 'male' | 'female';
  readonly birthYear: number;
  readonly fromArticle: boolean;
  readonly positions: readonly DemoPosition[];
}

/** A summoned participant of a demo conference. */
export interface DemoParticipant {
  readonly fullName: string;
  readonly unitName: string;
  readonly position: string;
  readonly fromArticle: boolean;
}

/** A demo conference and what it had before the day. */
export interface DemoConference {
  readonly key: string;
  readonly unitCode: string;
  readonly title: string;
  readonly date: CalendarDate;
  readonly place: string;
  readonly chair: string;
  readonly ruleSetId?: RuleSetId;
  readonly localPlan: PlanReference | null;
  readonly participants: readonly DemoParticipant[];
  /** Ý kiến sent before the conference: comments (all agreeing) and requests for clarification. */
  readonly comments: { readonly count: number; readonly clarifications: number };
  /** Trưởng Ban kiểm phiếu, when the article names one (the committee itself is issue 4). */
  readonly countingCommitteeHead: string | null;
  /** Whether the article reports this conference (false: made up for the two-place cap). */
  readonly fromArticle: boolean;
}

/** One seed article as demo data. */
export interface DemoSeed {
  readonly key: string;
  /** The article's headline, for the UI. */
  readonly headline: string;
  readonly units: readonly DemoUnit[];
  readonly persons: readonly DemoPerson[];
  readonly round: {
    readonly plan: PlanReference;
    readonly title: string;
    readonly ruleSetId: RuleSetId;
    readonly year: number;
    readonly unitCodes: readonly string[];
    readonly placePriority?: readonly PlaceKind[];
  };
  readonly conferences: readonly DemoConference[];
}

/** Suffix on made-up titles and plan bodies: "(dữ liệu mẫu)". */
export const SAMPLE_MARK = '(dữ liệu mẫu)';
