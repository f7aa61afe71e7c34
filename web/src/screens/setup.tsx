// Thiết lập lần đầu — first start: the one-time token from the link creates the first administrator; demo data offer.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { TextField } from '../components/field.js';
import { DemoCard } from '../components/demo-card.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { setupSchema } from '../forms/schemas.js';
import { useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';

/** The setup screen: the token comes from ?token= and is kept out of the address bar afterwards. */
export function SetupScreen() {
  const { t } = useI18n();
  const { query } = useLocation();
  const { accept } = useSession();
  const needed = useLoad(() => api.setupNeeded(), 'setup');
  const [token] = useState(() => query.get('token') ?? '');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [created, setCreated] = useState(false);
  const labels = {
    token: t('setup.token'),
    username: t('login.username'),
    displayName: t('login.displayName'),
    password: t('login.password'),
    repeat: t('login.passwordRepeat'),
  };
  const form = useForm(
    setupSchema,
    { token, username: '', displayName: '', password: '', repeat: '' },
    labels,
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = form.submit();
    if (value === null) return;
    setProblem(null);
    const result = await api.setup({
      token: value.token,
      username: value.username,
      displayName: value.displayName,
      password: value.password,
    });
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    // The token is spent: drop it from the address bar and history.
    history.replaceState(null, '', '/setup');
    accept(result.value);
    setCreated(true);
  };

  if (created) return <SetupDone />;
  if (needed.data?.needed === false) {
    return (
      <section className="narrow">
        <h1>{t('setup.title')}</h1>
        <p className="alert alert-ok">{t('setup.done')}</p>
        <Link href="/login">{t('login.title')}</Link>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="setup-form">
        <TextField
          label={labels.token}
          help={t('setup.tokenHelp')}
          required
          value={form.values.token}
          error={form.error('token')}
          onChange={(e) => form.set('token', e.target.value)}
          autoComplete="off"
        />
        <TextField
          label={labels.username}
          name="username"
          required
          value={form.values.username}
          error={form.error('username')}
          onChange={(e) => form.set('username', e.target.value)}
          autoComplete="username"
        />
        <TextField
          label={labels.displayName}
          name="displayName"
          required
          value={form.values.displayName}
          error={form.error('displayName')}
          onChange={(e) => form.set('displayName', e.target.value)}
          autoComplete="name"
        />
        <TextField
          label={labels.password}
          name="password"
          type="password"
          required
          value={form.values.password}
          error={form.error('password')}
          onChange={(e) => form.set('password', e.target.value)}
          autoComplete="new-password"
        />
        <TextField
          label={labels.repeat}
          name="repeat"
          type="password"
          required
          value={form.values.repeat}
          error={form.error('repeat')}
          onChange={(e) => form.set('repeat', e.target.value)}
          autoComplete="new-password"
        />
        <ProblemAlert problem={problem} />
        <button type="submit">{t('setup.submit')}</button>
      </form>
    </section>
  );
}

/** After setup: offer the demo data ("Tải dữ liệu mẫu") if the server has it, then go on. */
function SetupDone() {
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('setup.title')}</h1>
      <DemoCard />
      <p>
        <button type="button" onClick={() => navigate('/')}>
          {t('app.home')}
        </button>
      </p>
    </section>
  );
}
