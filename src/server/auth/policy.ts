// Authorization declared next to each route: which roles may call it, and where the resource sits.

import type { Conference } from '../../core/model/index.js';
import type { Grant, Principal, Role } from './principal.js';

/** Where a route finds the id of the resource it acts on: a path parameter, a query parameter or a body field. */
export type IdSource = `param:${string}` | `query:${string}` | `body:${string}`;

/** The kind of resource a route's scope names; the resolver turns its id into a location. */
export type ScopeKind =
  'unit' | 'round' | 'conference' | 'person' | 'subject' | 'participant' | 'question';

/** Ids a scope kind is found by: one id, except `subject` (a person voted on at a conference: conference, person). */
export type ScopeIds = readonly string[];

/** Where a resource sits: its unit chains (each: a unit and every unit above it), its conference, its person. */
export interface Location {
  /**
   * One chain per unit the resource belongs to (a round spans its units, a person their positions'
   * units), each the unit first, then each parent up to the root. A unit grant reaches the resource when
   * its unit is in any chain.
   */
  readonly unitChains: readonly (readonly string[])[];
  readonly conferenceId?: string;
  readonly personId?: string;
  /** Whether the conference has started (counting-committee rights begin then; issue 4). */
  readonly conferenceStarted?: boolean;
  /** The conference as read for this check, so that the handler need not read it again. */
  readonly conference?: Conference;
}

/** Looks resources up for the authorization check; null = no such resource (404). */
export interface ScopeResolver {
  locate(kind: ScopeKind, ids: ScopeIds): Promise<Location | null>;
  /** Whether the voter (a participant) votes on this person at this conference (ballot styles). */
  votesOn(participantId: string, personId: string): Promise<boolean>;
}

/** An authorization rule: who may call a route, checked before its handler. */
export interface Policy {
  /** 'public': anyone, signed in or not; otherwise the roles allowed (their grants must match the scope). */
  readonly roles: 'public' | readonly Role[];
  /** The resource the route acts on; absent for lists (the handler filters by grants) and creations in a body. */
  readonly scope?: { readonly kind: ScopeKind; readonly from: readonly IdSource[] };
  /** Counting-committee members act only once their conference has started (issue 3 §3). */
  readonly committeeFromStart?: boolean;
  /** A voter must vote on the resource's person (reports and questions of the persons on their ballot). */
  readonly voterMustVoteOnPerson?: boolean;
}

/** Anyone may call the route (health, setup, login, the OpenAPI document). */
export const publicRoute: Policy = { roles: 'public' };

/**
 * Only these roles, and only where their grants reach: `requireRole(['organiser'], { unit: 'param:unitId' })`.
 * The administrator is always allowed and need not be listed.
 */
export function requireRole(
  roles: readonly Role[],
  scope?: Partial<Record<ScopeKind, IdSource | readonly IdSource[]>>,
  options: Pick<Policy, 'committeeFromStart' | 'voterMustVoteOnPerson'> = {},
): Policy {
  const all: Role[] = roles.includes('administrator') ? [...roles] : ['administrator', ...roles];
  const entries = Object.entries(scope ?? {}) as [ScopeKind, IdSource | readonly IdSource[]][];
  if (entries.length > 1) throw new Error('requireRole: give one scope per route');
  const first = entries[0];
  return {
    roles: all,
    ...(first === undefined
      ? {}
      : { scope: { kind: first[0], from: typeof first[1] === 'string' ? [first[1]] : first[1] } }),
    ...options,
  };
}

/** Whether any grant of the role reaches the location (unit below, same conference, same person). */
export async function grantReaches(
  grant: Grant,
  location: Location | null,
  policy: Policy,
  resolver: ScopeResolver,
): Promise<boolean> {
  switch (grant.role) {
    case 'administrator':
      return true;
    case 'organiser':
    case 'inspector':
    case 'competent-authority':
      return location === null || location.unitChains.some((chain) => chain.includes(grant.unitId));
    case 'counting-committee':
      if (location === null) return true;
      if (location.conferenceId !== grant.conferenceId) return false;
      return !policy.committeeFromStart || location.conferenceStarted === true;
    case 'voter':
      if (location === null) return true;
      if (location.conferenceId !== grant.conferenceId) return false;
      if (!policy.voterMustVoteOnPerson || location.personId === undefined) return true;
      return resolver.votesOn(grant.participantId, location.personId);
    case 'subject':
      return location === null || location.personId === grant.personId;
  }
}

/** The grants of the principal whose role the policy allows. */
export function grantsForPolicy(principal: Principal, policy: Policy): Grant[] {
  if (policy.roles === 'public') return [];
  const roles = policy.roles;
  return principal.grants.filter((g) => roles.includes(g.role));
}

/**
 * Whether the principal acts here as the office: the administrator, or an organiser (or, with
 * `inspectors`, an inspector) whose unit is on the resource's unit chain. A voter who is an organiser
 * somewhere else is still only a voter here.
 */
export function isOfficeAt(
  principal: Principal | null,
  location: Location | null,
  options: { inspectors?: boolean } = {},
): boolean {
  if (principal === null) return false;
  return principal.grants.some((g) => {
    if (g.role === 'administrator') return true;
    if (g.role !== 'organiser' && !(options.inspectors === true && g.role === 'inspector'))
      return false;
    return location !== null && location.unitChains.some((chain) => chain.includes(g.unitId));
  });
}
