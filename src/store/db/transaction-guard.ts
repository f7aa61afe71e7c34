// Catches the root store used inside store.transaction(fn): on SQLite's one connection it would wait forever.

import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

const inside = new AsyncLocalStorage<symbol>();

/** Runs `fn` marked as inside the transaction of the store `owner`. */
export function runInsideTransaction<T>(owner: symbol, fn: () => Promise<T>): Promise<T> {
  return inside.run(owner, fn);
}

/** Throws if the caller is inside a transaction of the store `owner` (a broken invariant). */
export function assertOutsideTransaction(owner: symbol): void {
  if (inside.getStore() === owner) {
    throw new Error(
      'store_misuse: inside store.transaction(fn) use its `tx` argument, not the store; ' +
        'on SQLite the store would wait for this very transaction forever.',
    );
  }
}

/** A Kysely plugin for the root database: every query checks that it is not run from inside a transaction. */
export class OutsideTransactionGuard implements KyselyPlugin {
  constructor(private readonly owner: symbol) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    assertOutsideTransaction(this.owner);
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
