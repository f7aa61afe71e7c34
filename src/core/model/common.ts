// Shared shapes of the domain model: ids, timestamps, who acts, and the services that give time and ids.

/** An opaque text id (a random UUID unless the caller passes its own). */
export type Id = string;

/** An instant as an ISO 8601 UTC string, e.g. "2023-09-29T01:30:00.000Z". */
export type IsoTimestamp = string;

/** Who makes a change, for the audit log: a signed-in user, or a named system actor (CLI, demo loader). */
export interface Actor {
  /** The user's id; null for the system (CLI, migrations, the demo loader). */
  readonly userId: Id | null;
  /** A readable name kept in the audit log, e.g. "cli:demo" or the username. */
  readonly label: string;
}

/** The system actor used by command-line tools. */
export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

/** Gives the current time; injected so that core stays pure and tests control time. */
export interface Clock {
  now(): IsoTimestamp;
}

/** Gives new ids; injected (the store's default uses node:crypto randomUUID). */
export interface IdGenerator {
  next(): Id;
}

/** Words shown to a person, Vietnamese first. */
export interface Label {
  readonly vi: string;
  readonly en: string;
}
