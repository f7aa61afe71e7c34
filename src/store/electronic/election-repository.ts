// ElectionRepository over Kysely: elections, the hash-chained record, the DKG relay, voided credentials.

import { sql } from 'kysely';
import type { Actor, Id } from '../../core/model/index.js';
import { eventHash, GENESIS_PREV } from '../../core/election-record/event-chain.js';
import type { EventType } from '../../core/election-record/record-types.js';
import { canonicalJson } from '../../crypto/canonical-json.js';
import { err, ok } from '../../rules/index.js';
import type { StoreContext, WriteScope } from '../db/store-context.js';
import {
  CEREMONY_STATUSES,
  type BallotGroup,
  type BallotOutcome,
  type CeremonyRestart,
  type DkgMessage,
  type DkgMessageKind,
  type Election,
  type ElectionRepository,
  type ElectionStatus,
  type NewRecordEvent,
  type StoredRecordEvent,
} from '../electronic-store.js';
import { conflict, invalid, notFound } from '../repos/failures.js';
import type { StoreResult } from '../store.js';
import { conferenceExists } from '../repos/conference-exists.js';

type EventRow = {
  seq: number;
  type: string;
  prev: string;
  hash: string;
  body: string;
  credential: string | null;
  tracker: string | null;
};

/** Rows per INSERT when appending: 8 parameters each, far below either database's limit. */
const APPEND_ROWS_PER_INSERT = 100;

function eventOf(row: EventRow): StoredRecordEvent {
  return {
    seq: Number(row.seq),
    type: row.type as EventType,
    prev: row.prev,
    body: JSON.parse(row.body) as unknown,
    hash: row.hash,
    credential: row.credential,
    tracker: row.tracker,
  };
}

type ChainRow = EventRow & { conference_id: Id };

/** The rows that chain `events` after `head` (none: the record starts). */
function chainedRows(
  conferenceId: Id,
  head: { seq: number | string; hash: string } | undefined,
  events: readonly NewRecordEvent[],
): ChainRow[] {
  let seq = head ? Number(head.seq) + 1 : 0;
  let prev = head ? head.hash : GENESIS_PREV;
  return events.map((e) => {
    const hash = eventHash({ seq, type: e.type, prev, body: e.body });
    const row = {
      conference_id: conferenceId,
      seq,
      type: e.type,
      prev,
      hash,
      body: canonicalJson(e.body),
      credential: e.credential ?? null,
      tracker: e.tracker ?? null,
    };
    prev = hash;
    seq += 1;
    return row;
  });
}

/** Inserts record rows with few statements (one round trip each on PostgreSQL). */
async function insertEventRows(w: WriteScope, rows: readonly ChainRow[]): Promise<void> {
  for (let k = 0; k < rows.length; k += APPEND_ROWS_PER_INSERT)
    await w.db
      .insertInto('election_events')
      .values(rows.slice(k, k + APPEND_ROWS_PER_INSERT))
      .execute();
}

/** ElectionRepository over Kysely. */
export class KyselyElectionRepository implements ElectionRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * The election row inside a write, locked on PostgreSQL (FOR UPDATE) so that the writes of one
   * election queue up; SQLite has one writer at a time anyway.
   */
  private lockedElection(w: WriteScope, conferenceId: Id) {
    let q = w.db
      .selectFrom('elections')
      .select(['status', 'trustees', 'ceremony'])
      .where('conference_id', '=', conferenceId);
    if (this.ctx.dialect === 'postgres') q = q.forUpdate();
    return q.executeTakeFirst();
  }

  create(
    actor: Actor,
    input: { conferenceId: Id; threshold: number; memberIds: readonly Id[]; manifest: unknown },
  ): Promise<StoreResult<Election>> {
    return this.ctx.write(async (w) => {
      const n = input.memberIds.length;
      if (n < 1 || new Set(input.memberIds).size !== n)
        return invalid('memberIds', 'An election needs distinct trustees.');
      if (!Number.isInteger(input.threshold) || input.threshold < 1 || input.threshold > n)
        return invalid('threshold', `The threshold must be between 1 and ${n}.`);
      if (!(await conferenceExists(w.db, input.conferenceId)))
        return notFound('conference', input.conferenceId);
      const existing = await w.db
        .selectFrom('elections')
        .select('conference_id')
        .where('conference_id', '=', input.conferenceId)
        .executeTakeFirst();
      if (existing) return conflict('conferenceId', input.conferenceId);
      await w.db
        .insertInto('elections')
        .values({
          conference_id: input.conferenceId,
          trustees: n,
          threshold: input.threshold,
          status: 'keygen',
          ceremony: 1,
          created_at: w.now,
          updated_at: w.now,
        })
        .execute();
      await w.db
        .insertInto('election_trustees')
        .values(
          input.memberIds.map((memberId, k) => ({
            conference_id: input.conferenceId,
            trustee: k + 1,
            member_id: memberId,
          })),
        )
        .execute();
      const partial = {
        seq: 0,
        type: 'manifest' as const,
        prev: GENESIS_PREV,
        body: input.manifest,
      };
      await w.db
        .insertInto('election_events')
        .values({
          conference_id: input.conferenceId,
          seq: 0,
          type: 'manifest',
          prev: GENESIS_PREV,
          hash: eventHash(partial),
          body: canonicalJson(input.manifest),
          credential: null,
          tracker: null,
        })
        .execute();
      await w.audit(actor, 'election.create', 'conference', input.conferenceId, null, {
        trustees: n,
        threshold: input.threshold,
      });
      return ok((await this.read(w.db, input.conferenceId))!);
    });
  }

  get(conferenceId: Id): Promise<Election | null> {
    return this.read(this.ctx.db, conferenceId);
  }

  private async read(db: StoreContext['db'], conferenceId: Id): Promise<Election | null> {
    // one row per trustee (the booth asks this on every request)
    const rows = await db
      .selectFrom('elections as e')
      .leftJoin('election_trustees as t', 't.conference_id', 'e.conference_id')
      .selectAll('e')
      .select(['t.trustee', 't.member_id'])
      .where('e.conference_id', '=', conferenceId)
      .orderBy('t.trustee')
      .execute();
    const row = rows[0];
    if (!row) return null;
    return {
      conferenceId,
      trustees: Number(row.trustees),
      threshold: Number(row.threshold),
      status: row.status as ElectionStatus,
      ceremony: Number(row.ceremony),
      members: rows.flatMap((m) =>
        m.trustee === null || m.member_id === null
          ? []
          : [{ trustee: Number(m.trustee), memberId: m.member_id }],
      ),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  append(
    actor: Actor,
    conferenceId: Id,
    events: readonly NewRecordEvent[],
    transition?: { from: ElectionStatus; to: ElectionStatus; ceremony?: number },
  ): Promise<StoreResult<StoredRecordEvent[]>> {
    return this.ctx.write((w) => this.appendIn(w, actor, conferenceId, events, transition));
  }

  /** append() inside a write that may do more in the same transaction. */
  private async appendIn(
    w: WriteScope,
    actor: Actor,
    conferenceId: Id,
    events: readonly NewRecordEvent[],
    transition?: { from: ElectionStatus; to: ElectionStatus; ceremony?: number },
  ): Promise<StoreResult<StoredRecordEvent[]>> {
    // Appends of one election queue up on its row; the primary key (conference, seq) is the last guard.
    const election = await this.lockedElection(w, conferenceId);
    if (!election) return notFound('election', conferenceId);
    if (transition && election.status !== transition.from)
      return err({
        code: 'invalid_transition',
        field: 'status',
        message: `The election is ${election.status}, not ${transition.from}.`,
      });
    // Messages read before a restart must not enter the restarted ceremony's record (spec §8.6).
    if (transition?.ceremony !== undefined && Number(election.ceremony) !== transition.ceremony)
      return err({
        code: 'invalid_transition',
        field: 'ceremony',
        message: `Ceremony ${transition.ceremony} was restarted; ceremony ${Number(election.ceremony)} runs now.`,
      });
    const last = await w.db
      .selectFrom('election_events')
      .select(['seq', 'hash'])
      .where('conference_id', '=', conferenceId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const rows = chainedRows(conferenceId, last, events);
    await insertEventRows(w, rows);
    const out = rows.map(eventOf);
    // Guarding that the status stays (voting → voting for ballots) is no change: nothing is written,
    // neither updated_at nor an audit entry, whose times would be a clock time per ballot (G12).
    const moved = transition && transition.from !== transition.to ? transition.to : null;
    if (moved !== null) {
      await w.db
        .updateTable('elections')
        .set({ status: moved, updated_at: w.now })
        .where('conference_id', '=', conferenceId)
        .execute();
    }
    // Ballots are not audit-logged: an audit entry carries a time, and a time links a ballot to
    // whoever stood at the booth then. The record itself is their log.
    const types = events.map((e) => e.type).filter((t) => t !== 'ballot' && t !== 'audited_ballot');
    if (types.length > 0 || moved !== null)
      await w.audit(actor, 'election.append', 'conference', conferenceId, null, {
        types,
        ...(moved !== null ? { status: moved } : {}),
      });
    return ok(out);
  }

  async events(conferenceId: Id, types?: readonly EventType[]): Promise<StoredRecordEvent[]> {
    let q = this.ctx.db
      .selectFrom('election_events')
      .select(['seq', 'type', 'prev', 'hash', 'body', 'credential', 'tracker'])
      .where('conference_id', '=', conferenceId);
    if (types !== undefined) {
      if (types.length === 0) return [];
      q = q.where('type', 'in', [...types]);
    }
    const rows = await q.orderBy('seq').execute();
    return rows.map(eventOf);
  }

  async head(conferenceId: Id): Promise<{ seq: number; hash: string } | null> {
    const row = await this.ctx.db
      .selectFrom('election_events')
      .select(['seq', 'hash'])
      .where('conference_id', '=', conferenceId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash } : null;
  }

  async ballotCounts(conferenceId: Id): Promise<{ ballots: number; credentials: number }> {
    const row = await this.ctx.db
      .selectFrom('election_events')
      .select([
        sql<number>`count(*)`.as('ballots'),
        sql<number>`count(distinct credential)`.as('credentials'),
      ])
      .where('conference_id', '=', conferenceId)
      .where('type', '=', 'ballot')
      .executeTakeFirst();
    return { ballots: Number(row?.ballots ?? 0), credentials: Number(row?.credentials ?? 0) };
  }

  async credentialUsed(conferenceId: Id, credential: string): Promise<boolean> {
    const row = await this.ctx.db
      .selectFrom('election_events')
      .select('seq')
      .where('conference_id', '=', conferenceId)
      .where('credential', '=', credential)
      .where('type', '=', 'ballot')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  putDkgMessage(
    actor: Actor,
    conferenceId: Id,
    message: DkgMessage,
    ceremony?: number,
  ): Promise<StoreResult<{ replayed: boolean }>> {
    return this.ctx.write(async (w) => {
      // Locked like an append: a restart cannot slip between this check and the insert.
      const election = await this.lockedElection(w, conferenceId);
      if (!election) return notFound('election', conferenceId);
      if (ceremony !== undefined && Number(election.ceremony) !== ceremony)
        return err({
          code: 'conflict',
          field: 'ceremony',
          message: `Ceremony ${ceremony} was restarted; ceremony ${Number(election.ceremony)} runs now.`,
        });
      if (
        !Number.isInteger(message.trustee) ||
        message.trustee < 1 ||
        message.trustee > Number(election.trustees)
      )
        return invalid('trustee', `No trustee ${message.trustee}.`);
      const body = canonicalJson(message.body);
      const existing = await w.db
        .selectFrom('election_dkg_messages')
        .select('body')
        .where('conference_id', '=', conferenceId)
        .where('kind', '=', message.kind)
        .where('trustee', '=', message.trustee)
        .executeTakeFirst();
      if (existing) {
        // A message is posted once: the same bytes again (a retry) are fine, new ones are not.
        return existing.body === body
          ? ok({ replayed: true })
          : conflict(message.kind, String(message.trustee));
      }
      await w.db
        .insertInto('election_dkg_messages')
        .values({ conference_id: conferenceId, kind: message.kind, trustee: message.trustee, body })
        .execute();
      await w.audit(actor, 'election.dkg', 'conference', conferenceId, null, {
        kind: message.kind,
        trustee: message.trustee,
      });
      return ok({ replayed: false });
    });
  }

  async dkgMessages(conferenceId: Id, kind?: DkgMessageKind): Promise<DkgMessage[]> {
    let q = this.ctx.db
      .selectFrom('election_dkg_messages')
      .select(['kind', 'trustee', 'body'])
      .where('conference_id', '=', conferenceId);
    if (kind !== undefined) q = q.where('kind', '=', kind);
    const rows = await q.orderBy('kind').orderBy('trustee').execute();
    return rows.map((r) => ({
      kind: r.kind as DkgMessageKind,
      trustee: Number(r.trustee),
      body: JSON.parse(r.body) as unknown,
    }));
  }

  restartCeremony(
    actor: Actor,
    conferenceId: Id,
    ceremony: number,
  ): Promise<StoreResult<CeremonyRestart>> {
    return this.ctx.write(async (w) => {
      // Locked like an append, so no trustee's post lands between the reads and the deletes.
      const election = await this.lockedElection(w, conferenceId);
      if (!election) return notFound('election', conferenceId);
      const status = election.status as ElectionStatus;
      const running = Number(election.ceremony);
      const events = await w.db
        .selectFrom('election_events')
        .select(['seq', 'type', 'hash'])
        .where('conference_id', '=', conferenceId)
        .orderBy('seq')
        .execute();
      // The status says where the ceremony is; the record is checked too, since a fixed key is final.
      if (!CEREMONY_STATUSES.includes(status) || events.some((e) => e.type === 'election_key'))
        return err({
          code: 'invalid_transition',
          field: 'status',
          message: `The election is ${status}: its key is fixed, the ceremony cannot restart.`,
        });
      if (ceremony !== running)
        return err({
          code: 'conflict',
          field: 'ceremony',
          message: `Ceremony ${ceremony} was restarted already; ceremony ${running} runs now.`,
        });
      const messages = await w.db
        .selectFrom('election_dkg_messages')
        .select(['kind', 'trustee'])
        .where('conference_id', '=', conferenceId)
        .orderBy('kind')
        .orderBy('trustee')
        .execute();
      const last = events[events.length - 1]!;
      const droppedEvents: Record<string, number> = {};
      for (const e of events.slice(1)) droppedEvents[e.type] = (droppedEvents[e.type] ?? 0) + 1;
      // Only the manifest (event 0) stays: the record then holds the next ceremony alone (spec §11.2).
      await w.db
        .deleteFrom('election_events')
        .where('conference_id', '=', conferenceId)
        .where('seq', '>', 0)
        .execute();
      await w.db
        .deleteFrom('election_dkg_messages')
        .where('conference_id', '=', conferenceId)
        .execute();
      await w.db
        .updateTable('elections')
        .set({ status: 'keygen', ceremony: running + 1, updated_at: w.now })
        .where('conference_id', '=', conferenceId)
        .execute();
      const dropped: CeremonyRestart['dropped'] = {
        ceremony: running,
        status,
        head: { seq: Number(last.seq), hash: last.hash },
        events: droppedEvents,
        messages: messages.map((m) => `${m.kind}:${Number(m.trustee)}`),
      };
      await w.audit(
        actor,
        'election.ceremony_restart',
        'conference',
        conferenceId,
        { ceremony: running, status, head: dropped.head },
        {
          ceremony: running + 1,
          status: 'keygen',
          dropped: { events: droppedEvents, messages: dropped.messages },
        },
      );
      return ok({ election: (await this.read(w.db, conferenceId))!, dropped });
    });
  }

  voidCredentials(
    actor: Actor,
    conferenceId: Id,
    credentials: readonly string[],
    reason: 'paper' | 'unused',
  ): Promise<StoreResult<number>> {
    return this.ctx.write(async (w) => {
      // locked before the check for a ballot cast with these slips (appendBallots' other side)
      const election = await this.lockedElection(w, conferenceId);
      if (!election) return notFound('election', conferenceId);
      const already = new Set(
        (
          await w.db
            .selectFrom('election_voided_credentials')
            .select('credential')
            .where('conference_id', '=', conferenceId)
            .execute()
        ).map((r) => r.credential),
      );
      const fresh = [...new Set(credentials)].filter((c) => !already.has(c));
      // A slip handed in for paper is voided in the public record too (spec §7.6), so anyone can
      // check that no voter counts twice; slips unused at closing can no longer vote, and stay here.
      if (reason === 'paper' && fresh.length > 0) {
        // checked again inside the transaction: a ballot may have come in since the caller looked
        for (let k = 0; k < fresh.length; k += 500) {
          const cast = await w.db
            .selectFrom('election_events')
            .select('credential')
            .where('conference_id', '=', conferenceId)
            .where('type', '=', 'ballot')
            .where('credential', 'in', fresh.slice(k, k + 500))
            .limit(1)
            .executeTakeFirst();
          if (cast)
            return err({
              code: 'conflict' as const,
              field: 'credentials',
              message: `A ballot was already cast with ${cast.credential}.`,
            });
        }
        const appended = await this.appendIn(w, actor, conferenceId, [
          { type: 'credentials_voided', body: { credentials: fresh } },
        ]);
        if (!appended.ok) return appended;
      }
      for (let k = 0; k < fresh.length; k += 500) {
        await w.db
          .insertInto('election_voided_credentials')
          .values(
            fresh
              .slice(k, k + 500)
              .map((credential) => ({ conference_id: conferenceId, credential, reason })),
          )
          .execute();
      }
      if (fresh.length > 0)
        await w.audit(actor, 'election.void', 'conference', conferenceId, null, {
          voided: fresh.length,
          reason,
        });
      return ok(fresh.length);
    });
  }

  appendBallots(groups: readonly BallotGroup[]): Promise<BallotOutcome[][]> {
    return this.ctx.write(async (w) => {
      const ids = [...new Set(groups.map((g) => g.conferenceId))];
      if (ids.length === 0) return [];
      // Appends queue up on the election rows, locked in id order (ORDER BY) so that two servers'
      // commits cannot deadlock; the voided slips are read under them (voidCredentials takes the same row).
      let locked = w.db
        .selectFrom('elections')
        .select(['conference_id', 'status'])
        .where('conference_id', 'in', ids)
        .orderBy('conference_id');
      if (this.ctx.dialect === 'postgres') locked = locked.forUpdate();
      const status = new Map((await locked.execute()).map((r) => [r.conference_id, r.status]));
      const credentials = [...new Set(groups.flatMap((g) => g.ballots.map((b) => b.credential)))];
      const voided = new Set<string>();
      for (let k = 0; k < credentials.length; k += 500)
        for (const r of await w.db
          .selectFrom('election_voided_credentials')
          .select(['conference_id', 'credential'])
          .where('conference_id', 'in', ids)
          .where('credential', 'in', credentials.slice(k, k + 500))
          .execute())
          voided.add(`${r.conference_id} ${r.credential}`);
      // every record's head in one read: the row of each conference's highest seq
      const heads = new Map(
        (
          await w.db
            .selectFrom('election_events as e')
            .innerJoin(
              (db) =>
                db
                  .selectFrom('election_events')
                  .select(['conference_id', (eb) => eb.fn.max('seq').as('top')])
                  .where('conference_id', 'in', ids)
                  .groupBy('conference_id')
                  .as('m'),
              (join) =>
                join.onRef('m.conference_id', '=', 'e.conference_id').onRef('m.top', '=', 'e.seq'),
            )
            .select(['e.conference_id', 'e.seq', 'e.hash'])
            .execute()
        ).map((r) => [r.conference_id, { seq: r.seq, hash: r.hash }]),
      );
      const rows: ChainRow[] = [];
      const outcomes = groups.map((group): BallotOutcome[] => {
        const state = status.get(group.conferenceId);
        if (state === undefined) return group.ballots.map(() => 'no_election');
        // Ballots are taken while voting stays open; nothing about the election is written.
        if (state !== 'voting') return group.ballots.map(() => 'not_voting');
        const fresh = group.ballots.filter(
          (b) => !voided.has(`${group.conferenceId} ${b.credential}`),
        );
        const chained = chainedRows(
          group.conferenceId,
          heads.get(group.conferenceId),
          fresh.map((b) => ({ type: 'ballot' as const, ...b })),
        );
        const last = chained.at(-1);
        if (last) heads.set(group.conferenceId, last);
        rows.push(...chained);
        const seqOf = new Map(fresh.map((b, k) => [b, chained[k]!.seq]));
        return group.ballots.map((b) => seqOf.get(b) ?? 'voided');
      });
      await insertEventRows(w, rows);
      return outcomes;
    });
  }

  async voidedCredentials(conferenceId: Id): Promise<{ credential: string; reason: string }[]> {
    return this.ctx.db
      .selectFrom('election_voided_credentials')
      .select(['credential', 'reason'])
      .where('conference_id', '=', conferenceId)
      .orderBy('credential')
      .execute();
  }
}
