// The store's expected failures as values (store.ts StoreFailureCode).

import { err } from '../../rules/index.js';
import type { StoreFailure } from '../store.js';

/** `not_found` for an entity type and id. */
export function notFound(entity: string, id: string): { ok: false; error: StoreFailure } {
  return err({ code: 'not_found', field: 'id', message: `No ${entity} with id "${id}".` });
}

/** `conflict` on a unique field. */
export function conflict(field: string, value: string): { ok: false; error: StoreFailure } {
  return err({ code: 'conflict', field, message: `${field} "${value}" is already taken.` });
}

/** `invalid_input` on a field. */
export function invalid(field: string, message: string): { ok: false; error: StoreFailure } {
  return err({ code: 'invalid_input', field, message });
}
