// Whether a conference exists: the first check of every write that hangs something on a conference.

import type { Kysely } from 'kysely';
import type { Id } from '../../core/model/index.js';
import type { Database } from '../db/schema.js';

/** True when the conference is in the store (read inside the caller's transaction). */
export async function conferenceExists(db: Kysely<Database>, conferenceId: Id): Promise<boolean> {
  const row = await db
    .selectFrom('conferences')
    .select('id')
    .where('id', '=', conferenceId)
    .executeTakeFirst();
  return row !== undefined;
}
