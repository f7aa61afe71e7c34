// Đơn vị — the organisation tree: view, add a unit, import units below a unit from CSV/XLSX with progress.

import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { UnitDto } from '../api/types.js';
import { SelectField, TextField } from '../components/field.js';
import { ImportBox } from '../components/import-box.js';
import { Notice, ProblemAlert } from '../components/problem.js';
import { useLoad } from '../components/use-load.js';
import { unitSchema } from '../forms/schemas.js';
import { useForm } from '../forms/use-form.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/vi.js';
import { canOrganise, useSession } from '../session.js';

const KINDS = [
  'party-committee',
  'peoples-council',
  'peoples-committee',
  'agency',
  'school',
  'police',
  'military',
  'other',
];

/** Units ordered as a tree: each with its depth, children after their parent. */
export function unitTree(units: readonly UnitDto[]): { unit: UnitDto; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, UnitDto[]>();
  for (const u of units) {
    // A unit whose parent the caller cannot see is a root of the caller's tree.
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: UnitDto; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) =>
      a.code.localeCompare(b.code, 'vi'),
    )) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Options of a unit <select>, indented by depth. */
export function UnitOptions({ units }: { units: readonly UnitDto[] }) {
  return (
    <>
      {unitTree(units).map(({ unit, depth }) => (
        <option key={unit.id} value={unit.id}>
          {`${'\u00a0\u00a0'.repeat(depth)}${unit.name} (${unit.code})`}
        </option>
      ))}
    </>
  );
}

/** The units screen. */
export function UnitsScreen() {
  const { t } = useI18n();
  const { user } = useSession();
  const units = useLoad(() => api.units(), 'units');
  const list = units.data ?? [];
  const [importInto, setImportInto] = useState('');
  const target = importInto || list[0]?.id || '';

  return (
    <section>
      <h1>{t('units.title')}</h1>
      <ProblemAlert problem={units.problem} />
      <div className="columns">
        <div>
          <h2>{t('units.tree')}</h2>
          {list.length === 0 ? <p>{t('common.none')}</p> : null}
          <ul className="tree" data-testid="unit-tree">
            {unitTree(list).map(({ unit, depth }) => (
              <li key={unit.id} className={`depth-${Math.min(depth, 6)}`}>
                <span className="code">{unit.code}</span> {unit.name}{' '}
                <span className="muted">· {t(`kind.${unit.kind}` as MessageKey)}</span>
                {unit.sample ? <span className="badge">{t('app.sampleData')}</span> : null}
              </li>
            ))}
          </ul>
        </div>
        {canOrganise(user) ? (
          <div>
            <NewUnitForm units={list} onCreated={units.reload} />
            {list.length > 0 ? (
              <>
                <div className="card">
                  <SelectField
                    label={t('units.importInto')}
                    value={target}
                    onChange={(e) => setImportInto(e.target.value)}
                  >
                    <UnitOptions units={list} />
                  </SelectField>
                </div>
                <ImportBox
                  title={t('units.import')}
                  help={t('units.importHelp')}
                  send={(file, progress) => api.importUnits(target, file, progress)}
                  onDone={units.reload}
                  testId="units-import"
                />
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function NewUnitForm({ units, onCreated }: { units: readonly UnitDto[]; onCreated: () => void }) {
  const { t } = useI18n();
  const labels = {
    code: t('common.code'),
    name: t('common.name'),
    parentId: t('units.parent'),
    kind: t('units.kind'),
  };
  const form = useForm(
    unitSchema,
    { code: '', name: '', parentId: units[0]?.id ?? '', kind: 'party-committee' },
    labels,
  );
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const parentId = form.values.parentId === '' && units.length > 0 ? '' : form.values.parentId;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = form.submit();
    if (value === null) return;
    setProblem(null);
    const result = await api.createUnit({
      code: value.code,
      name: value.name,
      parentId: value.parentId === '' ? null : value.parentId,
      kind: value.kind,
    });
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setDone(t('common.saved'));
    form.reset({ code: '', name: '', parentId: value.parentId, kind: value.kind });
    onCreated();
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="unit-form">
      <h2>{t('units.new')}</h2>
      <TextField
        label={labels.code}
        name="code"
        required
        value={form.values.code}
        error={form.error('code')}
        onChange={(e) => form.set('code', e.target.value)}
      />
      <TextField
        label={labels.name}
        name="name"
        required
        value={form.values.name}
        error={form.error('name')}
        onChange={(e) => form.set('name', e.target.value)}
      />
      <SelectField
        label={labels.parentId}
        name="parentId"
        value={parentId}
        onChange={(e) => form.set('parentId', e.target.value)}
      >
        <option value="">{t('units.root')}</option>
        <UnitOptions units={units} />
      </SelectField>
      <SelectField
        label={labels.kind}
        name="kind"
        value={form.values.kind}
        onChange={(e) => form.set('kind', e.target.value)}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <ProblemAlert problem={problem} />
      <Notice text={done} />
      <button type="submit">{t('common.create')}</button>
    </form>
  );
}
