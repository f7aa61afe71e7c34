// The sheets of a conference: one per ballot style, plus "all" (every subject voted on) when some ballot lists all.

import type { SheetLine } from '../../core/counting/index.js';
import { ALL_SUBJECTS_SHEET, effectiveDecision, type Conference } from '../../core/model/index.js';
import type { Repositories } from '../../store/index.js';

/** A sheet as counted: its id (a ballot style id or "all"), its name and its lines in ballot order. */
export interface SheetDef {
  readonly sheetId: string;
  readonly name: string;
  readonly lines: readonly SheetLine[];
}

/** Name of the sheet listing every subject voted on. */
export const ALL_SUBJECTS_SHEET_NAME = 'Phiếu chung (tất cả người được lấy phiếu)';

// Person names, cached per store: a save of every key press must not read the person register each time.
const nameCaches = new WeakMap<Repositories, Map<string, string>>();

/** The sheets of the conference, styles by name, then "all" when a participant has no style or no style exists. */
export async function loadSheets(store: Repositories, conference: Conference): Promise<SheetDef[]> {
  const [subjects, styles] = await Promise.all([
    store.subjects.list(conference.id),
    store.ballotStyles.list(conference.id),
  ]);
  const voted = subjects.filter((s) => effectiveDecision(s) === 'vote');
  const names = nameCaches.get(store) ?? new Map<string, string>();
  nameCaches.set(store, names);
  for (const s of voted) {
    if (!names.has(s.personId)) {
      const person = await store.persons.get(s.personId);
      names.set(s.personId, person?.fullName ?? s.personId);
    }
  }
  const line = (s: (typeof voted)[number]): SheetLine => ({
    subjectId: s.id,
    personId: s.personId,
    fullName: names.get(s.personId) ?? s.personId,
    title: s.title,
  });
  const byId = new Map(voted.map((s) => [s.id, s]));
  const sheets: SheetDef[] = styles.map((style) => ({
    sheetId: style.id,
    name: style.name,
    lines: style.subjectIds.flatMap((id) => {
      const s = byId.get(id);
      return s ? [line(s)] : [];
    }),
  }));
  // Without styles, every ballot lists every subject (the participant list is then not read at all).
  const everyone =
    styles.length === 0 ||
    (await store.participants.list(conference.id)).some((p) => p.ballotStyleId === null);
  if (everyone) {
    sheets.push({
      sheetId: ALL_SUBJECTS_SHEET,
      name: ALL_SUBJECTS_SHEET_NAME,
      lines: voted.map(line),
    });
  }
  return sheets;
}
