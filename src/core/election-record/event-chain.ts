// The hash chain of record events (spec §11.1).
import { TAGS, bytesToHex, canonicalJsonBytes, digest } from '../../crypto/index.js';
import type { EventType, RecordEvent } from './record-types.js';

/** h_{−1}: 64 zeros (spec §11.1). */
export const GENESIS_PREV = '0'.repeat(64);

/** h_k = D(T_event; canonicalJSON({ seq, type, prev, body })) (spec §11.1). */
export function eventHash(e: Pick<RecordEvent, 'seq' | 'type' | 'prev' | 'body'>): string {
  return bytesToHex(
    digest(TAGS.event, [
      canonicalJsonBytes({ seq: e.seq, type: e.type, prev: e.prev, body: e.body }),
    ]),
  );
}

/** Appends an event to a chain, computing seq, prev and hash. */
export function appendEvent(events: RecordEvent[], type: EventType, body: unknown): RecordEvent {
  const prev = events.length === 0 ? GENESIS_PREV : events[events.length - 1]!.hash;
  const partial = { seq: events.length, type, prev, body };
  const event: RecordEvent = { ...partial, hash: eventHash(partial) };
  events.push(event);
  return event;
}

/** Recomputes seq, prev and hash of every event (used by tests that rewrite a record consistently). */
export function resealEvents(events: readonly Pick<RecordEvent, 'type' | 'body'>[]): RecordEvent[] {
  const out: RecordEvent[] = [];
  for (const e of events) appendEvent(out, e.type, e.body);
  return out;
}

/**
 * Index of the first event whose seq, prev or hash is wrong, or −1 (spec §11.1). `computed` holds
 * hashes already recomputed elsewhere (the ballot workers), by event index.
 */
export function firstBrokenLink(
  events: readonly RecordEvent[],
  computed: ReadonlyMap<number, string> = new Map(),
): number {
  let prev = GENESIS_PREV;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    let h: string;
    try {
      h = computed.get(k) ?? eventHash(e);
    } catch {
      return k;
    }
    if (e.seq !== k || e.prev !== prev || e.hash !== h) return k;
    prev = e.hash;
  }
  return -1;
}
