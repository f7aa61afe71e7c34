// Hủy phiếu mã — a voter who chooses paper hands in their slip; the organiser types or scans its code
// and the slip's public credential is voided (spec §7.6), so nobody votes twice. The code is turned
// into its credential here; the server never sees the code.

import { useState, type FormEvent } from 'react';
import { hexToBytes } from '../../../src/crypto/index.js';
import type { ElectionOverviewDto } from '../../../src/server/routes/election-schemas.js';
import type { ApiProblem } from '../api/client.js';
import { electionApi } from '../api/election-api.js';
import { credentialOfCode } from '../election/slip-batch.js';
import { slipFromText } from '../election/slip-link.js';
import { useI18n } from '../i18n/i18n.js';
import { TextField } from './field.js';
import { Notice, ProblemAlert } from './problem.js';
import { QrScanner } from './qr-scanner.js';

const local = (code: string): ApiProblem => ({ code, message: '', status: 0 });

/** The void form: code → credential → checked against the list → voided. */
export function VoidPanel({
  conferenceId,
  overview,
  styleName,
  onVoided,
}: {
  conferenceId: string;
  overview: ElectionOverviewDto;
  styleName: (style: string) => string;
  onVoided: () => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [scan, setScan] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e?: FormEvent, scanned?: string) => {
    e?.preventDefault();
    setProblem(null);
    setNotice(null);
    const typed = slipFromText(scanned ?? code);
    const cred = credentialOfCode(hexToBytes(overview.fingerprint!), typed);
    if (!cred.ok) return setProblem(local(cred.error));
    setBusy(true);
    try {
      const listed = await electionApi.booth(conferenceId, cred.credential);
      if (!listed.ok) return setProblem(listed.error);
      const slip = listed.value.credential;
      if (slip === null) return setProblem(local('credential_unknown'));
      if (slip.voided) return setProblem(local('slip_already_voided'));
      const r = await electionApi.voidCredentials(conferenceId, [cred.credential]);
      if (!r.ok) {
        return setProblem(r.error.code === 'credential_used' ? local('slip_used') : r.error);
      }
      setCode('');
      setNotice(t('void.done', { style: styleName(slip.style) }));
      onVoided();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="void-title" data-testid="void-panel">
      <h2 id="void-title">{t('void.title')}</h2>
      <p className="help">{t('void.help')}</p>
      <p data-testid="void-count">{t('void.count', { count: overview.voided })}</p>
      <ProblemAlert problem={problem} />
      <Notice text={notice} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('void.code')}
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
          data-testid="void-code"
        />
        <div className="row-wrap">
          <button type="submit" disabled={busy || code.trim() === ''} data-testid="void-submit">
            {t('void.submit')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setScan(!scan)}
            data-testid="void-scan"
          >
            {t('void.scan')}
          </button>
        </div>
      </form>
      {scan ? (
        <QrScanner
          onCode={(text) => {
            setScan(false);
            setCode(slipFromText(text));
            void submit(undefined, text);
          }}
        />
      ) : null}
      <p className="muted" data-testid="void-unused">
        {t('void.unused')}
      </p>
    </section>
  );
}
