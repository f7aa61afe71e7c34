// Kiểm phiếu: ballot accounting per sheet, the two entries of every ballot (idempotent saves), aggregate totals.

import { err, ok } from '../../rules/index.js';
import type {
  Actor,
  AggregateLine,
  EntrySlot,
  Id,
  SheetAccounting,
  StoredBallotEntry,
} from '../../core/model/index.js';
import type { BallotEntriesTable } from '../db/conference-day-schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { BallotEntryInput, CountingRepository } from '../conference-day-store.js';
import type { StoreResult } from '../store.js';
import { notFound } from './failures.js';
import { conferenceExists } from './conference-exists.js';

function toEntry(row: BallotEntriesTable): StoredBallotEntry {
  return {
    conferenceId: row.conference_id,
    sheetId: row.sheet_id,
    ballotNumber: Number(row.ballot_number),
    slot: row.slot as EntrySlot,
    memberId: row.member_id,
    void: Number(row.void) === 1,
    marks: row.marks,
    version: Number(row.version),
    clientId: row.client_id,
  };
}

/** Line positions whose key differs between two mark strings (for the audit log: positions, never values). */
function changedLines(before: string, after: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++)
    if (before[i] !== after[i]) out.push(i);
  return out;
}

/** CountingRepository over Kysely. */
export class KyselyCountingRepository implements CountingRepository {
  constructor(private readonly ctx: StoreContext) {}

  setAccounting(actor: Actor, figures: SheetAccounting): Promise<StoreResult<SheetAccounting>> {
    return this.ctx.write(async (w) => {
      if (!(await conferenceExists(w.db, figures.conferenceId)))
        return notFound('conference', figures.conferenceId);
      const before = await w.db
        .selectFrom('ballot_accounting')
        .selectAll()
        .where('conference_id', '=', figures.conferenceId)
        .where('sheet_id', '=', figures.sheetId)
        .executeTakeFirst();
      const values = {
        issued: figures.issued,
        collected: figures.collected,
        spoiled_exchanged: figures.spoiledExchanged,
      };
      if (before) {
        await w.db
          .updateTable('ballot_accounting')
          .set(values)
          .where('conference_id', '=', figures.conferenceId)
          .where('sheet_id', '=', figures.sheetId)
          .execute();
      } else {
        await w.db
          .insertInto('ballot_accounting')
          .values({ conference_id: figures.conferenceId, sheet_id: figures.sheetId, ...values })
          .execute();
      }
      const after: SheetAccounting = {
        conferenceId: figures.conferenceId,
        sheetId: figures.sheetId,
        issued: figures.issued,
        collected: figures.collected,
        spoiledExchanged: figures.spoiledExchanged,
      };
      await w.audit(
        actor,
        'counting.accounting',
        'ballot_sheet',
        `${figures.conferenceId}/${figures.sheetId}`,
        before ?? null,
        after,
      );
      return ok(after);
    });
  }

  async accounting(conferenceId: Id): Promise<SheetAccounting[]> {
    const rows = await this.ctx.db
      .selectFrom('ballot_accounting')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .orderBy('sheet_id')
      .execute();
    return rows.map((r) => ({
      conferenceId: r.conference_id,
      sheetId: r.sheet_id,
      issued: Number(r.issued),
      collected: Number(r.collected),
      spoiledExchanged: Number(r.spoiled_exchanged),
    }));
  }

  saveEntry(
    actor: Actor,
    input: BallotEntryInput,
    options: { readonly override?: boolean } = {},
  ): Promise<StoreResult<{ entry: StoredBallotEntry; replayed: boolean }>> {
    return this.ctx.write(async (w) => {
      const aggregate = await w.db
        .selectFrom('aggregate_counts')
        .select('subject_id')
        .where('conference_id', '=', input.conferenceId)
        .where('sheet_id', '=', input.sheetId)
        .executeTakeFirst();
      if (aggregate) {
        return err({
          code: 'counting_mode_conflict',
          message: 'This sheet was counted by hand (aggregate entry); ballots cannot be entered.',
        });
      }
      const rows = await w.db
        .selectFrom('ballot_entries')
        .selectAll()
        .where('conference_id', '=', input.conferenceId)
        .where('sheet_id', '=', input.sheetId)
        .where('ballot_number', '=', input.ballotNumber)
        .execute();
      const current = rows.map(toEntry).find((e) => e.slot === input.slot) ?? null;
      const other = rows.map(toEntry).find((e) => e.slot !== input.slot) ?? null;
      // A retry of a save that was committed but whose answer was lost: answer it again, write nothing.
      if (current && current.version === input.version && current.clientId === input.clientId)
        return ok({ entry: current, replayed: true });
      const expected = (current?.version ?? 0) + 1;
      if (input.version !== expected) {
        return err({
          code: 'entry_version_conflict',
          field: 'version',
          message: `Ballot ${input.ballotNumber} slot ${input.slot} is at version ${current?.version ?? 0}; send version ${expected}.`,
        });
      }
      const owner = current?.memberId ?? input.memberId;
      if (owner !== input.memberId && options.override !== true) {
        return err({
          code: 'entry_slot_taken',
          field: 'slot',
          message: `Another member entered slot ${input.slot} of ballot ${input.ballotNumber}.`,
        });
      }
      // Two independent readings (issue 4 §4): the slot keeps its first member even when the head corrects it.
      if (other && other.memberId === owner) {
        return err({
          code: 'same_member_both_entries',
          field: 'slot',
          message: `The same member cannot enter both slots of ballot ${input.ballotNumber}.`,
        });
      }
      const row: BallotEntriesTable = {
        conference_id: input.conferenceId,
        sheet_id: input.sheetId,
        ballot_number: input.ballotNumber,
        slot: input.slot,
        member_id: owner,
        void: input.void ? 1 : 0,
        marks: input.marks,
        version: input.version,
        client_id: input.clientId,
      };
      if (current) {
        await w.db
          .updateTable('ballot_entries')
          .set({ void: row.void, marks: row.marks, version: row.version, client_id: row.client_id })
          .where('conference_id', '=', input.conferenceId)
          .where('sheet_id', '=', input.sheetId)
          .where('ballot_number', '=', input.ballotNumber)
          .where('slot', '=', input.slot)
          .execute();
      } else {
        await w.db.insertInto('ballot_entries').values(row).execute();
      }
      // Who changed which ballot and line positions; never the marks (issue 4: secrecy of the count).
      await w.audit(
        actor,
        current ? 'ballot_entry.change' : 'ballot_entry.create',
        'ballot_entry',
        `${input.conferenceId}/${input.sheetId}/${input.ballotNumber}/${input.slot}`,
        current ? { version: current.version, memberId: current.memberId } : null,
        {
          version: input.version,
          memberId: owner,
          changedBy: input.memberId,
          voidChanged: current ? current.void !== input.void : input.void,
          changedLines: changedLines(current?.marks ?? '', input.marks),
        },
      );
      return ok({ entry: toEntry(row), replayed: false });
    });
  }

  async entries(conferenceId: Id, sheetId?: string): Promise<StoredBallotEntry[]> {
    let query = this.ctx.db
      .selectFrom('ballot_entries')
      .selectAll()
      .where('conference_id', '=', conferenceId);
    if (sheetId !== undefined) query = query.where('sheet_id', '=', sheetId);
    const rows = await query.orderBy('sheet_id').orderBy('ballot_number').orderBy('slot').execute();
    return rows.map(toEntry);
  }

  setAggregate(
    actor: Actor,
    conferenceId: Id,
    sheetId: string,
    lines: readonly AggregateLine[],
  ): Promise<StoreResult<AggregateLine[]>> {
    return this.ctx.write(async (w) => {
      const entered = await w.db
        .selectFrom('ballot_entries')
        .select('ballot_number')
        .where('conference_id', '=', conferenceId)
        .where('sheet_id', '=', sheetId)
        .executeTakeFirst();
      if (entered) {
        return err({
          code: 'counting_mode_conflict',
          message: 'Ballots are already entered one by one on this sheet.',
        });
      }
      await w.db
        .deleteFrom('aggregate_counts')
        .where('conference_id', '=', conferenceId)
        .where('sheet_id', '=', sheetId)
        .execute();
      if (lines.length > 0) {
        await w.db
          .insertInto('aggregate_counts')
          .values(
            lines.map((l) => ({
              conference_id: conferenceId,
              sheet_id: sheetId,
              subject_id: l.subjectId,
              high: l.high,
              confidence: l.confidence,
              low: l.low,
              invalid: l.invalid,
            })),
          )
          .execute();
      }
      await w.audit(
        actor,
        'counting.aggregate',
        'ballot_sheet',
        `${conferenceId}/${sheetId}`,
        null,
        {
          lines,
        },
      );
      return ok([...lines]);
    });
  }

  async aggregates(conferenceId: Id): Promise<Map<string, AggregateLine[]>> {
    const rows = await this.ctx.db
      .selectFrom('aggregate_counts')
      .selectAll()
      .where('conference_id', '=', conferenceId)
      .execute();
    const out = new Map<string, AggregateLine[]>();
    for (const r of rows) {
      const list = out.get(r.sheet_id) ?? [];
      list.push({
        subjectId: r.subject_id,
        high: Number(r.high),
        confidence: Number(r.confidence),
        low: Number(r.low),
        invalid: Number(r.invalid),
      });
      out.set(r.sheet_id, list);
    }
    return out;
  }
}
