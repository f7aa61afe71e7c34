// The keyboard entry of one paper ballot as a pure state machine: a key in, the next state (and a finished ballot) out.

import { readEntryKey } from '../../../src/core/counting/entry-keys.js';
import type { BallotEntry } from '../../../src/core/counting/ballot-entry.js';
import type { LineMark } from '../../../src/rules/index.js';

/** The ballot being entered: one mark (or nothing yet) per line, the line the cursor is on, void or not. */
export interface EntryState {
  /** 1-based position of the ballot in the collected pile. */
  readonly ballotNumber: number;
  readonly marks: readonly (LineMark | null)[];
  /** The line the next mark goes to; `marks.length` when every line is filled (Enter finishes). */
  readonly cursor: number;
  /** 'v': not issued by the committee, or a printed name struck out (QĐ 96 Điều 6 k3). */
  readonly void: boolean;
}

/** What a key did, for the screen to say. */
export type EntryNotice =
  | { readonly kind: 'finished'; readonly entry: BallotEntry }
  | { readonly kind: 'incomplete'; readonly missing: number }
  | { readonly kind: 'ignored' }
  | { readonly kind: 'changed' };

/** A blank ballot with `lines` lines. */
export function startBallot(ballotNumber: number, lines: number): EntryState {
  if (!Number.isSafeInteger(lines) || lines < 1)
    throw new RangeError(`startBallot: expected at least one line, got ${lines}`);
  return { ballotNumber, marks: Array<LineMark | null>(lines).fill(null), cursor: 0, void: false };
}

/** A ballot already entered, opened again for correction (cursor on its first line). */
export function reopenBallot(entry: BallotEntry, lines: number): EntryState {
  const marks = Array.from({ length: lines }, (_, i) => entry.marks[i] ?? null);
  return { ballotNumber: entry.ballotNumber, marks, cursor: 0, void: entry.void };
}

/** Whether Enter would finish the ballot: void, or a mark on every line. */
export function isComplete(state: EntryState): boolean {
  return state.void || state.marks.every((m) => m !== null);
}

/**
 * Applies one key (KeyboardEvent.key): `1` `2` `3` `0` `x` mark the cursor's line and move on; `v` voids
 * the ballot or un-voids it; Backspace clears the line before the cursor (or the void); ArrowUp/Left and
 * ArrowDown/Right move the cursor; Home goes to the first line; Enter finishes a complete ballot, whose
 * entry it returns with a blank next ballot.
 */
export function pressKey(
  state: EntryState,
  key: string,
): { readonly state: EntryState; readonly notice: EntryNotice } {
  const lines = state.marks.length;
  const meaning = readEntryKey(key);
  if (meaning === 'void') {
    return { state: { ...state, void: !state.void }, notice: { kind: 'changed' } };
  }
  if (meaning !== null) {
    if (state.void) return { state, notice: { kind: 'ignored' } };
    // A full ballot takes a mark on its last line (a correction), not a new line past the end.
    const at = Math.min(state.cursor, lines - 1);
    const marks = state.marks.map((m, i) => (i === at ? meaning : m));
    return {
      state: { ...state, marks, cursor: Math.min(at + 1, lines) },
      notice: { kind: 'changed' },
    };
  }
  switch (key) {
    case 'Backspace': {
      if (state.void) return { state: { ...state, void: false }, notice: { kind: 'changed' } };
      // On a filled line the key clears it; at the start of a blank line it clears the line before.
      const here = state.cursor < lines ? state.marks[state.cursor] : null;
      const at = here !== null && here !== undefined ? state.cursor : state.cursor - 1;
      if (at < 0) return { state, notice: { kind: 'ignored' } };
      const marks = state.marks.map((m, i) => (i === at ? null : m));
      return { state: { ...state, marks, cursor: at }, notice: { kind: 'changed' } };
    }
    case 'ArrowUp':
    case 'ArrowLeft':
      return {
        state: { ...state, cursor: Math.max(0, state.cursor - 1) },
        notice: { kind: 'changed' },
      };
    case 'ArrowDown':
    case 'ArrowRight':
      return {
        state: { ...state, cursor: Math.min(lines, state.cursor + 1) },
        notice: { kind: 'changed' },
      };
    case 'Home':
      return { state: { ...state, cursor: 0 }, notice: { kind: 'changed' } };
    case 'Enter': {
      if (!isComplete(state)) {
        return {
          state,
          notice: { kind: 'incomplete', missing: state.marks.filter((m) => m === null).length },
        };
      }
      const entry: BallotEntry = {
        ballotNumber: state.ballotNumber,
        void: state.void,
        // A void ballot's lines do not count (sameReading ignores them); blank ones are sent as no mark.
        marks: state.marks.map((m) => m ?? 'none'),
      };
      return {
        state: startBallot(state.ballotNumber + 1, lines),
        notice: { kind: 'finished', entry },
      };
    }
    default:
      return { state, notice: { kind: 'ignored' } };
  }
}

/** The key that shows a mark back to the member (the same key that entered it), or '·' for blank. */
export function markKey(mark: LineMark | null): string {
  switch (mark) {
    case 'high':
      return '1';
    case 'confidence':
      return '2';
    case 'low':
      return '3';
    case 'none':
      return '0';
    case 'several':
      return 'x';
    case null:
      return '·';
  }
}
