// Issue 3 end to end through the API on the real store: units (with CSV and XLSX imports), a round with its
// default deadlines, persons and positions, a conference with proposed exclusions and an override with a reason,
// participants imported, accounts for a voter and a person voted on, a report upload checked by content,
// questions asked, forwarded and answered with deadlines enforced, counts, and the audit log verified.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../src/server/auth/setup-token.js';
import { systemRandom } from '../../src/crypto/random.js';
import { minimalDocx, minimalPdf } from './sample-files.js';
import { Client, openTestApp, type TestApp } from './harness.js';

let t: TestApp;

type Unit = { id: string; code: string; name: string; parentId: string | null };
type Subject = {
  id: string;
  personId: string;
  fullName: string;
  proposal: string;
  effectiveDecision: string;
  exclusions: { reason: string }[];
};

async function signIn(username: string, password: string): Promise<Client> {
  const c = new Client(t);
  const s = await c.json<{ csrfToken: string }>('POST', '/api/auth/login', { username, password });
  c.csrf = s.csrfToken;
  return c;
}

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// The same flow on SQLite and on PostgreSQL (the suite fails, not skips, if PostgreSQL is down).
describe.each(['sqlite', 'postgres'] as const)(
  'preparing a round up to the morning of the conference (%s)',
  (kind) => {
    beforeAll(async () => {
      t = await openTestApp(kind);
    });
    afterAll(async () => t?.close());

    it('runs the whole preparation', async () => {
      // First administrator.
      const token = await issueSetupToken({ store: t.store, random: systemRandom });
      const admin = new Client(t);
      admin.csrf = (
        await admin.json<{ csrfToken: string }>(
          'POST',
          '/api/setup',
          {
            token,
            username: 'quantri',
            displayName: 'Quản trị',
            password: 'mật khẩu rất dài 2026',
          },
          201,
        )
      ).csrfToken;

      // Units: a root by the administrator, then an organiser below it.
      const root = await admin.json<Unit>(
        'POST',
        '/api/units',
        { code: 'QN', name: 'Tỉnh ủy Quảng Ninh', kind: 'party-committee' },
        201,
      );
      await admin.json(
        'POST',
        '/api/users',
        {
          username: 'bantochuc',
          displayName: 'Ban Tổ chức Tỉnh ủy',
          password: 'mật khẩu tổ chức 2026',
          grants: [{ role: 'organiser', unitId: root.id }],
        },
        201,
      );
      await admin.json(
        'POST',
        '/api/users',
        {
          username: 'ubkt',
          displayName: 'Ủy ban Kiểm tra',
          password: 'mật khẩu kiểm tra 2026',
          grants: [{ role: 'inspector', unitId: root.id }],
        },
        201,
      );
      const org = await signIn('bantochuc', 'mật khẩu tổ chức 2026');
      const dh = await org.json<Unit>(
        'POST',
        '/api/units',
        { code: 'DH', name: 'Huyện ủy Đầm Hà', parentId: root.id, kind: 'party-committee' },
        201,
      );
      // Decomposed Vietnamese in, precomposed out.
      const mc = await org.json<Unit>(
        'POST',
        '/api/units',
        { code: 'MC', name: 'Thành ủy Móng Cái'.normalize('NFD'), parentId: root.id },
        201,
      );
      expect(mc.name).toBe('Thành ủy Móng Cái'.normalize('NFC'));
      const dup = await org.request('POST', '/api/units', {
        code: 'DH',
        name: 'Trùng mã',
        parentId: root.id,
      });
      expect(dup.status).toBe(409);

      const csv = new TextEncoder().encode(
        'Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại\nDH-UB,UBND huyện Đầm Hà,,peoples-committee\nDH-NV,Phòng Nội vụ,DH-UB,agency\n',
      );
      const imported = await org.json<{ created: number }>(
        'POST',
        `/api/units/${dh.id}/import`,
        csv,
        200,
        { 'content-type': 'text/csv', 'x-file-name': encodeURIComponent('đơn vị.csv') },
      );
      expect(imported.created).toBe(2);
      const sheet = await xlsx([
        ['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên'],
        ['MC-UB', 'UBND TP Móng Cái', ''],
      ]);
      const fromXlsx = await org.json<{ created: number }>(
        'POST',
        `/api/units/${mc.id}/import`,
        sheet,
        200,
        { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      );
      expect(fromXlsx.created).toBe(1);
      const badImport = await org.request(
        'POST',
        `/api/units/${dh.id}/import`,
        new TextEncoder().encode(
          'Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên\nX1,Ngoài phạm vi,MC\nX2,,DH\n',
        ),
        { 'content-type': 'text/csv' },
      );
      expect(badImport.status).toBe(422);
      const badBody = (await badImport.json()) as {
        error: { code: string; problems: { line: number; code: string }[] };
      };
      expect(badBody.error.code).toBe('invalid_import');
      expect(badBody.error.problems.map((p) => [p.line, p.code]).sort()).toEqual([
        [2, 'unknown_parent'],
        [3, 'required'],
      ]);
      const units = await org.json<Unit[]>('GET', '/api/units');
      expect(units.map((u) => u.code).sort()).toEqual([
        'DH',
        'DH-NV',
        'DH-UB',
        'MC',
        'MC-UB',
        'QN',
      ]);

      // A round: the plan as cited, rule set, year, units; deadlines default to rules.md §3.8.
      const defaults = await org.json<{ deadlines: Record<string, number> }>(
        'GET',
        '/api/rounds/defaults',
      );
      expect(defaults.deadlines).toEqual({
        reportToOffice: 20,
        distributionToVoters: 15,
        questionsForwarded: 10,
        answers: 3,
      });
      const round = await org.json<{
        id: string;
        deadlines: Record<string, number>;
        plan: { number: string };
      }>(
        'POST',
        '/api/rounds',
        {
          plan: { number: '274-KH/TU', date: '2023-07-28', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
          title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025',
          ruleSetId: 'qd96-2023',
          year: 2023,
          unitIds: [dh.id, mc.id],
        },
        201,
      );
      expect(round.deadlines).toEqual(defaults.deadlines);
      const badRule = await org.request('POST', '/api/rounds', {
        plan: { number: '1', date: null, issuingBody: 'X' },
        title: 'X',
        ruleSetId: 'nq35-2012',
        year: 2023,
        unitIds: [dh.id],
      });
      expect(await badRule.json()).toMatchObject({
        error: { code: 'validation_failed', field: 'ruleSetId' },
      });

      // Persons: one in office since 2020 (voted on), one appointed in 2023 (excluded: appointed in the vote's year).
      const khuyen = await org.json<{ person: { id: string } }>(
        'POST',
        '/api/persons',
        {
          fullName: 'Hoàng Vĩnh Khuyến',
          unitId: dh.id,
          title: 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện',
          startDate: '2020-10-01',
          rank: 1,
        },
        201,
      );
      await org.json(
        'POST',
        '/api/persons',
        {
          fullName: 'Nguyễn Văn Mới',
          unitId: dh.id,
          title: 'Ủy viên Ban Thường vụ',
          startDate: '2023-03-15',
          rank: 2,
        },
        201,
      );
      const personCsv = new TextEncoder().encode(
        'Họ và tên,Chức vụ,Ngày nhận chức,Mã đơn vị,Đã có thông báo nghỉ hưu\nĐặng Văn Tuấn,Phó Bí thư Thường trực,01/10/2020,DH,\nTrần Thị Hưu,Trưởng Ban Dân vận,01/10/2020,DH,x\n',
      );
      const personImport = await org.json<{ rows: number }>(
        'POST',
        `/api/units/${dh.id}/persons/import`,
        personCsv,
        200,
        { 'content-type': 'text/csv' },
      );
      expect(personImport.rows).toBe(2);

      // The conference, and the proposal with exclusions and reasons.
      const conf = await org.json<{ id: string; ruleSetId: string; countingMode: string }>(
        'POST',
        '/api/conferences',
        {
          roundId: round.id,
          unitId: dh.id,
          title: 'Hội nghị lấy phiếu tín nhiệm Huyện ủy Đầm Hà',
          date: '2023-09-29',
          place: 'Hội trường Huyện ủy',
          chair: 'Đặng Văn Tuấn',
        },
        201,
      );
      expect(conf).toMatchObject({ ruleSetId: 'qd96-2023', countingMode: 'paper' });
      const proposed = await org.json<Subject[]>(
        'POST',
        `/api/conferences/${conf.id}/subjects/propose`,
      );
      const byName = (n: string) => proposed.find((s) => s.fullName === n)!;
      expect(byName('Hoàng Vĩnh Khuyến').proposal).toBe('vote');
      expect(byName('Nguyễn Văn Mới').exclusions.map((e) => e.reason)).toEqual([
        'appointed-in-vote-year',
      ]);
      expect(byName('Trần Thị Hưu').exclusions.map((e) => e.reason)).toEqual([
        'retirement-notified',
      ]);
      const noReason = await org.request(
        'POST',
        `/api/conferences/${conf.id}/subjects/${byName('Nguyễn Văn Mới').id}/decision`,
        { decision: 'vote' },
      );
      expect(noReason.status).toBe(422);
      expect(await noReason.json()).toMatchObject({ error: { code: 'override_reason_required' } });
      const overridden = await org.json<Subject>(
        'POST',
        `/api/conferences/${conf.id}/subjects/${byName('Nguyễn Văn Mới').id}/decision`,
        {
          decision: 'vote',
          overrideReason: 'Được điều động, giữ chức vụ tương đương từ năm 2021.',
        },
      );
      expect(overridden.effectiveDecision).toBe('vote');

      // Deadlines as dates.
      const deadlines = await org.json<{ steps: { step: string; due: string; passed: boolean }[] }>(
        'GET',
        `/api/conferences/${conf.id}/deadlines`,
      );
      expect(deadlines.steps.map((s) => [s.step, s.due, s.passed])).toEqual([
        ['reportToOffice', '2023-09-09', false],
        ['distributionToVoters', '2023-09-14', false],
        ['questionsForwarded', '2023-09-19', false],
        ['answers', '2023-09-26', false],
      ]);

      // Participants: 183 summoned, imported from CSV; a ballot style for one person.
      const lines = [
        'Họ và tên,Đơn vị công tác,Chức vụ',
        ...Array.from({ length: 183 }, (_, i) => `Người ghi phiếu ${i + 1},Huyện Đầm Hà,Cán bộ`),
      ];
      const pImport = await org.json<{ rows: number }>(
        'POST',
        `/api/conferences/${conf.id}/participants/import`,
        new TextEncoder().encode(lines.join('\n')),
        200,
        { 'content-type': 'text/csv' },
      );
      expect(pImport.rows).toBe(183);
      const participants = await org.json<{ id: string }[]>(
        'GET',
        `/api/conferences/${conf.id}/participants`,
      );
      expect(participants).toHaveLength(183);
      const style = await org.json<{ id: string }>(
        'POST',
        `/api/conferences/${conf.id}/ballot-styles`,
        { name: 'Phiếu số 2', subjectIds: [byName('Hoàng Vĩnh Khuyến').id] },
        201,
      );
      await org.json('PATCH', `/api/conferences/${conf.id}/participants/${participants[1]!.id}`, {
        ballotStyleId: style.id,
      });

      // Accounts: a voter (participant 2, who votes only on Khuyến) and the person Khuyến.
      const voterAcc = await org.json<{ username: string; password: string }>(
        'POST',
        `/api/conferences/${conf.id}/participants/${participants[1]!.id}/account`,
        undefined,
        201,
      );
      const subjectAcc = await org.json<{ username: string; password: string }>(
        'POST',
        `/api/conferences/${conf.id}/subjects/${byName('Hoàng Vĩnh Khuyến').id}/account`,
        undefined,
        201,
      );
      const voter = await signIn(voterAcc.username, voterAcc.password);
      const person = await signIn(subjectAcc.username, subjectAcc.password);
      const ballot = await voter.json<Subject[]>('GET', `/api/conferences/${conf.id}/subjects`);
      expect(ballot.map((s) => s.fullName)).toEqual(['Hoàng Vĩnh Khuyến']);

      // The report: checked by content; a text file named .pdf is refused; a DOCX is accepted.
      const reportPath = `/api/conferences/${conf.id}/persons/${khuyen.person.id}/report`;
      const fake = await person.request(
        'PUT',
        reportPath,
        new TextEncoder().encode('không phải PDF'),
        { 'content-type': 'application/pdf', 'x-file-name': 'bao-cao.pdf' },
      );
      expect(fake.status).toBe(415);
      const pdf = minimalPdf();
      const uploaded = await person.json<{ id: string; sizeBytes: number }>(
        'PUT',
        reportPath,
        pdf,
        201,
        {
          'content-type': 'application/pdf',
          'x-file-name': encodeURIComponent('Báo cáo kiểm điểm.pdf'),
        },
      );
      expect(uploaded.sizeBytes).toBe(pdf.length);
      await person.json('PUT', reportPath, minimalDocx(), 201, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      });
      const download = await voter.request('GET', `${reportPath}s/${uploaded.id}`);
      expect(download.status).toBe(200);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
      expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''B%C3%A1o");
      // A voter cannot read the report of someone not on their ballot.
      const tuan = proposed.find((s) => s.fullName === 'Đặng Văn Tuấn')!;
      expect(
        (await voter.request('GET', `/api/conferences/${conf.id}/persons/${tuan.personId}/reports`))
          .status,
      ).toBe(403);

      // Questions: the voter asks; the office counts and forwards; the person answers.
      const q = await voter.json<{ id: string; participantId: string | null }>(
        'POST',
        `/api/conferences/${conf.id}/persons/${khuyen.person.id}/questions`,
        { kind: 'clarification', text: 'Đề nghị đồng chí làm rõ tiến độ dự án đường ven biển.' },
        201,
      );
      expect(q.participantId).toBeNull();
      const notOnBallot = await voter.request(
        'POST',
        `/api/conferences/${conf.id}/persons/${tuan.personId}/questions`,
        { kind: 'comment', text: 'x' },
      );
      expect(notOnBallot.status).toBe(403);
      const counts = await org.json<{ summary: { vi: string } }>(
        'GET',
        `/api/conferences/${conf.id}/questions/counts`,
      );
      expect(counts.summary.vi).toBe('1 ý kiến, 1 yêu cầu giải trình');
      expect(
        await person.json<unknown[]>(
          'GET',
          `/api/conferences/${conf.id}/persons/${khuyen.person.id}/questions`,
        ),
      ).toEqual([]);
      await org.json('POST', `/api/questions/${q.id}/forward`);
      const seen = await person.json<{ participantId: string | null }[]>(
        'GET',
        `/api/conferences/${conf.id}/persons/${khuyen.person.id}/questions`,
      );
      expect(seen).toHaveLength(1);
      expect(seen[0]!.participantId).toBeNull();
      const answered = await person.json<{ status: string }>(
        'POST',
        `/api/questions/${q.id}/answer`,
        { text: 'Dự án hoàn thành giai đoạn 1 trong quý IV/2023.' },
      );
      expect(answered.status).toBe('answered');

      // Deadlines enforced: after 19/9 no more questions; after 9/9 the person cannot upload; the office still can.
      t.clock.set('2023-09-20T01:00:00.000Z');
      // The sessions of 1/9 have ended: a state change says so (401 session_expired), then they sign in again.
      const ended = await voter.request(
        'POST',
        `/api/conferences/${conf.id}/persons/${khuyen.person.id}/questions`,
        { kind: 'comment', text: 'Muộn.' },
      );
      expect(ended.status).toBe(401);
      expect(await ended.json()).toMatchObject({ error: { code: 'session_expired' } });
      const voter2 = await signIn(voterAcc.username, voterAcc.password);
      const person2 = await signIn(subjectAcc.username, subjectAcc.password);
      const org2 = await signIn('bantochuc', 'mật khẩu tổ chức 2026');
      const late = await voter2.request(
        'POST',
        `/api/conferences/${conf.id}/persons/${khuyen.person.id}/questions`,
        { kind: 'comment', text: 'Muộn.' },
      );
      expect(late.status).toBe(409);
      const lateBody = (await late.json()) as { error: { code: string; message: string } };
      expect(lateBody.error.code).toBe('deadline_passed');
      expect(lateBody.error.message).toContain('2023-09-19');
      expect(
        (await person2.request('PUT', reportPath, pdf, { 'content-type': 'application/pdf' }))
          .status,
      ).toBe(409);
      expect(
        (await org2.request('PUT', reportPath, pdf, { 'content-type': 'application/pdf' })).status,
      ).toBe(201);

      // The audit log: the override and its reason are there; the chain verifies; inspectors read it.
      const inspector = await signIn('ubkt', 'mật khẩu kiểm tra 2026');
      const audit = await inspector.json<{
        entries: { action: string; after: unknown }[];
        total: number;
      }>('GET', '/api/audit?limit=1000');
      expect(JSON.stringify(audit.entries)).toContain(
        'Được điều động, giữ chức vụ tương đương từ năm 2021.',
      );
      expect(audit.total).toBeGreaterThan(10);
      expect(await inspector.json('GET', '/api/audit/verify')).toMatchObject({
        ok: true,
        problems: [],
      });
      expect(
        (await inspector.request('POST', '/api/units', { code: 'X', name: 'X', parentId: root.id }))
          .status,
      ).toBe(403);
      expect((await org2.request('GET', '/api/audit')).status).toBe(403);

      // Not found, in the one error shape.
      const missing = await org2.request('GET', '/api/conferences/khong-co');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        error: { code: 'not_found', message: 'No such conference.' },
      });
      expect(t.errors).toEqual([]);
      // The request log has one line per request and no token, cookie or query.
      expect(t.logs.length).toBeGreaterThan(40);
      expect(t.logs.join('\n')).not.toMatch(/tinnhiem_session|limit=1000|scrypt/);
    }, 120_000);
  },
);
