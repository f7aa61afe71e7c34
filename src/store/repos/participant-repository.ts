// Người được triệu tập: the summoned list, its import, attendance, and who votes on whom.

import { err, ok } from '../../rules/index.js';
import type { Actor, Attendance, Id, Participant } from '../../core/model/index.js';
import { effectiveDecision } from '../../core/model/index.js';
import type { Kysely } from 'kysely';
import type { Database, ParticipantsTable } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type {
  ImportSummary,
  NewParticipant,
  ParticipantImportRow,
  ParticipantPatch,
  ParticipantRepository,
  StoreResult,
} from '../store.js';
import { invalid, notFound } from './failures.js';
import { flag, num, toBallotStyle, toParticipant, toSubject } from './mappers.js';
import { conferenceExists } from './conference-exists.js';

const nfc = (s: string): string => s.normalize('NFC').trim();

async function personExists(db: Kysely<Database>, personId: Id): Promise<boolean> {
  return (
    (await db.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst()) !==
    undefined
  );
}

/** ParticipantRepository over Kysely. */
export class KyselyParticipantRepository implements ParticipantRepository {
  constructor(private readonly ctx: StoreContext) {}

  create(actor: Actor, input: NewParticipant): Promise<StoreResult<Participant>> {
    return this.ctx.write(async (w) => {
      if (!(await conferenceExists(w.db, input.conferenceId)))
        return notFound('conference', input.conferenceId);
      if (nfc(input.fullName) === '') return invalid('fullName', 'A participant needs a name.');
      if (input.ballotStyleId) {
        const style = await w.db
          .selectFrom('ballot_styles')
          .select('conference_id')
          .where('id', '=', input.ballotStyleId)
          .executeTakeFirst();
        if (!style || style.conference_id !== input.conferenceId) {
          return notFound('ballot style', input.ballotStyleId);
        }
      }
      // An unknown person is the caller's mistake, not a foreign-key crash (found by the API fuzzer).
      if (input.personId && !(await personExists(w.db, input.personId)))
        return notFound('person', input.personId);
      const order = input.order ?? (await this.count(input.conferenceId, w.db)) + 1;
      const row: ParticipantsTable = {
        id: input.id ?? w.newId(),
        conference_id: input.conferenceId,
        full_name: nfc(input.fullName),
        unit_name: nfc(input.unitName),
        position: nfc(input.position),
        ballot_style_id: input.ballotStyleId ?? null,
        person_id: input.personId ?? null,
        ord: order,
        attendance: 'unknown',
        attendance_at: null,
        sample: flag(input.sample),
        created_at: w.now,
        updated_at: w.now,
      };
      await w.db.insertInto('participants').values(row).execute();
      const participant = toParticipant(row);
      await w.audit(actor, 'participant.create', 'participant', participant.id, null, participant);
      return ok(participant);
    });
  }

  update(actor: Actor, id: Id, patch: ParticipantPatch): Promise<StoreResult<Participant>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('participant', id);
      if (patch.ballotStyleId) {
        const style = await w.db
          .selectFrom('ballot_styles')
          .select('conference_id')
          .where('id', '=', patch.ballotStyleId)
          .executeTakeFirst();
        if (!style || style.conference_id !== before.conferenceId) {
          return notFound('ballot style', patch.ballotStyleId);
        }
      }
      if (patch.personId && !(await personExists(w.db, patch.personId)))
        return notFound('person', patch.personId);
      await w.db
        .updateTable('participants')
        .set({
          full_name: patch.fullName === undefined ? before.fullName : nfc(patch.fullName),
          unit_name: patch.unitName === undefined ? before.unitName : nfc(patch.unitName),
          position: patch.position === undefined ? before.position : nfc(patch.position),
          ballot_style_id:
            patch.ballotStyleId === undefined ? before.ballotStyleId : patch.ballotStyleId,
          person_id: patch.personId === undefined ? before.personId : patch.personId,
          ord: patch.order ?? before.order,
          updated_at: w.now,
        })
        .where('id', '=', id)
        .execute();
      const after = (await this.get(id, w.db))!;
      await w.audit(actor, 'participant.update', 'participant', id, before, after);
      return ok(after);
    });
  }

  delete(actor: Actor, id: Id): Promise<StoreResult<Participant>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('participant', id);
      await w.db.deleteFrom('participants').where('id', '=', id).execute();
      await w.audit(actor, 'participant.delete', 'participant', id, before, null);
      return ok(before);
    });
  }

  setAttendance(actor: Actor, id: Id, attendance: Attendance): Promise<StoreResult<Participant>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('participant', id);
      const change = {
        attendance,
        attendance_at: attendance === 'unknown' ? null : w.now,
        updated_at: w.now,
      };
      await w.db.updateTable('participants').set(change).where('id', '=', id).execute();
      const after: Participant = {
        ...before,
        attendance,
        attendanceAt: change.attendance_at,
        updatedAt: w.now,
      };
      await w.audit(actor, 'participant.attendance', 'participant', id, before, after);
      return ok(after);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<Participant | null> {
    const row = await db
      .selectFrom('participants')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toParticipant(row) : null;
  }

  async list(conferenceId: Id): Promise<Participant[]> {
    const rows = await this.ctx.db
      .selectFrom('participants')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .orderBy('ord')
      .orderBy('id')
      .execute();
    return rows.map(toParticipant);
  }

  async count(conferenceId: Id, db = this.ctx.db): Promise<number> {
    const row = await db
      .selectFrom('participants')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('conference_id', '=', conferenceId)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  async attendanceCounts(conferenceId: Id): Promise<Record<Attendance, number>> {
    const rows = await this.ctx.db
      .selectFrom('participants')
      .select((eb) => ['attendance', eb.fn.countAll().as('n')])
      .where('conference_id', '=', conferenceId)
      .groupBy('attendance')
      .execute();
    const counts: Record<Attendance, number> = { unknown: 0, present: 0, absent: 0 };
    for (const row of rows) counts[row.attendance as Attendance] = num(row.n);
    return counts;
  }

  importRows(
    actor: Actor,
    conferenceId: Id,
    rows: readonly ParticipantImportRow[],
    options?: { readonly replace?: boolean },
  ): Promise<StoreResult<ImportSummary>> {
    return this.ctx.write(async (w) => {
      if (!(await conferenceExists(w.db, conferenceId)))
        return notFound('conference', conferenceId);
      const styles = new Map(
        (
          await w.db
            .selectFrom('ballot_styles')
            .selectAll()
            .where('conference_id', '=', conferenceId)
            .execute()
        ).map((r) => [r.name, r.id]),
      );
      for (const [i, row] of rows.entries()) {
        if (row.ballotStyleName !== null && !styles.has(nfc(row.ballotStyleName))) {
          return err({
            code: 'unknown_ballot_style',
            field: `rows[${i}].ballotStyle`,
            message: `Row ${i + 1}: no ballot style named "${row.ballotStyleName}" in this conference.`,
          });
        }
      }
      const removed = options?.replace
        ? await w.db
            .deleteFrom('participants')
            .where('conference_id', '=', conferenceId)
            .executeTakeFirst()
        : null;
      let order = options?.replace ? 0 : await this.count(conferenceId, w.db);
      const values: ParticipantsTable[] = rows.map((row) => ({
        id: w.newId(),
        conference_id: conferenceId,
        full_name: nfc(row.fullName),
        unit_name: nfc(row.unitName),
        position: nfc(row.position),
        ballot_style_id:
          row.ballotStyleName === null ? null : styles.get(nfc(row.ballotStyleName))!,
        person_id: null,
        ord: ++order,
        attendance: 'unknown',
        attendance_at: null,
        sample: 0,
        created_at: w.now,
        updated_at: w.now,
      }));
      // Batches keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < values.length; i += 500) {
        await w.db
          .insertInto('participants')
          .values(values.slice(i, i + 500))
          .execute();
      }
      await w.audit(
        actor,
        'participant.import',
        'conference',
        conferenceId,
        removed ? { removed: num(removed.numDeletedRows) } : null,
        { rows: values.map(toParticipant) },
      );
      return ok({ created: values.length, updated: 0 });
    });
  }

  async votesOn(participantId: Id, personId: Id): Promise<boolean> {
    const participant = await this.get(participantId);
    if (!participant) return false;
    const subjects = (
      await this.ctx.db
        .selectFrom('conference_subjects')
        .selectAll()
        .where('conference_id', '=', participant.conferenceId)
        .where('person_id', '=', personId)
        .execute()
    )
      .map(toSubject)
      .filter((s) => effectiveDecision(s) === 'vote');
    if (subjects.length === 0) return false;
    if (participant.ballotStyleId === null) return true;
    const style = await this.ctx.db
      .selectFrom('ballot_styles')
      .selectAll()
      .where('id', '=', participant.ballotStyleId)
      .executeTakeFirst();
    if (!style) return true;
    const onBallot = new Set(toBallotStyle(style).subjectIds);
    return subjects.some((s) => onBallot.has(s.id));
  }
}
