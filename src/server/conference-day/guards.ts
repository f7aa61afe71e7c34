// Conference-day checks shared by the routes: the conference, the caller's committee membership, the phase.

import type { CommitteeMember, Conference } from '../../core/model/index.js';
import { err, ok, type Failure, type Result } from '../../rules/index.js';
import type { Repositories } from '../../store/index.js';
import type { RandomSource } from '../../crypto/random.js';
import type { Location } from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';
import { fail } from '../errors.js';

/** The conference, or not_found; as the request's authorization read it, when it did. */
export async function conferenceOf(
  store: Repositories,
  id: string,
  location: Location | null = null,
): Promise<Result<Conference, Failure>> {
  const known = location?.conference;
  const conference = known?.id === id ? known : await store.conferences.get(id);
  return conference === null ? err(fail('not_found', 'No such conference.')) : ok(conference);
}

/**
 * The caller's membership of the conference's counting committee: a counting-committee grant is not
 * enough to enter counts, the account must be a member the conference elected (issue 4 §2).
 */
export async function memberOf(
  store: Repositories,
  principal: Principal | null,
  conferenceId: string,
): Promise<Result<CommitteeMember, Failure>> {
  const member =
    principal === null ? null : await store.committee.memberFor(conferenceId, principal.userId);
  return member === null
    ? err(fail('not_committee_member', 'Only a member of the counting committee may do this.'))
    : ok(member);
}

/** Like memberOf, and the member must be the head (Trưởng Ban kiểm phiếu). */
export async function headOf(
  store: Repositories,
  principal: Principal | null,
  conferenceId: string,
): Promise<Result<CommitteeMember, Failure>> {
  const member = await memberOf(store, principal, conferenceId);
  if (!member.ok) return member;
  return member.value.isHead
    ? member
    : err(fail('not_committee_head', 'Only the head of the counting committee may do this.'));
}

/** Counts may change while the conference is open or counting; a confirmed result is locked. */
export function countsWritable(conference: Conference): Result<void, Failure> {
  if (conference.status === 'open' || conference.status === 'counting') return ok(undefined);
  if (conference.status === 'confirmed' || conference.status === 'published')
    return err(
      fail(
        'result_locked',
        'The result is confirmed; a correction is a new revision with a reason.',
      ),
    );
  return err(fail('state_conflict', 'The conference has not started yet.'));
}

/** 32 letters and digits without 0/O and 1/I, which are misread for one another. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random code of `length` characters (5 bits each, uniform: 256 is a multiple of 32). */
export function randomCode(random: RandomSource, length: number): string {
  return Array.from(random(length), (byte) => CODE_ALPHABET[byte & 31]).join('');
}

/** A typed or scanned code in canonical form: upper case, without spaces or dashes. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Text folded for search: no diacritics, đ → d, lower case. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}
