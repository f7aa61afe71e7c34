// Đăng nhập — sign in with username and password; goes back to the page asked for.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { TextField } from '../components/field.js';
import { ProblemAlert } from '../components/problem.js';
import { loginSchema } from '../forms/schemas.js';
import { useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, navigate, useLocation } from '../router.js';
import { useSession } from '../session.js';

/** The sign-in screen. */
export function LoginScreen() {
  const { t } = useI18n();
  const { query } = useLocation();
  const { accept } = useSession();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const labels = { username: t('login.username'), password: t('login.password') };
  const form = useForm(loginSchema, { username: '', password: '' }, labels);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = form.submit();
    if (value === null) return;
    setBusy(true);
    const result = await api.login(value.username, value.password);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    accept(result.value);
    const next = query.get('next');
    navigate(
      next !== null && next.startsWith('/') && !next.startsWith('//') && next !== '/login'
        ? next
        : '/',
      true,
    );
  };

  return (
    <section className="narrow">
      <h1>{t('login.title')}</h1>
      <p className="tagline">{t('app.tagline')}</p>
      <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="login-form">
        <TextField
          label={labels.username}
          name="username"
          required
          value={form.values.username}
          error={form.error('username')}
          onChange={(e) => form.set('username', e.target.value)}
          autoComplete="username"
          autoCapitalize="none"
        />
        <TextField
          label={labels.password}
          name="password"
          type="password"
          required
          value={form.values.password}
          error={form.error('password')}
          onChange={(e) => form.set('password', e.target.value)}
          autoComplete="current-password"
        />
        <ProblemAlert problem={problem} />
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        <Link href="/committee-sign-in">{t('committee.signInLink')}</Link>
      </p>
    </section>
  );
}
