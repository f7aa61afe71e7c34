// Shared API schemas: ids, dates, Vietnamese text, role grants, users; the web app imports their types.

import { z } from 'zod';
import { ROLES } from '../auth/principal.js';

/** An opaque id as the store gives it. */
export const ID = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'expected an id');

/** A calendar date, ISO yyyy-mm-dd (dates in plans and conferences carry no time zone). */
export const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date yyyy-mm-dd');

/** Whether a string has no control character other than tab and line breaks (NUL, escape … are refused). */
export function isPrintable(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f)
      return false;
  }
  return true;
}

/** Text a person reads or writes: trimmed, NFC-normalised (decomposed Vietnamese is recomposed), printable. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max)
        .refine(isPrintable, 'must not contain control characters'),
    );

/** Text that may be empty (trimmed, NFC, printable). */
export const plainText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max).refine(isPrintable, 'must not contain control characters'));

/** Optional text: absent or empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max).refine(isPrintable, 'must not contain control characters'))
    .transform((s) => (s === '' ? null : s))
    .nullish()
    .transform((s) => s ?? null);

/** A role name. */
export const ROLE = z.enum(ROLES);

/** A role grant: the role and where it applies. */
export const GRANT = z
  .discriminatedUnion('role', [
    z.object({ role: z.literal('administrator') }),
    z.object({ role: z.enum(['organiser', 'inspector', 'competent-authority']), unitId: ID }),
    z.object({ role: z.literal('counting-committee'), conferenceId: ID }),
    z.object({ role: z.literal('voter'), conferenceId: ID, participantId: ID }),
    z.object({ role: z.literal('subject'), personId: ID }),
  ])
  .meta({ id: 'Grant' });

/** A grant as stored: with its id, to remove it. */
export const STORED_GRANT = z.intersection(GRANT, z.object({ id: ID })).meta({ id: 'StoredGrant' });

/** A user account as the API shows it (never its password hash). */
export const USER = z
  .object({
    id: ID,
    username: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    grants: z.array(STORED_GRANT),
  })
  .meta({ id: 'User' });

/** A user account as the API shows it. */
export type UserDto = z.infer<typeof USER>;

/** A username: lower-case letters, digits, dot, dash, underscore. */
export const USERNAME = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.string().regex(/^[a-z0-9._-]{3,64}$/, 'use 3–64 lower-case letters, digits, . _ -'));

/** A new password: long enough, NFC (auth/password.ts). */
export const PASSWORD = z.string().min(10, 'at least 10 characters').max(256);

/** `{ ok: true }`, for actions with nothing to return. */
export const OK = z.object({ ok: z.literal(true) });
