// Prints import throughput on SQLite and PostgreSQL (parse in core + store import): `npm run bench:import`.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../src/core/csv.js';
import { parseParticipantRows, parsePersonRows, parseUnitRows } from '../src/core/import/index.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';

const ACTOR = { userId: null, label: 'figures' };
const UNITS = 1000;
const PERSONS = 5000;
const PARTICIPANTS = 5000;

function csvRows(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

async function measure(label: string, store: Store): Promise<void> {
  let text = 'Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên\nROOT,Gốc,\n';
  for (let i = 0; i < UNITS; i++)
    text += `U${i},Đơn vị số ${i},${i < 10 ? 'ROOT' : `U${i % 10}`}\n`;
  let t = performance.now();
  const units = parseUnitRows(csvRows(text));
  if (!units.ok) throw new Error(units.error.message);
  const unitResult = await store.units.importRows(ACTOR, units.value);
  if (!unitResult.ok) throw new Error(unitResult.error.message);
  const unitMs = performance.now() - t;

  text = 'Mã cán bộ,Họ và tên,Mã đơn vị,Chức vụ,Ngày nhận chức\n';
  for (let i = 0; i < PERSONS; i++)
    text += `CB${i},Nguyễn Văn ${i},U${i % UNITS},Trưởng phòng,01/07/2021\n`;
  t = performance.now();
  const persons = parsePersonRows(csvRows(text), new Set(units.value.map((u) => u.code)));
  if (!persons.ok) throw new Error(persons.error.message);
  const personResult = await store.persons.importRows(ACTOR, persons.value);
  if (!personResult.ok) throw new Error(personResult.error.message);
  const personMs = performance.now() - t;

  const round = await store.rounds.create(ACTOR, {
    plan: { number: '1-KH', date: null, issuingBody: 'x' },
    title: 'x',
    ruleSetId: 'qd96-2023',
    year: 2023,
    unitIds: [],
  });
  if (!round.ok) throw new Error(round.error.message);
  const root = (await store.units.getByCode('ROOT'))!;
  const conference = await store.conferences.create(ACTOR, {
    roundId: round.value.id,
    unitId: root.id,
    title: 'x',
    date: '2023-09-29',
    place: 'x',
    chair: 'x',
  });
  if (!conference.ok) throw new Error(conference.error.message);
  text = 'Họ và tên,Đơn vị công tác,Chức vụ\n';
  for (let i = 0; i < PARTICIPANTS; i++) text += `Trần Thị ${i},Phòng ${i % 50},Chuyên viên\n`;
  t = performance.now();
  const participants = parseParticipantRows(csvRows(text));
  if (!participants.ok) throw new Error(participants.error.message);
  const participantResult = await store.participants.importRows(
    ACTOR,
    conference.value.id,
    participants.value,
  );
  if (!participantResult.ok) throw new Error(participantResult.error.message);
  const participantMs = performance.now() - t;
  t = performance.now();
  const chain = await store.audit.verifyChain();
  const verifyMs = performance.now() - t;
  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
  console.log(
    `${label}: units ${rate(UNITS, unitMs)} rows/s; persons+positions ${rate(PERSONS, personMs)} rows/s; ` +
      `participants ${rate(PARTICIPANTS, participantMs)} rows/s; verifyChain ${chain.entries} entries in ${Math.round(verifyMs)} ms (${chain.ok ? 'ok' : 'BROKEN'})`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'tinnhiem-figures-'));
const sqlite = await openStore({ kind: 'sqlite', dataDir: dir });
await measure('SQLite', sqlite);
await sqlite.close();
rmSync(dir, { recursive: true, force: true });

const url = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `t_${randomBytes(6).toString('hex')}`;
const postgres = await openStore({ kind: 'postgres', databaseUrl: url, schema });
await measure('PostgreSQL', postgres);
await postgres.close();
const pg = (await import('pg')).default;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`DROP SCHEMA ${schema} CASCADE`);
await admin.end();
