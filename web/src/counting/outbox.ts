// The outbox of ballot entry: every finished ballot is written to local storage first, then sent until the
// server acknowledges it, so a reload, a lost connection or a server restart loses nothing. Sends are idempotent
// (the server keeps one entry per member and ballot number), so sending twice is harmless.

/** The part of localStorage the outbox uses (a Map-backed fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where one item stands: waiting to be sent, acknowledged by the server, or refused by it. */
export type OutboxStatus = 'pending' | 'saved' | 'rejected';

/** One thing to send, kept with its status. */
export interface OutboxItem<T> {
  readonly id: string;
  readonly payload: T;
  readonly status: OutboxStatus;
  /** Bumped on every change, so an answer to an older version does not mark a newer one saved. */
  readonly version: number;
  /** The server's error code when it refused the item. */
  readonly code?: string;
}

/** What sending one item gave: acknowledged, try again later (network, 5xx), or refused for good (4xx). */
export type SendOutcome =
  | { readonly kind: 'saved' }
  | { readonly kind: 'retry' }
  | { readonly kind: 'rejected'; readonly code: string };

/** Options: how to send, and whom to tell when anything changes. */
export interface OutboxOptions<T> {
  readonly send: (item: OutboxItem<T>) => Promise<SendOutcome>;
  readonly onChange?: () => void;
}

/** A durable queue of items keyed by id, kept in `storage` under `key`. */
export class Outbox<T> {
  private items = new Map<string, OutboxItem<T>>();
  private flushing: Promise<boolean> | null = null;
  private failures = 0;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
    private readonly options: OutboxOptions<T>,
  ) {
    const raw = storage.getItem(key);
    if (raw !== null) {
      try {
        for (const item of JSON.parse(raw) as OutboxItem<T>[]) this.items.set(item.id, item);
      } catch {
        // A damaged copy (edited by hand) is set aside rather than blocking entry.
        storage.setItem(`${key}.damaged`, raw);
      }
    }
  }

  /** Every item, in the order first put. */
  list(): readonly OutboxItem<T>[] {
    return [...this.items.values()];
  }

  /** One item, or undefined. */
  get(id: string): OutboxItem<T> | undefined {
    return this.items.get(id);
  }

  /** Items not yet acknowledged. */
  pendingCount(): number {
    return this.list().filter((i) => i.status === 'pending').length;
  }

  /** Stores an item (new, or a correction of one already sent) as pending; written before it is sent. */
  put(id: string, payload: T): void {
    const before = this.items.get(id);
    this.items.set(id, { id, payload, status: 'pending', version: (before?.version ?? 0) + 1 });
    this.persist();
  }

  /** Records an item the server already holds (found there after a reload on another device), unless known. */
  remember(id: string, payload: T): void {
    if (this.items.has(id)) return;
    this.items.set(id, { id, payload, status: 'saved', version: 0 });
    this.persist();
  }

  /**
   * Sends pending items in order until one must wait; true when none is left pending. Concurrent calls
   * share one run, and a run goes on while new items arrive.
   */
  flush(): Promise<boolean> {
    this.flushing ??= this.run().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** How long to wait before the next try after failures: 0.5 s doubling up to 15 s. */
  retryDelayMs(): number {
    return this.failures === 0 ? 0 : Math.min(15_000, 500 * 2 ** (this.failures - 1));
  }

  private async run(): Promise<boolean> {
    for (;;) {
      const next = this.list().find((i) => i.status === 'pending');
      if (next === undefined) {
        this.failures = 0;
        return true;
      }
      let outcome: SendOutcome;
      try {
        outcome = await this.options.send(next);
      } catch {
        outcome = { kind: 'retry' };
      }
      if (outcome.kind === 'retry') {
        this.failures++;
        this.options.onChange?.();
        return false;
      }
      this.failures = 0;
      const now = this.items.get(next.id);
      // Changed while in flight: the newer version stays pending and goes next.
      if (now === undefined || now.version !== next.version) continue;
      this.items.set(
        next.id,
        outcome.kind === 'saved'
          ? { ...now, status: 'saved' }
          : { ...now, status: 'rejected', code: outcome.code },
      );
      this.persist();
    }
  }

  private persist(): void {
    this.storage.setItem(this.key, JSON.stringify(this.list()));
    this.options.onChange?.();
  }
}

/** A storage in memory (tests; browsers without localStorage). */
export function memoryStorage(): KeyValueStorage & { readonly data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}
