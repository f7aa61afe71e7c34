// Buồng bỏ phiếu điện tử (issue 7 §3) — minimal: type or scan the slip, mark one level per person (or
// leave it blank, which counts as invalid), review, seal in a Web Worker with progress, then cast or
// check (Benaloh audit, spec §7.5). No session: the slip is the voter's only key, and never leaves here.

import { useEffect, useState, type FormEvent } from 'react';
import type { LineChoice } from '../../../src/crypto/index.js';
import type {
  BallotReceiptDto,
  BoothInfoDto,
} from '../../../src/server/routes/election-schemas.js';
import { request, type ApiProblem } from '../api/client.js';
import { sealInWorker } from '../booth/booth-client.js';
import { slipCredential, type SealedBallot } from '../booth/seal-ballot.js';
import { slipFromFragment, slipFromText } from '../election/slip-link.js';
import { TextField } from '../components/field.js';
import { ProblemAlert } from '../components/problem.js';
import { QrScanner } from '../components/qr-scanner.js';
import { useI18n } from '../i18n/i18n.js';

type Step = 'slip' | 'mark' | 'review' | 'sealing' | 'sealed' | 'done';
const LEVELS: readonly Exclude<LineChoice, 'blank'>[] = ['high', 'confidence', 'low'];

/** The booth of one conference's electronic vote. */
export function BoothScreen({ conferenceId }: { conferenceId: string }) {
  const { t } = useI18n();
  const base = `/api/public/conferences/${encodeURIComponent(conferenceId)}/election`;
  const [step, setStep] = useState<Step>('slip');
  // A slip's QR code opens /booth/<id>#slip=<code>: the fragment never reaches the server.
  const [slip, setSlip] = useState(() => slipFromFragment(location.hash) ?? '');
  useEffect(() => {
    if (slipFromFragment(location.hash) !== null)
      history.replaceState(null, '', location.pathname + location.search);
  }, []);
  const [scan, setScan] = useState(false);
  const [info, setInfo] = useState<BoothInfoDto | null>(null);
  const [choices, setChoices] = useState<LineChoice[]>([]);
  const [progress, setProgress] = useState<[number, number]>([0, 0]);
  const [sealed, setSealed] = useState<SealedBallot | null>(null);
  const [receipt, setReceipt] = useState<{ tracker: string; audited: boolean } | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const local = (code: string): ApiProblem => ({ code, message: '', status: 0 });

  const style = info?.credential
    ? info.manifest.styles.find((s) => s.id === info.credential!.style)
    : undefined;
  const nameOf = (id: string) => info?.manifest.persons.find((p) => p.id === id)?.name ?? id;

  const readSlip = async (e?: FormEvent) => {
    e?.preventDefault();
    setProblem(null);
    const first = await request<BoothInfoDto>('GET', `${base}/booth`);
    if (!first.ok) return setProblem(first.error);
    const cred = slipCredential(first.value, slip);
    if (!cred.ok) return setProblem(local(cred.error));
    const mine = await request<BoothInfoDto>('GET', `${base}/booth?credential=${cred.credential}`);
    if (!mine.ok) return setProblem(mine.error);
    if (mine.value.status !== 'voting') return setProblem(local('voting_not_open'));
    if (mine.value.credential === null) return setProblem(local('credential_unknown'));
    if (mine.value.credential.voided) return setProblem(local('credential_voided'));
    const st = mine.value.manifest.styles.find((s) => s.id === mine.value.credential!.style)!;
    setInfo(mine.value);
    setChoices(st.persons.map(() => 'blank'));
    setStep('mark');
  };

  const seal = async () => {
    if (!info || !style || info.publicKey === null) return;
    setStep('sealing');
    setProblem(null);
    const r = await sealInWorker(
      {
        election: { fingerprint: info.fingerprint, publicKey: info.publicKey, base: info.base },
        slip,
        style: { id: style.id, persons: style.persons },
        choices,
      },
      (done, total) => setProgress([done, total]),
    );
    if (!r.ok) {
      setProblem(local(r.error === 'internal' ? 'booth_internal' : r.error));
      return setStep('review');
    }
    setSealed(r.ballot);
    setStep('sealed');
  };

  const send = async (audit: boolean) => {
    if (!sealed) return;
    setProblem(null);
    const r = audit
      ? await request<BallotReceiptDto>('POST', `${base}/audits`, {
          ballot: sealed.unsigned,
          openings: sealed.openings,
        })
      : await request<BallotReceiptDto>('POST', `${base}/ballots`, { ballot: sealed.signed });
    if (!r.ok) return setProblem(r.error);
    setReceipt({ tracker: r.value.tracker, audited: audit });
    setStep(audit ? 'review' : 'done');
  };

  return (
    <section className="narrow booth">
      <h1>{t('booth.title')}</h1>
      <ProblemAlert problem={problem} />
      {step === 'slip' && (
        <form className="card" onSubmit={(e) => void readSlip(e)} noValidate>
          <TextField
            label={t('booth.slip')}
            help={t('booth.slipHelp')}
            value={slip}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(e) => setSlip(e.target.value)}
            required
          />
          <button type="button" onClick={() => setScan(!scan)}>
            {t('booth.scan')}
          </button>
          {scan && (
            <QrScanner
              onCode={(code) => {
                setSlip(slipFromText(code));
                setScan(false);
              }}
            />
          )}
          <button type="submit">{t('booth.next')}</button>
        </form>
      )}
      {(step === 'mark' || step === 'review') && style && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            if (step === 'mark') setStep('review');
            else void seal();
          }}
        >
          {receipt?.audited && (
            <p role="status">{t('booth.audited', { tracker: receipt.tracker })}</p>
          )}
          {style.persons.map((person, k) => (
            <fieldset key={person} disabled={step === 'review'}>
              <legend>{nameOf(person)}</legend>
              {LEVELS.map((level) => (
                <label key={level} className="choice">
                  <input
                    type="radio"
                    name={`line-${k}`}
                    checked={choices[k] === level}
                    onChange={() => setChoices(choices.map((c, i) => (i === k ? level : c)))}
                  />
                  {t(`booth.${level}`)}
                </label>
              ))}
              {choices[k] === 'blank' && <p className="warning">{t('booth.blankWarning')}</p>}
            </fieldset>
          ))}
          {step === 'review' && (
            <button type="button" onClick={() => setStep('mark')}>
              {t('booth.change')}
            </button>
          )}
          <button type="submit">{step === 'mark' ? t('booth.review') : t('booth.seal')}</button>
        </form>
      )}
      {step === 'sealing' && (
        <div className="card">
          <label>
            {t('booth.sealing')}
            <progress max={progress[1] || 1} value={progress[0]} />
          </label>
        </div>
      )}
      {step === 'sealed' && sealed && (
        <div className="card">
          <p>{t('booth.tracker', { tracker: sealed.tracker })}</p>
          <button type="button" onClick={() => void send(false)}>
            {t('booth.cast')}
          </button>
          <button type="button" onClick={() => void send(true)}>
            {t('booth.audit')}
          </button>
        </div>
      )}
      {step === 'done' && receipt && (
        <div className="card" role="status">
          <p>{t('booth.done', { tracker: receipt.tracker })}</p>
        </div>
      )}
    </section>
  );
}
