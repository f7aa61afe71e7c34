// Đăng nhập bằng mã một lần — a counting-committee member signs in with the code the organiser showed them,
// then goes to the counting of their conference.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { dayApi } from '../api/day-endpoints.js';
import { TextField } from '../components/field.js';
import { ProblemAlert } from '../components/problem.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';

/** The one-time code sign-in screen. */
export function CommitteeSignInScreen() {
  const { t } = useI18n();
  const { accept } = useSession();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (code.trim() === '') return;
    setBusy(true);
    setProblem(null);
    const result = await dayApi.signInWithCode(code.replace(/[\s-]/g, '').toUpperCase());
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    accept(result.value);
    const grant = result.value.user?.grants.find((g) => g.role === 'counting-committee');
    const conferenceId = grant && 'conferenceId' in grant ? grant.conferenceId : null;
    navigate(
      conferenceId ? `/conferences/${encodeURIComponent(conferenceId)}/counting` : '/',
      true,
    );
  };
  return (
    <section className="narrow">
      <h1>{t('committee.signInTitle')}</h1>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('committee.signInCode')}
          help={t('committee.signInHelp')}
          value={code}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
          required
        />
        <ProblemAlert problem={problem} />
        <button type="submit" disabled={busy}>
          {t('committee.signIn')}
        </button>
      </form>
    </section>
  );
}
