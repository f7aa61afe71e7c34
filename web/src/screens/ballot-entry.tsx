// Nhập phiếu — one member's keyboard entry of a pile of paper ballots, one ballot at a time. Every finished
// ballot goes to the outbox in localStorage before it is sent; "đã lưu" appears only on the server's answer.

import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { BallotEntry } from '../../../src/core/counting/ballot-entry.js';
import { keyForMark, readEntryKey } from '../../../src/core/counting/entry-keys.js';
import type { LineMark } from '../../../src/rules/index.js';
import { dayApi } from '../api/day-endpoints.js';
import type { CountingSheet, Slot } from '../api/day-types.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { ballotItemId, ballotSender, type BallotPayload } from '../counting/ballot-sync.js';
import {
  markKey,
  pressKey,
  reopenBallot,
  startBallot,
  type EntryState,
} from '../counting/entry-machine.js';
import { memoryStorage, Outbox, type KeyValueStorage } from '../counting/outbox.js';
import { isMessageKey, useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import '../styles/day.css';

function browserStorage(): KeyValueStorage {
  try {
    localStorage.setItem('tinnhiem.probe', '1');
    return localStorage;
  } catch {
    return memoryStorage();
  }
}

const toMarks = (marks: readonly LineMark[]) => marks.map(keyForMark).join('');
const fromMarks = (text: string): LineMark[] =>
  [...text].map((k) => {
    const m = readEntryKey(k);
    return m === null || m === 'void' ? 'none' : m;
  });

/** The entry screen for one sheet (ballot style) of a conference. */
export function BallotEntryScreen({
  conferenceId,
  sheetId,
}: {
  conferenceId: string;
  sheetId: string;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const overview = useLoad(() => dayApi.counting(conferenceId), `en-${conferenceId}`);
  const sheet = overview.data?.sheets.find((s) => s.sheetId === sheetId);
  const storage = useMemo(browserStorage, []);
  const slotKey = `tinnhiem.slot.${conferenceId}.${sheetId}.${user?.id ?? ''}`;
  const [slot, setSlotState] = useState<Slot | null>(() => {
    const saved = storage.getItem(slotKey);
    return saved === 'a' || saved === 'b' ? saved : null;
  });
  const setSlot = (s: Slot) => {
    storage.setItem(slotKey, s);
    setSlotState(s);
  };

  return (
    <div className="entry-screen" data-testid="entry-screen">
      <header className="entry-header">
        <Link href={`/conferences/${encodeURIComponent(conferenceId)}/counting`}>
          ← {t('day.counting')}
        </Link>
        <h1>
          {t('entry.title')}
          {sheet ? <span className="subtitle">{sheet.name}</span> : null}
        </h1>
        {slot ? (
          <span className="badge slot-badge" data-testid="entry-slot">
            {t(slot === 'a' ? 'entry.slotA' : 'entry.slotB')}
          </span>
        ) : null}
      </header>
      <ProblemAlert problem={overview.problem} />
      {sheet === undefined ? null : sheet.accounting === null ? (
        <p className="alert alert-error">{t('entry.noAccounting')}</p>
      ) : slot === null ? (
        <fieldset className="card slot-choice">
          <legend>{t('entry.slot')}</legend>
          <p>{t('entry.chooseSlot')}</p>
          <div className="row-wrap">
            <button type="button" onClick={() => setSlot('a')}>
              {t('entry.slotA')}
            </button>
            <button type="button" onClick={() => setSlot('b')}>
              {t('entry.slotB')}
            </button>
          </div>
        </fieldset>
      ) : (
        <EntryDesk
          key={slot}
          conferenceId={conferenceId}
          sheet={sheet}
          slot={slot}
          storage={storage}
          storageKey={`tinnhiem.entry.${conferenceId}.${sheetId}.${slot}.${user?.id ?? ''}`}
        />
      )}
    </div>
  );
}

function EntryDesk(props: {
  conferenceId: string;
  sheet: CountingSheet;
  slot: Slot;
  storage: KeyValueStorage;
  storageKey: string;
}) {
  const { conferenceId, sheet, slot, storage, storageKey } = props;
  const { t } = useI18n();
  const codeText = (code: string) => {
    const key = `error.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
  const lines = sheet.lines.length;
  const collected = sheet.accounting?.collected ?? 0;
  const [, setTick] = useState(0);
  const [online, setOnline] = useState(true);
  const rerender = useCallback(() => setTick((n) => n + 1), []);

  const outbox = useMemo(
    () =>
      new Outbox<BallotPayload>(storage, `${storageKey}.outbox`, {
        send: ballotSender(storage, `${storageKey}.versions`, {
          save: (p, body) =>
            dayApi.saveBallot(conferenceId, p.sheetId, p.ballotNumber, p.slot, body),
          mine: (s, sl) => dayApi.myBallots(conferenceId, s, sl),
        }),
        onChange: rerender,
      }),
    [storage, storageKey, conferenceId, rerender],
  );

  const entered = (): Set<number> =>
    new Set(
      outbox
        .list()
        .filter((i) => i.status !== 'rejected')
        .map((i) => i.payload.ballotNumber),
    );
  const nextMissing = (after = 0): number => {
    const done = entered();
    for (let n = after + 1; n <= collected; n++) if (!done.has(n)) return n;
    for (let n = 1; n <= collected; n++) if (!done.has(n)) return n;
    return collected + 1;
  };

  // The ballot being typed is kept on every key, so a reload puts the member back on the same line.
  const draftKey = `${storageKey}.draft`;
  const [state, setStateRaw] = useState<EntryState>(() => {
    try {
      const draft = JSON.parse(storage.getItem(draftKey) ?? 'null') as EntryState | null;
      if (draft !== null && draft.marks.length === lines) return draft;
    } catch {
      // a damaged draft is dropped
    }
    return startBallot(nextMissing(), lines);
  });
  const setState = (next: EntryState) => {
    storage.setItem(draftKey, JSON.stringify(next));
    setStateRaw(next);
  };
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

  // Send what is waiting, retrying with back-off while the server cannot be reached.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    void outbox.flush().then((done) => {
      setOnline(done || outbox.retryDelayMs() === 0);
      if (!done) timer.current = setTimeout(flush, Math.max(500, outbox.retryDelayMs()));
    });
  }, [outbox]);
  useEffect(() => {
    // Entries this member saved from another device (or before this browser's storage was cleared).
    void dayApi.myBallots(conferenceId, sheet.sheetId, slot).then((mine) => {
      if (!mine.ok) return;
      for (const e of mine.value) {
        outbox.remember(
          ballotItemId({ sheetId: sheet.sheetId, slot, ballotNumber: e.ballotNumber }),
          {
            sheetId: sheet.sheetId,
            slot,
            ballotNumber: e.ballotNumber,
            void: e.void,
            marks: e.marks,
          },
        );
      }
    });
    flush();
    const back = () => flush();
    window.addEventListener('online', back);
    return () => {
      window.removeEventListener('online', back);
      clearTimeout(timer.current);
    };
  }, [outbox, flush, conferenceId, sheet.sheetId, slot]);

  const finish = (entry: BallotEntry) => {
    const payload: BallotPayload = {
      sheetId: sheet.sheetId,
      slot,
      ballotNumber: entry.ballotNumber,
      void: entry.void,
      marks: toMarks(entry.marks),
    };
    outbox.put(ballotItemId(payload), payload);
    flush();
    setState(startBallot(nextMissing(entry.ballotNumber), lines));
    setNotice({ text: t('entry.finished', { number: entry.ballotNumber }), error: false });
  };

  const onKey = (key: string): boolean => {
    if (state.ballotNumber > collected) return false;
    const { state: next, notice: happened } = pressKey(state, key);
    if (happened.kind === 'ignored') return false;
    if (happened.kind === 'finished') finish(happened.entry);
    else if (happened.kind === 'incomplete') {
      setNotice({ text: t('entry.incomplete', { missing: happened.missing }), error: true });
    } else {
      setState(next);
      setNotice(null);
      setSpoken(spokenChange(state, next));
    }
    return true;
  };
  // What a screen reader says after a key: the line just marked and its mark, or the void state.
  const [spoken, setSpoken] = useState('');
  const spokenChange = (before: EntryState, after: EntryState): string => {
    if (before.void !== after.void) return after.void ? t('reconcile.voidShort') : '';
    const changed = after.marks.findIndex((m, i) => m !== before.marks[i]);
    const at = changed >= 0 ? changed : after.cursor;
    const line = sheet.lines[at];
    if (line === undefined) return '';
    return `${at + 1}. ${line.fullName}: ${t(`entry.mark.${after.marks[at] ?? 'empty'}` as MessageKey)}`;
  };
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  useEffect(() => {
    const handler = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      // Typing in a field (go to ballot) is not entry.
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (target?.tagName === 'BUTTON' && e.key === 'Enter') return;
      if (onKeyRef.current(e.key)) e.preventDefault();
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, []);

  const open = (n: number) => {
    const item = outbox.get(ballotItemId({ sheetId: sheet.sheetId, slot, ballotNumber: n }));
    setState(
      item
        ? reopenBallot(
            { ballotNumber: n, void: item.payload.void, marks: fromMarks(item.payload.marks) },
            lines,
          )
        : startBallot(n, lines),
    );
    setNotice(null);
  };

  const items = outbox.list();
  const pending = items.filter((i) => i.status === 'pending').length;
  const doneCount = entered().size;
  const recent = [...items]
    .sort((x, y) => y.payload.ballotNumber - x.payload.ballotNumber)
    .slice(0, 12);

  return (
    <div className="entry-desk">
      <div className="entry-main">
        {state.ballotNumber > collected ? (
          <p className="entry-done" role="status" data-testid="entry-ballot-number">
            {t('entry.done', { collected })}
          </p>
        ) : (
          <>
            <div className="entry-status-line">
              <p className="entry-ballot-number" data-testid="entry-ballot-number">
                {t('entry.ballot', { number: state.ballotNumber })}{' '}
                <span className="muted">{t('entry.ofCollected', { collected })}</span>
              </p>
              <p className="muted" data-testid="entry-progress">
                {t('entry.progress', { entered: doneCount, collected })}
              </p>
            </div>
            {state.void ? (
              <p className="void-banner" role="status" data-testid="entry-void">
                {t('entry.void')}
              </p>
            ) : null}
            <EntryLines sheet={sheet} state={state} />
          </>
        )}
        <p
          className={notice?.error ? 'alert alert-error' : 'entry-notice'}
          role="status"
          aria-live="polite"
          data-testid="entry-notice"
        >
          {notice?.text ?? ''}
        </p>
        <p className="visually-hidden" aria-live="polite" data-testid="entry-spoken">
          {spoken}
        </p>
        <p id="entry-keys" className="entry-keys">
          {t('entry.keys')}
        </p>
      </div>
      <aside className="entry-side">
        <p
          className={
            pending === 0 ? 'sync sync-ok' : online ? 'sync sync-pending' : 'sync sync-offline'
          }
          role="status"
          aria-live="polite"
          data-testid="entry-sync"
        >
          {pending === 0
            ? t('entry.allSaved')
            : online
              ? t('entry.pendingCount', { count: pending })
              : t('entry.offline', { count: pending })}
        </p>
        <GotoBallot collected={collected} onOpen={open} />
        <h2>{t('entry.recent')}</h2>
        <ol className="recent-list" data-testid="recent-list">
          {recent.map((item) => (
            <li key={item.id} data-testid="recent-ballot" data-status={item.status}>
              <span className="recent-number">#{item.payload.ballotNumber}</span>{' '}
              <span className="code">{item.payload.void ? 'v' : item.payload.marks}</span>{' '}
              <span className={`status-${item.status}`}>
                {t(`entry.${item.status === 'saved' ? 'saved' : item.status}` as MessageKey)}
                {item.code ? ` (${codeText(item.code)})` : ''}
              </span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => open(item.payload.ballotNumber)}
                aria-label={`${t('entry.correct')} #${item.payload.ballotNumber}`}
              >
                {t('entry.correct')}
              </button>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

/** The lines of the ballot being entered, the cursor's line marked for eyes and screen readers. */
function EntryLines({ sheet, state }: { sheet: CountingSheet; state: EntryState }) {
  const { t } = useI18n();
  return (
    <table className="entry-table" aria-describedby="entry-keys">
      <thead>
        <tr>
          <th scope="col">{t('entry.line')}</th>
          <th scope="col">{t('entry.person')}</th>
          <th scope="col">{t('entry.mark')}</th>
        </tr>
      </thead>
      <tbody>
        {sheet.lines.map((line, i) => {
          const mark = state.marks[i] ?? null;
          const here = i === state.cursor && !state.void;
          return (
            <tr
              key={line.subjectId}
              className={`${here ? 'entry-cursor' : ''} ${mark === null ? '' : `mark-${mark}`}`}
              aria-current={here ? 'true' : undefined}
              data-testid="entry-line"
            >
              <td>{i + 1}</td>
              <th scope="row">
                {line.fullName}
                <span className="muted block">{line.title}</span>
              </th>
              <td className="entry-mark">
                <span className="entry-key" aria-hidden="true">
                  {markKey(mark)}
                </span>{' '}
                {t(`entry.mark.${mark ?? 'empty'}` as MessageKey)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function GotoBallot({ collected, onOpen }: { collected: number; onOpen: (n: number) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1 || n > collected) return;
    setValue('');
    (document.activeElement as HTMLElement | null)?.blur();
    onOpen(n);
  };
  return (
    <form className="row-wrap goto" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="goto-ballot">{t('entry.goto')}</label>
        <input
          id="goto-ballot"
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" className="small secondary">
        {t('entry.gotoButton')}
      </button>
    </form>
  );
}
