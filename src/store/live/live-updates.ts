// The live-update port: "conference X changed (topic)" after the change commits, and the in-process hub behind it.

import type { Id } from '../../core/model/index.js';

/**
 * What changed, coarsely, so a page knows what to fetch again: the roll call (attendance), the count
 * (accounting, entries, aggregates), the election (record events, status, voided slips, key ceremony),
 * the result (revisions, publication), or the conference row itself (status, title).
 */
export const LIVE_TOPICS = ['roll-call', 'counting', 'election', 'result', 'conference'] as const;

/** One of LIVE_TOPICS. */
export type LiveTopic = (typeof LIVE_TOPICS)[number];

/** A change notice: ids and a topic only, never ballot content, credentials or voters. */
export interface LiveChange {
  readonly conferenceId: Id;
  readonly topic: LiveTopic;
}

/** Receives change notices. */
export type LiveListener = (change: LiveChange) => void;

/**
 * Change notices of one store, delivered after the commit. A notice is a hint to fetch again, not a
 * fact: it may come twice, or for a write that failed and rolled back; a committed change is never
 * left out while the subscription holds (after a lost PostgreSQL connection every topic is sent for
 * every subscribed conference, since what changed meanwhile is unknown).
 */
export interface LiveUpdates {
  /** Calls `listener` for each change of the conference; returns the unsubscribe function. */
  subscribe(conferenceId: Id, listener: LiveListener): () => void;
  /**
   * Resolves once changes committed from now on reach subscribers (PostgreSQL: the LISTEN connection is
   * up); rejects when that connection cannot be made (it is retried in the background).
   */
  ready(): Promise<void>;
  /** Number of subscriptions (for tests and diagnostics). */
  subscriptions(): number;
}

/** The hub both implementations feed: listeners by conference, errors of one listener kept from the others. */
export interface LiveHub {
  emit(change: LiveChange): void;
  subscribe(conferenceId: Id, listener: LiveListener): () => void;
  /** The conferences that have a subscriber. */
  conferences(): Id[];
  subscriptions(): number;
}

/** Whether a string is a live topic. */
export function isLiveTopic(value: string): value is LiveTopic {
  return (LIVE_TOPICS as readonly string[]).includes(value);
}

/** `"<conferenceId> <topic>"`, the payload both databases carry (PostgreSQL NOTIFY, SQLite function). */
export function encodeLiveChange(change: LiveChange): string {
  return `${change.conferenceId} ${change.topic}`;
}

/** Reads a payload of encodeLiveChange; null for anything else. The topic is after the last space. */
export function decodeLiveChange(payload: string): LiveChange | null {
  const at = payload.lastIndexOf(' ');
  if (at <= 0) return null;
  const topic = payload.slice(at + 1);
  return isLiveTopic(topic) ? { conferenceId: payload.slice(0, at), topic } : null;
}

/** A new hub; `onListenerError` hears a listener that threw (the others still run). */
export function createLiveHub(
  onListenerError: (error: unknown) => void = () => undefined,
): LiveHub {
  const byConference = new Map<Id, Set<LiveListener>>();
  let count = 0;
  return {
    emit(change) {
      const listeners = byConference.get(change.conferenceId);
      if (listeners === undefined) return;
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(conferenceId, listener) {
      let set = byConference.get(conferenceId);
      if (set === undefined) byConference.set(conferenceId, (set = new Set()));
      // A wrapper, so the same function subscribed twice gets two subscriptions.
      const entry: LiveListener = (change) => listener(change);
      set.add(entry);
      count += 1;
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        count -= 1;
        set.delete(entry);
        if (set.size === 0 && byConference.get(conferenceId) === set)
          byConference.delete(conferenceId);
      };
    },
    conferences: () => [...byConference.keys()],
    subscriptions: () => count,
  };
}
