// Báo cáo: uploaded reports, metadata and bytes in the database.

import { createHash } from 'node:crypto';
import { err, ok } from '../../rules/index.js';
import { REPORT_MAX_BYTES, type Actor, type Id, type Report } from '../../core/model/index.js';
import type { ReportsTable } from '../db/schema.js';
import type { StoreContext } from '../db/store-context.js';
import type { NewReport, ReportRepository, StoreResult } from '../store.js';
import { invalid, notFound } from './failures.js';
import { toBytes, toReport } from './mappers.js';

const META = [
  'id',
  'conference_id',
  'person_id',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'uploaded_at',
] as const;

/** ReportRepository over Kysely. */
export class KyselyReportRepository implements ReportRepository {
  constructor(private readonly ctx: StoreContext) {}

  upload(actor: Actor, input: NewReport): Promise<StoreResult<Report>> {
    return this.ctx.write(async (w) => {
      if (input.content.byteLength > REPORT_MAX_BYTES) {
        return err({
          code: 'file_too_large',
          field: 'file',
          message: `The report is ${input.content.byteLength} bytes; the limit is ${REPORT_MAX_BYTES}.`,
        });
      }
      if (input.content.byteLength === 0) return invalid('file', 'The report file is empty.');
      const subject = await w.db
        .selectFrom('conference_subjects')
        .select('id')
        .where('conference_id', '=', input.conferenceId)
        .where('person_id', '=', input.personId)
        .executeTakeFirst();
      if (!subject) return notFound('person voted on at this conference', input.personId);
      const row: ReportsTable = {
        id: input.id ?? w.newId(),
        conference_id: input.conferenceId,
        person_id: input.personId,
        file_name: input.fileName.normalize('NFC').trim(),
        media_type: input.mediaType,
        size_bytes: input.content.byteLength,
        sha256: createHash('sha256').update(input.content).digest('hex'),
        uploaded_by: actor.userId,
        uploaded_at: w.now,
        content: Buffer.from(
          input.content.buffer,
          input.content.byteOffset,
          input.content.byteLength,
        ),
      };
      await w.db.insertInto('reports').values(row).execute();
      const report = toReport(row);
      await w.audit(actor, 'report.upload', 'report', report.id, null, report);
      return ok(report);
    });
  }

  delete(actor: Actor, id: Id): Promise<StoreResult<Report>> {
    return this.ctx.write(async (w) => {
      const before = await this.get(id, w.db);
      if (!before) return notFound('report', id);
      await w.db.deleteFrom('reports').where('id', '=', id).execute();
      await w.audit(actor, 'report.delete', 'report', id, before, null);
      return ok(before);
    });
  }

  async get(id: Id, db = this.ctx.db): Promise<Report | null> {
    const row = await db.selectFrom('reports').select(META).where('id', '=', id).executeTakeFirst();
    return row ? toReport(row) : null;
  }

  async list(conferenceId: Id, filter?: { readonly personId?: Id }): Promise<Report[]> {
    let query = this.ctx.db
      .selectFrom('reports')
      .select(META)
      .where('conference_id', '=', conferenceId);
    if (filter?.personId !== undefined) query = query.where('person_id', '=', filter.personId);
    const rows = await query.orderBy('uploaded_at', 'desc').orderBy('id').execute();
    return rows.map(toReport);
  }

  async content(id: Id): Promise<Uint8Array | null> {
    const row = await this.ctx.db
      .selectFrom('reports')
      .select('content')
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toBytes(row.content) : null;
  }
}
