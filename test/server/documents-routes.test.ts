// Documents downloaded from the real app over a real store: ballots, invitations (QR codes), minutes, report,
// public summary and the round's aggregate, read back with poppler and unzipped; and who may download what.

import ExcelJS from 'exceljs';
import jsqrImport from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveDecision, SYSTEM_ACTOR, type Grant } from '../../src/core/model/index.js';
import { pdfPages, pdfText, rasterize } from '../../src/documents/golden/poppler.js';
import { zipEntries } from '../../src/documents/golden/zip-entries.js';
import type { Role } from '../../src/server/auth/principal.js';
import { draftResult } from '../../src/server/conference-day/count-conference.js';
import { proposeConferenceSubjects, type Store } from '../../src/store/index.js';
import { must, quangNinhUnits } from './fixture.js';
import { createUser, openTestApp, sessionClient, type Client, type TestApp } from './harness.js';

/** jsqr is CommonJS: its function is the default import at run time, `.default` to the types. */
type DecodeQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsqrModule = jsqrImport as unknown as DecodeQr | { default: DecodeQr };
const jsQR: DecodeQr = typeof jsqrModule === 'function' ? jsqrModule : jsqrModule.default;

/** Line marks of ballots 1–10 per person (ballot 11 is void): see the expected figures below. */
const MARKS = {
  khuyen: ['1', '1', '1', '1', '1', '1', '1', '2', '2', '3'],
  lua: ['1', '2', '2', '3', '3', '3', '3', '3', '3', '0'],
};

interface DocWorld {
  readonly ids: {
    province: string;
    district: string;
    other: string;
    round: string;
    conference: string;
    style: string;
  };
  readonly users: Record<Role | 'outsider', string>;
  readonly members: { head: string; second: string };
}

/** A district conference: 12 summoned, 2 persons on one ballot style, a 2-member committee. */
async function buildDocWorld(store: Store): Promise<DocWorld> {
  const a = SYSTEM_ACTOR;
  const { province, district, sibling, unit } = await quangNinhUnits(store);
  const other = await unit('BL', 'Huyện ủy Bình Liêu', province.id);
  const round = must(
    await store.rounds.create(a, {
      plan: { number: '274-KH/TU', date: '2023-07-28', issuingBody: 'Ban Thường vụ Tỉnh ủy' },
      title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025',
      ruleSetId: 'qd96-2023',
      year: 2023,
      unitIds: [district.id, other.id],
    }),
  );
  const khuyen = must(await store.persons.create(a, { fullName: 'Hoàng Vĩnh Khuyến' }));
  const lua = must(await store.persons.create(a, { fullName: 'Trần Thị Lụa' }));
  for (const [person, title, rank] of [
    [khuyen, 'Phó Bí thư Huyện ủy', 1],
    [lua, 'Phó Chủ tịch UBND huyện', 2],
  ] as const) {
    must(
      await store.positions.create(a, {
        personId: person.id,
        unitId: district.id,
        title,
        startDate: '2020-09-01',
        rank,
      }),
    );
  }
  const conference = must(
    await store.conferences.create(a, {
      roundId: round.id,
      unitId: district.id,
      title: 'Hội nghị lấy phiếu tín nhiệm đối với các chức danh lãnh đạo Huyện ủy Đầm Hà',
      date: '2023-09-29',
      place: 'Hội trường Huyện ủy Đầm Hà',
      chair: 'Đặng Văn Tuấn, Bí thư Huyện ủy',
    }),
  );
  const subjects = must(
    await store.transaction((tx) => proposeConferenceSubjects(tx, a, conference.id)),
  );
  const voted = subjects
    .filter((s) => effectiveDecision(s) === 'vote')
    .sort((x, y) => x.order - y.order);
  expect(voted.map((s) => s.personId)).toEqual([khuyen.id, lua.id]);
  const style = must(
    await store.ballotStyles.create(a, {
      conferenceId: conference.id,
      name: 'các chức danh lãnh đạo Huyện ủy',
      subjectIds: voted.map((s) => s.id),
    }),
  );
  const participants = [];
  for (let i = 1; i <= 12; i++) {
    participants.push(
      must(
        await store.participants.create(a, {
          conferenceId: conference.id,
          fullName: i === 1 ? 'Nguyễn Thị Lan' : `Đại biểu số ${i}`,
          unitName: 'Đảng bộ huyện Đầm Hà',
          position: i === 1 ? 'Chánh Văn phòng Huyện ủy' : 'Huyện ủy viên',
          ballotStyleId: style.id,
        }),
      ),
    );
  }
  const head = must(
    await store.committee.add(a, {
      conferenceId: conference.id,
      fullName: 'Lê Thị Hồng, Chánh Thanh tra huyện',
      isHead: true,
    }),
  );
  const second = must(
    await store.committee.add(a, {
      conferenceId: conference.id,
      fullName: 'Vũ Đức Thắng, Phó Trưởng ban Tổ chức',
    }),
  );
  const grants: Record<Role, Grant> = {
    administrator: { role: 'administrator' },
    organiser: { role: 'organiser', unitId: district.id },
    'counting-committee': { role: 'counting-committee', conferenceId: conference.id },
    voter: { role: 'voter', conferenceId: conference.id, participantId: participants[0]!.id },
    inspector: { role: 'inspector', unitId: district.id },
    'competent-authority': { role: 'competent-authority', unitId: province.id },
    subject: { role: 'subject', personId: khuyen.id },
  };
  const users = {} as Record<Role | 'outsider', string>;
  for (const role of Object.keys(grants) as Role[])
    users[role] = await createUser(store, `d-${role}`, [grants[role]]);
  users.outsider = await createUser(store, 'd-outsider', [
    { role: 'organiser', unitId: sibling.id },
  ]);
  return {
    ids: {
      province: province.id,
      district: district.id,
      other: other.id,
      round: round.id,
      conference: conference.id,
      style: style.id,
    },
    users,
    members: { head: head.id, second: second.id },
  };
}

/** The day: open, 12 present, 12 issued, 11 collected, every ballot entered twice; optionally confirmed. */
async function countTheDay(store: Store, w: DocWorld): Promise<void> {
  const a = SYSTEM_ACTOR;
  const id = w.ids.conference;
  for (const to of ['prepared', 'open'] as const)
    must(await store.conferences.transition(a, id, to));
  for (const p of await store.participants.list(id))
    must(await store.participants.setAttendance(a, p.id, 'present'));
  must(
    await store.counting.setAccounting(a, {
      conferenceId: id,
      sheetId: w.ids.style,
      issued: 12,
      collected: 11,
      spoiledExchanged: 0,
    }),
  );
  for (let n = 1; n <= 11; n++) {
    const marks = n <= 10 ? `${MARKS.khuyen[n - 1]}${MARKS.lua[n - 1]}` : '';
    for (const [slot, memberId] of [
      ['a', w.members.head],
      ['b', w.members.second],
    ] as const) {
      must(
        await store.counting.saveEntry(a, {
          conferenceId: id,
          sheetId: w.ids.style,
          ballotNumber: n,
          slot,
          memberId,
          void: n === 11,
          marks,
          version: 1,
          clientId: `${n}-${slot}`,
        }),
      );
    }
  }
}

/** What POST …/result/confirm and POST …/publication store: revision 1 with its snapshot, then the scope. */
async function confirmAndPublish(store: Store, w: DocWorld): Promise<void> {
  const a = SYSTEM_ACTOR;
  const id = w.ids.conference;
  const conference = must(await store.conferences.transition(a, id, 'counting'));
  const draft = await draftResult(store, conference);
  expect(draft.dto.state).toBe('ready');
  must(
    await store.results.addRevision(a, {
      conferenceId: id,
      reason: null,
      data: { snapshot: draft.snapshot, result: draft.dto },
    }),
  );
  must(await store.conferences.transition(a, id, 'confirmed'));
  must(await store.results.publish(a, id, 'authority'));
  must(await store.conferences.transition(a, id, 'published'));
}

async function download(client: Client, path: string) {
  const res = await client.request('GET', path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    bytes,
    text: () => new TextDecoder().decode(bytes),
  };
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const isPdf = (b: Uint8Array) => new TextDecoder().decode(b.subarray(0, 5)) === '%PDF-';
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;
/** pdftotext breaks lines and may space letters apart: compare on collapsed whitespace. */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');

/** The text of a DOCX's body, tags removed. */
function docxText(bytes: Uint8Array): string {
  const xml = zipEntries(bytes).get('word/document.xml')?.toString('utf8') ?? '';
  return flat(xml.replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, ''));
}

describe('document downloads on SQLite', () => {
  let t: TestApp;
  let w: DocWorld;
  let org: Client;
  const C = () => `/api/conferences/${w.ids.conference}/documents`;

  beforeAll(async () => {
    t = await openTestApp();
    w = await buildDocWorld(t.store);
    org = await sessionClient(t, w.users.organiser);
  }, 60_000);
  afterAll(async () => t?.close());

  it('prints N copies of a ballot style with a Vietnamese file name and an ASCII fallback', async () => {
    const got = await download(org, `${C()}/ballots?style=${w.ids.style}&copies=3`);
    expect(got.status, got.text()).toBe(200);
    expect(got.type).toBe(PDF);
    expect(isPdf(got.bytes)).toBe(true);
    expect(pdfPages(got.bytes)).toBe(3);
    const text = flat(pdfText(got.bytes));
    expect(text).toContain('PHIẾU TÍN NHIỆM');
    expect(text).toContain('Hoàng Vĩnh Khuyến');
    expect(text).toContain('Phó Chủ tịch UBND huyện');
    expect(text).toContain('HUYỆN ỦY ĐẦM HÀ');
    expect(text).toContain('Người ghi phiếu có thể ký tên hoặc không ký tên');
    expect(got.disposition).toBe(
      `attachment; filename="Phieu tin nhiem - cac chuc danh lanh dao Huyen uy - 3 ban.pdf"; ` +
        `filename*=UTF-8''${encodeURIComponent('Phiếu tín nhiệm - các chức danh lãnh đạo Huyện ủy - 3 bản.pdf')}`,
    );
    const unknown = await download(org, `${C()}/ballots?style=nope`);
    expect(unknown.status).toBe(404);
    expect((await download(org, `${C()}/ballots?copies=0`)).status).toBe(400);
  });

  it('prints one invitation per person summoned, whose QR code is their check-in code', async () => {
    const got = await download(org, `${C()}/invitations`);
    expect(got.status, got.text()).toBe(200);
    expect(got.type).toBe(PDF);
    expect(pdfPages(got.bytes)).toBe(12);
    const text = flat(pdfText(got.bytes));
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('Kính gửi: đồng chí Nguyễn Thị Lan');
    expect(text).toContain('Hội trường Huyện ủy Đầm Hà');
    const codes = must(
      await t.store.checkInCodes.ensure(SYSTEM_ACTOR, w.ids.conference, () => 'X'),
    );
    const [page] = rasterize(got.bytes.slice(), 100);
    const rgba = new Uint8ClampedArray(page!.width * page!.height * 4);
    page!.pixels.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    const qr = jsQR(rgba, page!.width, page!.height);
    expect(qr?.data).toBe(codes[0]!.code);
    expect(codes[0]!.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(text).toContain(`Mã điểm danh: ${codes[0]!.code}`);
  });

  it('answers result_not_ready for the minutes, the report and the summary before the count ends', async () => {
    for (const kind of ['minutes', 'report', 'summary']) {
      const got = await download(org, `${C()}/${kind}`);
      expect(got.status).toBe(409);
      expect(JSON.parse(got.text())).toMatchObject({ error: { code: 'result_not_ready' } });
    }
  });

  it('prints the minutes (PDF and DOCX) with the committee and the counts from the store', async () => {
    await countTheDay(t.store, w);
    const pdf = await download(org, `${C()}/minutes?format=pdf`);
    expect(pdf.status, pdf.text()).toBe(200);
    expect(pdf.type).toBe(PDF);
    expect(isPdf(pdf.bytes)).toBe(true);
    const text = flat(pdfText(pdf.bytes));
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Lê Thị Hồng');
    expect(text).toContain('Trần Thị Lụa');
    // Khuyến 7 / 2 / 1 and Lụa 1 / 2 / 6 of 11 collected (ballot 11 void).
    for (const figure of ['63,64%', '18,18%', '9,09%', '54,55%']) expect(text).toContain(figure);
    // 12 issued, 11 collected, 10 valid, ballot 11 void as a whole.
    expect(text).toContain('Số phiếu phát ra: 12 phiếu');
    expect(text).toContain('Số phiếu hợp lệ: 10 phiếu');
    expect(text).toContain('Số phiếu không hợp lệ: 01 phiếu');
    expect(pdf.disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent('Biên bản kiểm phiếu - Huyện ủy Đầm Hà.pdf')}`,
    );
    const docx = await download(org, `${C()}/minutes?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toBe(DOCX);
    expect(isZip(docx.bytes)).toBe(true);
    const body = docxText(docx.bytes);
    expect(body).toContain('Hoàng Vĩnh Khuyến');
    expect(body).toContain('54,55%');
    // Counted but not confirmed: no report, no public summary yet.
    expect((await download(org, `${C()}/report`)).status).toBe(409);
  });

  it('prints the report (PDF and DOCX) and the public summary once the result is confirmed', async () => {
    await confirmAndPublish(t.store, w);
    const auth = await sessionClient(t, w.users['competent-authority']);
    const pdf = await download(auth, `${C()}/report?format=pdf`);
    expect(pdf.status, pdf.text()).toBe(200);
    expect(pdf.type).toBe(PDF);
    const text = flat(pdfText(pdf.bytes));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kính gửi: Ban Thường vụ Tỉnh ủy');
    expect(text).toContain('63,64%');
    const docx = await download(auth, `${C()}/report?format=docx`);
    expect(docx.type).toBe(DOCX);
    expect(docxText(docx.bytes)).toContain('Trần Thị Lụa');
    const summary = await org.json<{ vi: string; en: string }>('GET', `${C()}/summary`);
    expect(summary.vi).toContain('đồng chí');
    expect(summary.vi).not.toContain('Khuyến');
    expect(summary.en.length).toBeGreaterThan(0);
  });

  it('prints what the office sets in the document details (issuing body, number, addressee, signer)', async () => {
    const path = `/api/conferences/${w.ids.conference}/documents/details`;
    expect(await org.json('GET', path)).toEqual({});
    const details = {
      issuingBody: { superior: 'Đảng bộ tỉnh Quảng Ninh', name: 'Huyện ủy Đầm Hà' },
      report: {
        number: '112-BC/HU',
        to: 'Ban Thường vụ Tỉnh ủy Quảng Ninh',
        signer: { onBehalfOf: 'T/M Ban Thường vụ', title: 'Bí thư', name: 'Đặng Văn Tuấn' },
        recipients: ['Ban Tổ chức Tỉnh ủy'],
      },
    };
    await org.json('PUT', path, details);
    expect(await org.json('GET', path)).toEqual(details);
    const inspector = await sessionClient(t, w.users.inspector);
    expect((await inspector.request('PUT', path, details)).status).toBe(403);
    const text = flat(pdfText((await download(org, `${C()}/report`)).bytes));
    expect(text).toContain('ĐẢNG BỘ TỈNH QUẢNG NINH');
    expect(text).toContain('Số: 112-BC/HU');
    expect(text).toContain('Kính gửi: Ban Thường vụ Tỉnh ủy Quảng Ninh');
    expect(text).toContain('Ban Tổ chức Tỉnh ủy');
    const bad = await org.request('PUT', path, { conference: 'x', time: '25:00' });
    expect(bad.status).toBe(400);
  });

  it('makes the round aggregate (XLSX with filters, PDF) with the units not reported', async () => {
    const auth = await sessionClient(t, w.users['competent-authority']);
    const path = `/api/rounds/${w.ids.round}/documents/aggregate?unitId=${w.ids.province}`;
    const xlsx = await download(auth, `${path}&format=xlsx`);
    expect(xlsx.status, xlsx.text()).toBe(200);
    expect(xlsx.type).toBe(XLSX);
    expect(isZip(xlsx.bytes)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const cells = book.worksheets
      .flatMap((s) => s.getSheetValues())
      .flatMap((row) => (Array.isArray(row) ? row : []))
      .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''));
    expect(cells).toContain('Trần Thị Lụa');
    expect(cells).toContain('6');
    expect(cells.some((c) => c.includes('Huyện ủy Bình Liêu'))).toBe(true);
    const pdf = await download(auth, `${path}&format=pdf`);
    expect(pdf.type).toBe(PDF);
    const text = flat(pdfText(pdf.bytes));
    expect(text).toContain('Huyện ủy Đầm Hà');
    expect(text).toContain('Huyện ủy Bình Liêu');
    expect(text).toContain('54,55%');
  });

  it('refuses roles outside each document', async () => {
    const status = async (who: Role | 'outsider', path: string) =>
      (await (await sessionClient(t, w.users[who])).request('GET', path)).status;
    const aggregate = `/api/rounds/${w.ids.round}/documents/aggregate?unitId=${w.ids.district}`;
    expect(await status('voter', `${C()}/minutes`)).toBe(403);
    expect(await status('subject', `${C()}/report`)).toBe(403);
    expect(await status('counting-committee', `${C()}/report`)).toBe(403);
    expect(await status('counting-committee', `${C()}/minutes`)).toBe(200);
    expect(await status('competent-authority', `${C()}/ballots`)).toBe(403);
    expect(await status('inspector', `${C()}/invitations`)).toBe(403);
    expect(await status('inspector', `${C()}/ballots`)).toBe(200);
    expect(await status('outsider', `${C()}/ballots`)).toBe(403);
    expect(await status('outsider', aggregate)).toBe(403);
    expect(await status('voter', aggregate)).toBe(403);
    expect(await status('organiser', aggregate)).toBe(200);
    // An organiser of the district cannot widen the aggregate to the province above.
    expect(
      await status(
        'organiser',
        `/api/rounds/${w.ids.round}/documents/aggregate?unitId=${w.ids.province}`,
      ),
    ).toBe(403);
    expect(
      (await new (org.constructor as typeof Client)(t).request('GET', `${C()}/ballots`)).status,
    ).toBe(401);
    expect(t.errors).toEqual([]);
  });
});

describe('document downloads on PostgreSQL', () => {
  let t: TestApp;
  let w: DocWorld;

  beforeAll(async () => {
    t = await openTestApp('postgres');
    w = await buildDocWorld(t.store);
  }, 60_000);
  afterAll(async () => t?.close());

  it('prints the minutes and the aggregate from the counts stored in PostgreSQL', async () => {
    await countTheDay(t.store, w);
    await confirmAndPublish(t.store, w);
    const org = await sessionClient(t, w.users.organiser);
    const minutes = await download(org, `/api/conferences/${w.ids.conference}/documents/minutes`);
    expect(minutes.status, minutes.text()).toBe(200);
    expect(minutes.type).toBe(PDF);
    const text = flat(pdfText(minutes.bytes));
    expect(text).toContain('Hoàng Vĩnh Khuyến');
    for (const figure of ['63,64%', '54,55%']) expect(text).toContain(figure);
    const xlsx = await download(
      org,
      `/api/rounds/${w.ids.round}/documents/aggregate?unitId=${w.ids.district}&format=xlsx`,
    );
    expect(xlsx.status, xlsx.text()).toBe(200);
    expect(isZip(xlsx.bytes)).toBe(true);
    expect(t.errors).toEqual([]);
  });
});
