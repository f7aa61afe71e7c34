// Web-side form schemas (zod): the same limits as the server's request schemas, with message-table keys as messages.

import { z } from 'zod';
import { isCalendarDate } from '../../../src/rules/index.js';
import type { MessageKey } from '../i18n/vi.js';

const m = (key: MessageKey) => key;
const nonEmpty = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, m('validation.required')).max(max, m('validation.tooLong')));

/** dd/mm/yyyy as people type it (or yyyy-mm-dd from a date input) → yyyy-mm-dd; otherwise invalid. */
export function parseDateInput(value: string): string | null {
  const s = value.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : s;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isCalendarDate(iso) ? iso : null;
}

const dateField = z.string().refine((s) => parseDateInput(s) !== null, m('validation.date'));
const optionalDate = z
  .string()
  .refine((s) => s.trim() === '' || parseDateInput(s) !== null, m('validation.date'));
const days = z.coerce
  .number({ error: m('validation.days') })
  .int(m('validation.days'))
  .min(0, m('validation.days'))
  .max(365, m('validation.days'));

/** First start: the administrator's account. */
export const setupSchema = z
  .object({
    token: nonEmpty(200),
    username: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.string().regex(/^[a-z0-9._-]{3,64}$/, m('validation.username'))),
    displayName: nonEmpty(200),
    password: z.string().min(10, m('validation.password')).max(256, m('validation.tooLong')),
    repeat: z.string(),
  })
  .refine((v) => v.password === v.repeat, {
    message: m('validation.passwordMatch'),
    path: ['repeat'],
  });

/** Sign-in. */
export const loginSchema = z.object({
  username: nonEmpty(64),
  password: z.string().min(1, m('validation.required')),
});

/** A round (Đợt lấy phiếu): plan, rule set, year, units, deadlines. */
export const roundSchema = z.object({
  planNumber: nonEmpty(100),
  planDate: optionalDate,
  issuingBody: nonEmpty(300),
  title: nonEmpty(300),
  ruleSetId: z.enum(['qd96-2023', 'nq96-2023']),
  year: z.coerce
    .number({ error: m('validation.year') })
    .int(m('validation.year'))
    .min(2000, m('validation.year'))
    .max(2100, m('validation.year')),
  unitIds: z.array(z.string()).min(1, m('validation.units')),
  reportToOffice: days,
  distributionToVoters: days,
  questionsForwarded: days,
  answers: days,
});

/** A conference (Hội nghị). */
export const conferenceSchema = z.object({
  roundId: nonEmpty(64),
  unitId: nonEmpty(64),
  title: nonEmpty(300),
  date: dateField,
  place: nonEmpty(300),
  chair: nonEmpty(300),
  ruleSetId: z.enum(['qd96-2023', 'nq96-2023']),
  placeKind: z.enum(['highest-party-committee', 'peoples-council', 'workplace']),
});

/** A new unit. */
export const unitSchema = z.object({
  code: nonEmpty(64),
  name: nonEmpty(300),
  parentId: z.string(),
  kind: z.string(),
});

/** A question from a voter. */
export const questionSchema = z.object({
  personId: nonEmpty(64),
  kind: z.enum(['comment', 'clarification']),
  text: nonEmpty(4000),
});

/** An answer, or an override reason. */
export const longTextSchema = nonEmpty(4000);

/** A new account made by the administrator: an office role at a unit (organiser, inspector, competent authority). */
export const userSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.string().regex(/^[a-z0-9._-]{3,64}$/, m('validation.username'))),
  displayName: nonEmpty(200),
  password: z.string().min(10, m('validation.password')).max(256, m('validation.tooLong')),
  role: z.enum(['administrator', 'organiser', 'inspector', 'competent-authority']),
  unitId: z.string(),
});
