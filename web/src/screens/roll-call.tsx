// Điểm danh — the roll call: who of those summoned is present (list with a diacritic-insensitive search, or the
// invitation's code typed or scanned as a QR code), and the quorum panel that gates the issuing of ballots.

import { useMemo, useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { dayApi } from '../api/day-endpoints.js';
import type { Attendance, RollCall, RollCallEntry, RollCallMark } from '../api/day-types.js';
import { api } from '../api/endpoints.js';
import { DayNav } from '../components/day-nav.js';
import { TextField } from '../components/field.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { QrScanner } from '../components/qr-scanner.js';
import { QuorumPanel } from '../components/quorum-panel.js';
import { useLoad } from '../components/use-load.js';
import { matchesFolded } from '../counting/fold.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { canOrganise, useSession } from '../session.js';

type Filter = 'all' | Attendance;

/** The roll-call screen of a conference. */
export function RollCallScreen({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const organiser = canOrganise(user);
  const conference = useLoad(() => api.conference(conferenceId), conferenceId);
  const loaded = useLoad(() => dayApi.rollCall(conferenceId), `rc-${conferenceId}`);
  const [local, setLocal] = useState<RollCall | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const rollCall = local ?? loaded.data;

  // One answer carries the participant and the new quorum: the list updates without reloading it.
  const apply = (mark: RollCallMark) =>
    setLocal((before) => {
      const base = before ?? loaded.data;
      if (base === undefined) return before;
      return {
        quorum: mark.quorum,
        participants: base.participants.map((p) =>
          p.id === mark.participant.id ? mark.participant : p,
        ),
      };
    });

  const setAttendance = async (p: RollCallEntry, attendance: Attendance) => {
    setProblem(null);
    const result = await dayApi.mark(conferenceId, p.id, attendance);
    if (result.ok) apply(result.value);
    else setProblem(result.error);
  };
  const checkIn = async (code: string) => {
    setProblem(null);
    setNotice(null);
    const result = await dayApi.checkIn(conferenceId, code);
    if (result.ok) {
      apply(result.value);
      setNotice(t('rollCall.checkedIn', { name: result.value.participant.fullName }));
    } else setProblem(result.error);
    return result.ok;
  };
  const open = async () => {
    const result = await dayApi.openConference(conferenceId);
    if (result.ok) conference.reload();
    else setProblem(result.error);
  };

  const shown = useMemo(
    () =>
      (rollCall?.participants ?? []).filter(
        (p) =>
          (filter === 'all' || p.attendance === filter) &&
          matchesFolded(`${p.fullName} ${p.unitName} ${p.position}`, search),
      ),
    [rollCall, filter, search],
  );

  const status = conference.data?.status;
  return (
    <section className="day-screen">
      <DayNav conferenceId={conferenceId} />
      <h1>
        {t('day.rollCall')}
        {conference.data ? <span className="subtitle">{conference.data.title}</span> : null}
      </h1>
      <ProblemAlert problem={loaded.problem ?? conference.problem} />
      {status === 'draft' || status === 'prepared' ? (
        <div className="card">
          <p>{t('day.notOpen')}</p>
          {organiser ? (
            <button type="button" onClick={() => void open()}>
              {t('day.open')}
            </button>
          ) : null}
        </div>
      ) : null}
      {rollCall ? (
        <div className="roll-call-layout">
          <div>
            <QuorumPanel quorum={rollCall.quorum} />
            {organiser ? <CheckInBox onCode={checkIn} /> : null}
            <ProblemAlert problem={problem} />
            <Notice text={notice} />
          </div>
          <div>
            <div className="row-wrap roll-call-tools">
              <TextField
                label={t('rollCall.search')}
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                data-testid="roll-call-search"
              />
              <div className="field">
                <label htmlFor="roll-call-filter">{t('rollCall.filter')}</label>
                <select
                  id="roll-call-filter"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value as Filter)}
                >
                  {(['all', 'unknown', 'present', 'absent'] as const).map((f) => (
                    <option key={f} value={f}>
                      {t(`rollCall.filter.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p className="muted" role="status">
              {t('rollCall.shown', { shown: shown.length, total: rollCall.participants.length })}
            </p>
            <ul className="roll-call-list" data-testid="roll-call-list">
              {shown.map((p) => (
                <li key={p.id} className={`attendance-${p.attendance}`} data-testid="roll-call-row">
                  <div className="roll-call-name">
                    <strong>{p.fullName}</strong>
                    <span className="muted">
                      {p.position}
                      {p.unitName ? ` · ${p.unitName}` : ''}
                    </span>
                  </div>
                  <span className={`attendance-badge attendance-badge-${p.attendance}`}>
                    {t(`rollCall.status.${p.attendance}` as MessageKey)}
                  </span>
                  {organiser ? (
                    <div className="roll-call-actions">
                      <button
                        type="button"
                        className="small"
                        aria-pressed={p.attendance === 'present'}
                        aria-label={`${t('rollCall.present')}: ${p.fullName}`}
                        onClick={() => void setAttendance(p, 'present')}
                      >
                        {t('rollCall.present')}
                      </button>
                      <button
                        type="button"
                        className="small secondary"
                        aria-pressed={p.attendance === 'absent'}
                        aria-label={`${t('rollCall.absent')}: ${p.fullName}`}
                        onClick={() => void setAttendance(p, 'absent')}
                      >
                        {t('rollCall.absent')}
                      </button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
            {organiser ? <CheckInCodes conferenceId={conferenceId} /> : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** The invitation's code: typed, or read from its QR code by the camera. */
function CheckInBox({ onCode }: { onCode: (code: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [scanning, setScanning] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (code.trim() === '') return;
    if (await onCode(code.trim())) setCode('');
  };
  return (
    <div className="card">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('rollCall.code')}
          help={t('rollCall.codeHelp')}
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
          data-testid="check-in-code"
        />
        <div className="row-wrap">
          <button type="submit">{t('rollCall.checkIn')}</button>
          <button type="button" className="secondary" onClick={() => setScanning((s) => !s)}>
            {scanning ? t('rollCall.scanStop') : t('rollCall.scan')}
          </button>
        </div>
      </form>
      {scanning ? <QrScanner onCode={(c) => void onCode(c)} /> : null}
    </div>
  );
}

/** The codes printed with the invitations, for the office (loaded on demand: it creates missing codes). */
function CheckInCodes({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const [codes, setCodes] = useState<{ fullName: string; code: string }[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const load = async () => {
    const result = await dayApi.checkInCodes(conferenceId);
    if (result.ok) setCodes(result.value);
    else setProblem(result.error);
  };
  return (
    <details
      className="card"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && codes === null) void load();
      }}
    >
      <summary>{t('rollCall.codesShow')}</summary>
      <ProblemAlert problem={problem} />
      {codes ? (
        <table data-testid="check-in-codes">
          <caption className="visually-hidden">{t('rollCall.codes')}</caption>
          <tbody>
            {codes.map((c) => (
              <tr key={c.code}>
                <td>{c.fullName}</td>
                <td className="code">{c.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </details>
  );
}
