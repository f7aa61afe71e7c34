// Cán bộ và chức vụ — persons of a unit and below, their positions, and the import from CSV/XLSX with progress.

import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { UnitDto } from '../api/types.js';
import { SelectField, TextField } from '../components/field.js';
import { ImportBox } from '../components/import-box.js';
import { ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { useI18n } from '../i18n/i18n.js';
import { canOrganise, useSession } from '../session.js';
import { UnitOptions } from './units.js';

/** The persons screen. */
export function PersonsScreen() {
  const { t, int } = useI18n();
  const { user } = useSession();
  const units = useLoad(() => api.units(), 'units');
  const [unitId, setUnitId] = useState('');
  const [search, setSearch] = useState('');
  const unit = unitId || units.data?.[0]?.id || '';
  const persons = useLoad(
    () =>
      unit === ''
        ? Promise.resolve({ ok: true as const, value: [] })
        : api.persons({ unitId: unit, search }),
    `${unit}|${search}`,
  );
  const list = persons.data ?? [];

  return (
    <section>
      <h1>{t('persons.title')}</h1>
      <ProblemAlert problem={units.problem ?? persons.problem} />
      <div className="columns">
        <div>
          <div className="card row-wrap">
            <SelectField
              label={t('common.unit')}
              value={unit}
              onChange={(e) => setUnitId(e.target.value)}
            >
              <UnitOptions units={units.data ?? []} />
            </SelectField>
            <TextField
              label={t('common.search')}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <p className="muted" role="status">
            {t('persons.count', { count: list.length })}
          </p>
          <div className="table-wrap">
            <table data-testid="persons-table">
              <thead>
                <tr>
                  <th scope="col">{t('common.code')}</th>
                  <th scope="col">{t('persons.fullName')}</th>
                  <th scope="col">{t('persons.birthYear')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td>{p.code ?? '—'}</td>
                    <td>
                      <details>
                        <summary>
                          {p.fullName}
                          {p.sample ? <span className="badge">{t('app.sampleData')}</span> : null}
                        </summary>
                        <Positions personId={p.id} units={units.data ?? []} />
                      </details>
                    </td>
                    <td>{p.birthYear === null ? '—' : String(p.birthYear)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.length > 100 ? <p className="muted">{int(list.length)}</p> : null}
        </div>
        {canOrganise(user) && unit !== '' ? (
          <ImportBox
            title={t('persons.import')}
            help={t('persons.importHelp')}
            send={(file, progress) => api.importPersons(unit, file, progress)}
            onDone={persons.reload}
            testId="persons-import"
          />
        ) : null}
      </div>
    </section>
  );
}

/** The positions a person holds, loaded when the row is opened (chức vụ, đơn vị, ngày nhận chức, flags). */
function Positions({ personId, units }: { personId: string; units: readonly UnitDto[] }) {
  const { t, date } = useI18n();
  const person = useLoad(() => api.person(personId), personId);
  if (person.data === undefined) return <ProblemAlert problem={person.problem} />;
  return (
    <ul className="positions">
      {person.data.positions.map((h) => (
        <li key={h.id}>
          {h.title} — {units.find((u) => u.id === h.unitId)?.name ?? h.unitId}.{' '}
          {t('persons.startDate')}: {date(h.startDate)}
          {h.endDate ? ` – ${date(h.endDate)}` : ''}
          {h.retirementNotified ? (
            <span className="badge">{t('persons.retirementNotified')}</span>
          ) : null}
          {h.illnessLeaveSince ? (
            <span className="badge">
              {t('persons.illnessSince')} {date(h.illnessLeaveSince)}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
