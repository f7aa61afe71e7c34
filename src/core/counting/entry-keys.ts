// The keys of ballot-by-ballot entry: 1 tín nhiệm cao, 2 tín nhiệm, 3 tín nhiệm thấp, 0 no mark, x several marks.

import type { LineMark } from '../../rules/index.js';

/** What a key press means on a line, or that the whole ballot is void ('v'). */
export type EntryKey = LineMark | 'void';

const KEYS: Readonly<Record<string, EntryKey>> = {
  '1': 'high',
  '2': 'confidence',
  '3': 'low',
  '0': 'none',
  x: 'several',
  X: 'several',
  v: 'void',
  V: 'void',
};

/** The meaning of a key, or null for a key that means nothing in entry. */
export function readEntryKey(key: string): EntryKey | null {
  return KEYS[key] ?? null;
}

/** The key that enters a mark, for showing an entry back to the committee. */
export function keyForMark(mark: LineMark): string {
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
  }
}
