// Sends one member's ballot entries through the outbox with the API's versioned, idempotent saves
// (contract §4): a retry repeats the same clientId and version, so the server never counts a ballot twice.

import type { ApiResult } from '../api/client.js';
import type { BallotEntryDto, BallotEntryInput, Slot } from '../api/day-types.js';
import type { KeyValueStorage, OutboxItem, SendOutcome } from './outbox.js';

/** What the outbox holds for one ballot. */
export interface BallotPayload {
  readonly sheetId: string;
  readonly ballotNumber: number;
  readonly slot: Slot;
  readonly void: boolean;
  /** One key per line: "1203x". */
  readonly marks: string;
}

/** The id of a ballot in the outbox. */
export function ballotItemId(p: Pick<BallotPayload, 'sheetId' | 'ballotNumber' | 'slot'>): string {
  return `${p.sheetId}/${p.slot}/${p.ballotNumber}`;
}

/** The calls the sender needs (the real API, or a fake in tests). */
export interface BallotTransport {
  readonly save: (p: BallotPayload, body: BallotEntryInput) => Promise<ApiResult<BallotEntryDto>>;
  readonly mine: (sheetId: string, slot: Slot) => Promise<ApiResult<BallotEntryDto[]>>;
}

/** Per ballot: the version the server acknowledged, and the save being tried (kept across reloads). */
interface VersionState {
  server: number;
  attempt?: { version: number; clientId: string; forItemVersion: number };
}

/** A random id for a save (crypto.randomUUID is missing outside secure contexts). */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether the server's entry is what the member last typed. */
function sameAs(dto: BallotEntryDto, p: BallotPayload): boolean {
  return dto.void === p.void && (p.void || dto.marks === p.marks);
}

/**
 * A send function for Outbox<BallotPayload>: saves with the next version; a replay of an older save, or a
 * version conflict (the answer to an earlier save was lost), is resolved by reading the server's version
 * and saving again. Network failures and 5xx answers wait for a retry; other refusals are final.
 */
export function ballotSender(
  storage: KeyValueStorage,
  key: string,
  transport: BallotTransport,
): (item: OutboxItem<BallotPayload>) => Promise<SendOutcome> {
  const read = (): Record<string, VersionState> => {
    try {
      return JSON.parse(storage.getItem(key) ?? '{}') as Record<string, VersionState>;
    } catch {
      return {};
    }
  };
  const write = (id: string, state: VersionState) => {
    const all = read();
    all[id] = state;
    storage.setItem(key, JSON.stringify(all));
  };
  return async (item) => {
    const p = item.payload;
    const state: VersionState = read()[item.id] ?? { server: 0 };
    for (let round = 0; round < 4; round++) {
      if (state.attempt === undefined || state.attempt.forItemVersion !== item.version) {
        state.attempt = {
          version: state.server + 1,
          clientId: newClientId(),
          forItemVersion: item.version,
        };
      }
      // Written before sending: after a reload the same save is repeated with the same clientId.
      write(item.id, state);
      const answer = await transport.save(p, {
        clientId: state.attempt.clientId,
        version: state.attempt.version,
        void: p.void,
        marks: p.marks,
      });
      if (answer.ok) {
        state.server = answer.value.version;
        delete state.attempt;
        write(item.id, state);
        if (sameAs(answer.value, p)) return { kind: 'saved' };
        continue; // a replay of an earlier save: send the newer reading as the next version
      }
      const problem = answer.error;
      if (problem.status === 0 || problem.status >= 500 || problem.status === 401) {
        return { kind: 'retry' };
      }
      if (problem.code === 'entry_version_conflict') {
        const mine = await transport.mine(p.sheetId, p.slot);
        if (!mine.ok) return { kind: 'retry' };
        const stored = mine.value.find((e) => e.ballotNumber === p.ballotNumber);
        state.server = stored?.version ?? 0;
        delete state.attempt;
        write(item.id, state);
        if (stored !== undefined && sameAs(stored, p)) return { kind: 'saved' };
        continue;
      }
      return { kind: 'rejected', code: problem.code };
    }
    return { kind: 'retry' };
  };
}
