// The keyboard entry of a ballot: marks move the cursor, corrections, void, Enter only on a complete ballot.

import { describe, expect, it } from 'vitest';
import {
  isComplete,
  markKey,
  pressKey,
  reopenBallot,
  startBallot,
  type EntryState,
} from './entry-machine.js';

const type = (state: EntryState, keys: readonly string[]) => {
  let s = state;
  const notices = [];
  for (const key of keys) {
    const next = pressKey(s, key);
    s = next.state;
    notices.push(next.notice);
  }
  return { state: s, notices };
};

describe('ballot entry keys', () => {
  it('enters 1 2 3 0 x line by line and finishes with Enter into the next ballot', () => {
    const { state, notices } = type(startBallot(7, 5), ['1', '2', '3', '0', 'x', 'Enter']);
    expect(notices.at(-1)).toEqual({
      kind: 'finished',
      entry: {
        ballotNumber: 7,
        void: false,
        marks: ['high', 'confidence', 'low', 'none', 'several'],
      },
    });
    expect(state).toEqual(startBallot(8, 5));
  });

  it('refuses Enter while a line is blank and says how many', () => {
    const { state, notices } = type(startBallot(1, 3), ['1', 'Enter']);
    expect(notices.at(-1)).toEqual({ kind: 'incomplete', missing: 2 });
    expect(state.ballotNumber).toBe(1);
    expect(isComplete(state)).toBe(false);
  });

  it('corrects with Backspace and with the arrow keys', () => {
    // 1 2, Backspace clears the 2, then 3: the second line is low.
    let { state } = type(startBallot(1, 3), ['1', '2', 'Backspace', '3']);
    expect(state.marks).toEqual(['high', 'low', null]);
    // Up twice to the first line and overwrite it; the cursor moves on.
    ({ state } = type(state, ['ArrowUp', 'ArrowUp', '2']));
    expect(state.marks).toEqual(['confidence', 'low', null]);
    expect(state.cursor).toBe(1);
    // A full ballot: a further mark corrects the last line rather than running past it.
    ({ state } = type(state, ['ArrowDown', '1', '3']));
    expect(state.marks).toEqual(['confidence', 'low', 'low']);
    expect(state.cursor).toBe(3);
    ({ state } = type(state, ['Backspace']));
    expect(state.marks).toEqual(['confidence', 'low', null]);
  });

  it('voids a whole ballot with v, which may be finished with blank lines, and Backspace un-voids', () => {
    const voided = type(startBallot(4, 2), ['v', '1']);
    expect(voided.state.void).toBe(true);
    expect(voided.state.marks).toEqual([null, null]);
    expect(voided.notices[1]).toEqual({ kind: 'ignored' });
    const back = type(voided.state, ['Backspace']);
    expect(back.state.void).toBe(false);
    const done = type(voided.state, ['Enter']);
    expect(done.notices[0]).toEqual({
      kind: 'finished',
      entry: { ballotNumber: 4, void: true, marks: ['none', 'none'] },
    });
  });

  it('ignores keys that mean nothing, and Backspace on an empty first line', () => {
    const { state, notices } = type(startBallot(1, 2), ['a', 'Backspace', ' ']);
    expect(notices.map((n) => n.kind)).toEqual(['ignored', 'ignored', 'ignored']);
    expect(state).toEqual(startBallot(1, 2));
  });

  it('reopens an entered ballot for correction and shows marks by their keys', () => {
    const state = reopenBallot({ ballotNumber: 3, void: false, marks: ['low', 'several'] }, 2);
    expect(state.marks.map(markKey).join('')).toBe('3x');
    expect(markKey(null)).toBe('·');
  });
});
