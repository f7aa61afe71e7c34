// Tài khoản — the administrator creates office accounts (organiser, inspector, competent authority of a unit) and
// disables them; voters and persons voted on get their sign-ins from the conference builder.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { UnitDto, UserDto } from '../api/types.js';
import { SelectField, TextField } from '../components/field.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { userSchema } from '../forms/schemas.js';
import { useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { useSession } from '../session.js';
import { UnitOptions } from './units.js';

const ROLES = ['organiser', 'inspector', 'competent-authority', 'administrator'] as const;

/** The accounts screen (administrator only; the server refuses everyone else). */
export function UsersScreen() {
  const { t } = useI18n();
  const { user: me } = useSession();
  const users = useLoad(() => api.users(), 'users');
  const units = useLoad(() => api.units(), 'units');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;

  const grantText = (g: UserDto['grants'][number]) => {
    const role = t(`role.${g.role}` as MessageKey);
    return 'unitId' in g ? `${role} — ${unitName(g.unitId)}` : role;
  };
  const toggle = async (u: UserDto) => {
    const result = await api.setUserDisabled(u.id, !u.disabled);
    if (result.ok) users.reload();
    else setProblem(result.error);
  };

  return (
    <section>
      <h1>{t('users.title')}</h1>
      <ProblemAlert problem={problem ?? users.problem} />
      <div className="columns">
        <div className="table-wrap">
          <table data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('login.username')}</th>
                <th scope="col">{t('login.displayName')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {(users.data ?? []).map((u) => (
                <tr key={u.id}>
                  <td className="code">{u.username}</td>
                  <td>
                    {u.displayName}
                    {u.disabled ? <span className="badge">{t('users.disabled')}</span> : null}
                  </td>
                  <td>{u.grants.map(grantText).join('; ')}</td>
                  <td>
                    {/* No one locks themself out: the last administrator would have no way back in. */}
                    {u.id === me?.id ? null : (
                      <button
                        type="button"
                        className="small secondary"
                        onClick={() => void toggle(u)}
                      >
                        {u.disabled ? t('users.enable') : t('users.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <NewUserForm units={units.data ?? []} onCreated={users.reload} />
      </div>
    </section>
  );
}

function NewUserForm({ units, onCreated }: { units: readonly UnitDto[]; onCreated: () => void }) {
  const { t } = useI18n();
  const labels = {
    username: t('login.username'),
    displayName: t('login.displayName'),
    password: t('login.password'),
    role: t('users.role'),
    unitId: t('users.unit'),
  };
  const form = useForm(
    userSchema,
    { username: '', displayName: '', password: '', role: 'organiser', unitId: '' },
    labels,
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const unitId = form.values.unitId || units[0]?.id || '';
  const needsUnit = form.values.role !== 'administrator';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = form.submit();
    if (v === null) return;
    if (needsUnit && unitId === '') {
      setProblem({ code: 'validation_failed', message: t('validation.unit'), status: 0 });
      return;
    }
    setProblem(null);
    const grant = v.role === 'administrator' ? { role: v.role } : { role: v.role, unitId };
    const result = await api.createUser({
      username: v.username,
      displayName: v.displayName,
      password: v.password,
      grants: [grant],
    });
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setDone(t('users.created', { username: result.value.username }));
    form.reset({ username: '', displayName: '', password: '', role: v.role, unitId });
    onCreated();
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="user-form">
      <h2>{t('users.new')}</h2>
      <TextField
        label={labels.username}
        required
        autoComplete="off"
        value={form.values.username}
        error={form.error('username')}
        onChange={(e) => form.set('username', e.target.value)}
      />
      <TextField
        label={labels.displayName}
        required
        value={form.values.displayName}
        error={form.error('displayName')}
        onChange={(e) => form.set('displayName', e.target.value)}
      />
      <TextField
        label={labels.password}
        type="password"
        required
        autoComplete="new-password"
        value={form.values.password}
        error={form.error('password')}
        onChange={(e) => form.set('password', e.target.value)}
      />
      <SelectField
        label={labels.role}
        value={form.values.role}
        onChange={(e) => form.set('role', e.target.value)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </SelectField>
      {needsUnit ? (
        <SelectField
          label={labels.unitId}
          value={unitId}
          onChange={(e) => form.set('unitId', e.target.value)}
        >
          <UnitOptions units={units} />
        </SelectField>
      ) : null}
      <ProblemAlert problem={problem} />
      <Notice text={done} />
      <button type="submit">{t('users.new')}</button>
    </form>
  );
}
