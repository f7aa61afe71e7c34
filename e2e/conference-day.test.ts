// Issue 4 point 9 in Chromium against the real server: each of the five demo conferences runs from roll call to
// the published result with synthetic ballots whose totals match what its article says, and the projector page
// shows those numbers. Sở Xây dựng is entered ballot by ballot through the keyboard screen by two committee members
// in two browser contexts (with a typo found by reconciliation and corrected); the other four use the aggregate
// entry form of the counting screen. Roll calls of the large conferences are marked through the API.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEEDS } from '../src/core/demo/index.js';
import { formatPercentVi } from '../src/rules/index.js';
import {
  collectErrors,
  launchChromium,
  newPerson,
  shot,
  startServer,
  type E2eServer,
} from './harness.js';

/** The server's address, set once it runs (pages have no base URL). */
let base = '';

const ADMIN = { username: 'quantri', password: 'mật-khẩu-thử-nghiệm', name: 'Quản trị hệ thống' };

/** Counts for one person: the line totals the committee reads (they add up to the ballots collected). */
interface Totals {
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
  readonly invalid: number;
}

/** A demo conference and the synthetic day that matches its article. */
interface DaySpec {
  readonly seed: string;
  readonly title: string;
  readonly present: number;
  readonly head: string;
  readonly member: string;
  readonly scope: 'authority' | 'public';
  /** Per line of the ballot (ballot order), given the number of lines and the ballots collected. */
  readonly totals: (line: number, collected: number, name: string) => Totals;
  /** What the article says, checked on every person. */
  readonly check: (t: Totals, collected: number) => boolean;
  /** A band result: the follow-up is decided as a no-confidence vote and that vote recorded. */
  readonly followUp?: { readonly trust: number; readonly noTrust: number };
}

const conference = (seed: string) => {
  const s = DEMO_SEEDS.find((x) => x.key === seed)!;
  return s.conferences.find((c) => c.fromArticle)!;
};

const SPECS: readonly DaySpec[] = [
  {
    // Lạng Sơn: "các chức danh … đều đạt tỷ lệ từ 90% trở lên 'tín nhiệm cao' và 'tín nhiệm'".
    seed: 'lang-son',
    title: conference('lang-son').title,
    present: 48,
    head: 'Lương Thị Thu Hà',
    member: 'Vi Văn Thắng',
    scope: 'authority',
    totals: (i, n) => {
      const reached = 44 + (i % 4); // 44/48 = 91,67% … 47/48
      const high = reached - 3 - (i % 5);
      const invalid = i % 2;
      return { high, confidence: reached - high, low: n - reached - invalid, invalid };
    },
    check: (t, n) => (t.high + t.confidence) * 100 >= 90 * n,
  },
  {
    // Móng Cái: 183 summoned; Trưởng Ban kiểm phiếu Phùng Thị Thu Vân; the article gives no figures.
    seed: 'mong-cai',
    title: conference('mong-cai').title,
    present: 170,
    head: 'Phùng Thị Thu Vân',
    member: 'Phạm Văn Hoan',
    scope: 'public',
    totals: (i, n) => {
      const high = 150 - 5 * i;
      const low = 2 + i;
      const invalid = 1 - (i % 2);
      return { high, confidence: n - high - low - invalid, low, invalid };
    },
    check: () => true,
  },
  {
    // Đầm Hà: the vote on Trần Anh Cường; the article gives no figures.
    seed: 'dam-ha',
    title: conference('dam-ha').title,
    present: 52,
    head: 'Nguyễn Thị Lan',
    member: 'Lý Văn Sáu',
    scope: 'authority',
    totals: (i, n) => ({ high: 40 - i, confidence: n - 42, low: 1 + i, invalid: 1 }),
    check: () => true,
  },
  {
    // CĐ Y tế Đồng Nai: the vote on the Principal; the article gives no figures.
    seed: 'cd-y-te-dong-nai',
    title: conference('cd-y-te-dong-nai').title,
    present: 26,
    head: 'Trần Thị Mai',
    member: 'Đỗ Minh Khoa',
    scope: 'authority',
    totals: (_i, n) => ({ high: 22, confidence: n - 23, low: 1, invalid: 0 }),
    check: () => true,
  },
];

/** Names the seed articles give (real persons): synthetic band results never go to them. */
const ARTICLE_NAMES = new Set(
  DEMO_SEEDS.flatMap((seed) => seed.persons.filter((p) => p.fromArticle).map((p) => p.fullName)),
);

/** The first made-up person voted on at the HĐND tỉnh Lạng Sơn (persons holding a position there). */
function bandPerson(): string {
  const seed = DEMO_SEEDS.find((x) => x.key === 'lang-son')!;
  return seed.persons.find(
    (p) =>
      !ARTICLE_NAMES.has(p.fullName) && p.positions.some((pos) => pos.unitCode === 'MAU-LS-HDND'),
  )!.fullName;
}

/**
 * Made up, not an article: the HĐND tỉnh Lạng Sơn session of the same round, where the first person gets
 * more than half "tín nhiệm thấp" (28/45 = 62,22%: over-half-low), does not resign, and the paper
 * no-confidence vote gives 25/45 "không tín nhiệm" → dismissal proposal (NQ 96/2023 Điều 13).
 */
const HDND: DaySpec = {
  seed: 'lang-son-hdnd',
  title: DEMO_SEEDS.find((x) => x.key === 'lang-son')!.conferences.find(
    (c) => c.key === 'lang-son-hdnd',
  )!.title,
  present: 45,
  head: 'Hoàng Văn Quý',
  member: 'Chu Thị Nga',
  scope: 'authority',
  // The band result goes to a made-up person only, never to a name taken from an article.
  totals: (_i, n, name) =>
    name === bandPerson()
      ? { high: 5, confidence: 10, low: 28, invalid: n - 43 }
      : { high: 30, confidence: 12, low: 2, invalid: n - 44 },
  check: () => true,
  followUp: { trust: 20, noTrust: 25 },
};

/** Sở Xây dựng: "đạt phiếu tín nhiệm cao trên 96%": 22 summoned, all present, every line "tín nhiệm cao". */
const SXD = { seed: 'so-xay-dung', title: conference('so-xay-dung').title, present: 22 };

/** Calls the API from inside the page (same origin, the page's session and CSRF token). */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'X-CSRF-Token': session.csrfToken,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return (text === '' ? null : JSON.parse(text)) as T;
    },
    { method, path, body },
  );
}

interface Conf {
  id: string;
  title: string;
  status: string;
}
interface Participant {
  id: string;
  fullName: string;
}

/** The conference of a demo seed, opened (prepared → open) through the API. */
async function openConference(admin: Page, title: string): Promise<string> {
  const all = await call<Conf[]>(admin, 'GET', '/api/conferences');
  const found = all.find((c) => c.title === title);
  if (!found) throw new Error(`no conference "${title}"`);
  if (found.status === 'prepared') {
    await call(admin, 'POST', `/api/conferences/${found.id}/start`, { start: true });
  }
  return found.id;
}

/** Marks the first `present` summoned present and the rest absent, through the API. */
async function rollCallByApi(admin: Page, id: string, present: number, skip = 0): Promise<void> {
  const list = await call<Participant[]>(admin, 'GET', `/api/conferences/${id}/participants`);
  await admin.evaluate(
    async ({ id, ids, present, skip }) => {
      const { csrfToken } = (await (await fetch('/api/auth/session')).json()) as {
        csrfToken: string;
      };
      const mark = async (i: number, pid: string) => {
        const response = await fetch(`/api/conferences/${id}/roll-call/${pid}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
          body: JSON.stringify({ attendance: i < present ? 'present' : 'absent' }),
        });
        if (!response.ok) throw new Error(`roll call ${pid}: ${response.status}`);
      };
      // Eight at a time, as several desks at the door would.
      for (let from = skip; from < ids.length; from += 8) {
        await Promise.all(ids.slice(from, from + 8).map((pid, k) => mark(from + k, pid)));
      }
    },
    { id, ids: list.map((p) => p.id), present, skip },
  );
}

/** Elects the committee on its screen (head and one member) and reads each one-time code shown once. */
async function electCommittee(
  admin: Page,
  id: string,
  head: string,
  member: string,
): Promise<{ head: string; member: string }> {
  await admin.goto(`${base}/conferences/${id}/committee`);
  const codes: string[] = [];
  for (const [name, isHead] of [
    [head, true],
    [member, false],
  ] as const) {
    await admin.getByLabel('Họ và tên thành viên').fill(name);
    if (isHead) await admin.getByLabel('Trưởng Ban kiểm phiếu').check();
    await admin.getByRole('button', { name: 'Thêm thành viên' }).click();
    await admin.getByTestId('committee-member').filter({ hasText: name }).waitFor();
  }
  for (const name of [head, member]) {
    await admin.getByRole('button', { name: `Tạo mã đăng nhập một lần: ${name}` }).click();
    const card = admin.getByTestId('committee-code').filter({ hasText: name });
    await card.waitFor();
    codes.push((await card.getByTestId('committee-code-value').textContent())!.trim());
  }
  return { head: codes[0]!, member: codes[1]! };
}

/** A committee member signs in with their one-time code in their own browser context. */
async function signInMember(
  browser: Browser,
  url: string,
  code: string,
  viewport?: { width: number; height: number },
) {
  const person = await newPerson(browser, viewport);
  await person.page.goto(`${url}/committee-sign-in`);
  await person.page.getByLabel('Mã đăng nhập một lần').fill(code);
  await person.page.getByRole('button', { name: 'Đăng nhập' }).click();
  await person.page.waitForURL(/\/counting$/);
  return person;
}

/** Ballots issued and collected on the counting screen. */
async function recordAccounting(page: Page, issued: number, collected: number): Promise<void> {
  const card = page.getByTestId('sheet-card').first();
  await card.getByLabel('Số phiếu phát ra').fill(String(issued));
  await card.getByLabel('Số phiếu thu vào').fill(String(collected));
  await card.getByLabel('Phiếu đổi do viết hỏng').fill('1');
  await card.getByRole('button', { name: 'Ghi số phiếu' }).click();
  await card.getByTestId('sheet-progress').waitFor();
}

/** The head confirms on the result screen. */
async function confirmResult(page: Page, id: string): Promise<void> {
  await page.goto(`${base}/conferences/${id}/result`);
  await page.getByTestId('confirm-result').waitFor();
  await expect.poll(() => page.getByTestId('confirm-result').isEnabled()).toBe(true);
  await page.getByTestId('confirm-result').click();
  await page.getByTestId('result-state').getByText('Kết quả đã được xác nhận').waitFor();
}

/** The organiser publishes at a scope on the publication screen. */
async function publish(admin: Page, id: string, scope: 'authority' | 'public'): Promise<void> {
  await admin.goto(`${base}/conferences/${id}/publication`);
  await admin
    .getByLabel(
      scope === 'authority'
        ? 'Báo cáo cấp có thẩm quyền quản lý cán bộ'
        : 'Công khai số liệu tổng hợp (không có số liệu từng người)',
    )
    .check();
  await admin.getByRole('button', { name: 'Công bố', exact: true }).click();
  await admin.getByTestId('publication-current').getByText('Đã công bố').waitFor();
}

/** The projector's table: each person's three percentages as shown ("81,88%"). */
async function projectorFigures(page: Page): Promise<string[][]> {
  await page.locator('[data-phase="published"]').waitFor();
  return page
    .getByTestId('result-row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        ['result-high', 'result-confidence', 'result-low'].map(
          (id) =>
            row.querySelector(`[data-testid="${id}"] .pct`)?.textContent?.replace(/[()]/g, '') ??
            '',
        ),
      ),
    );
}

describe('conference day for the five demo conferences in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: Page;
  let adminContext: BrowserContext;
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    base = server.url;
    ({ context: adminContext, page: admin } = await newPerson(browser, {
      width: 1366,
      height: 768,
    }));
    errors = collectErrors(admin);
    await admin.goto(server.setupUrl);
    await admin.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await admin.getByLabel('Họ và tên').fill(ADMIN.name);
    await admin.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await admin.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await admin.getByRole('button', { name: 'Tải dữ liệu mẫu' }).click();
    await admin.getByText(/Đã nạp dữ liệu mẫu/).waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await adminContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it('Sở Xây dựng: roll call with search and code, two members enter every ballot with the keyboard', async () => {
    const id = await openConference(admin, SXD.title);
    // Roll call on the screen, at tablet width: a diacritic-free search finds the Director.
    await admin.setViewportSize({ width: 768, height: 1024 });
    await admin.goto(`${base}/conferences/${id}/roll-call`);
    await admin.getByTestId('quorum-panel').getByText('Có mặt 0/22').waitFor();
    await admin.getByLabel(/Tìm theo họ tên/).fill('nguyen thanh hung');
    await expect.poll(() => admin.getByTestId('roll-call-row').count()).toBe(1);
    await admin.getByRole('button', { name: 'Có mặt: Nguyễn Thành Hưng' }).click();
    await admin.getByTestId('quorum-panel').getByText('Có mặt 1/22').waitFor();
    // The invitation's code, typed as printed (lower case, with a dash).
    const codes = await call<{ fullName: string; code: string }[]>(
      admin,
      'GET',
      `/api/conferences/${id}/check-in-codes`,
    );
    const second = codes.find((c) => c.fullName !== 'Nguyễn Thành Hưng')!;
    await admin
      .getByTestId('check-in-code')
      .fill(`${second.code.slice(0, 5).toLowerCase()}-${second.code.slice(5)}`);
    await admin.getByRole('button', { name: 'Điểm danh bằng mã' }).click();
    await admin.getByText(`Đã điểm danh: ${second.fullName} có mặt.`).waitFor();
    await admin.getByLabel(/Tìm theo họ tên/).fill('');
    await shot(admin, 'day-01-roll-call-768');
    await rollCallByApi(admin, id, SXD.present, 0);
    await admin.reload();
    await admin.getByTestId('quorum-panel').getByText('Có mặt 22/22').waitFor();
    await admin.getByText('Đủ số đại biểu có mặt theo quy định.').waitFor();
    await admin.setViewportSize({ width: 1366, height: 768 });

    const code = await electCommittee(admin, id, 'Lê Văn Nam', 'Phan Thị Hoa');
    await shot(admin, 'day-02-committee');
    const a = await signInMember(browser, server.url, code.head, { width: 1366, height: 768 });
    const b = await signInMember(browser, server.url, code.member, { width: 768, height: 1024 });
    await recordAccounting(a.page, SXD.present, SXD.present);
    await shot(a.page, 'day-03-counting');

    // The projector during the count shows progress only.
    const projector = await newPerson(browser, { width: 1920, height: 1080 });
    await projector.context.addCookies(await adminContext.cookies());
    await projector.page.goto(`${server.url}/conferences/${id}/projector`);
    await projector.page
      .locator('[data-phase="counting"]')
      .waitFor({ timeout: 10_000 })
      .catch(async (e: unknown) => {
        await shot(projector.page, 'day-debug-projector', false);
        throw new Error(`${String(e)}\n${await projector.page.locator('body').innerText()}`);
      });
    expect(await projector.page.getByTestId('result-table').count()).toBe(0);

    for (const [person, slot] of [
      [a, 'Lượt nhập 1'],
      [b, 'Lượt nhập 2'],
    ] as const) {
      await person.page.getByRole('link', { name: 'Nhập từng phiếu (bàn phím)' }).click();
      await person.page.getByRole('button', { name: slot }).click();
      await person.page.getByTestId('entry-line').first().waitFor();
    }
    const lines = await a.page.getByTestId('entry-line').count();
    expect(lines).toBe(4);
    const ballot = async (page: Page, keys: readonly string[] = ['1', '1', '1', '1']) => {
      for (const key of keys) await page.keyboard.press(key);
      await page.keyboard.press('Enter');
    };
    // Member A types ten ballots, reloads the page in the middle of the eleventh, and goes on where it was.
    const typeA = async () => {
      for (let n = 1; n <= 10; n++) await ballot(a.page);
      await a.page.keyboard.press('1');
      await a.page.keyboard.press('1');
      await a.page.reload();
      await a.page.getByTestId('entry-ballot-number').getByText('Phiếu số 11').waitFor();
      await ballot(a.page, ['1', '1']);
      for (let n = 12; n <= SXD.present; n++) await ballot(a.page);
      await a.page.getByText('Tất cả phiếu đã lưu trên máy chủ.').waitFor();
      await shot(a.page, 'day-04-entry-1366', false);
    };
    // Member B loses the connection for three ballots (kept on the device, sent when it is back) and
    // misreads ballot 5: "2" on the second line.
    const typeB = async () => {
      await b.context.setOffline(true);
      for (let n = 1; n <= 3; n++) await ballot(b.page);
      await b.page.getByText('Mất kết nối: 3 phiếu được giữ trên máy này').waitFor();
      await shot(b.page, 'day-05-entry-offline-768', false);
      await b.context.setOffline(false);
      for (let n = 4; n <= SXD.present; n++)
        await ballot(b.page, n === 5 ? ['1', '2', '1', '1'] : undefined);
      await b.page.getByText('Tất cả phiếu đã lưu trên máy chủ.').waitFor({ timeout: 20_000 });
      await shot(b.page, 'day-05-entry-768', false);
    };
    await Promise.all([typeA(), typeB()]);
    await projector.page.getByTestId('projector-progress').waitFor();
    await shot(projector.page, 'day-06-projector-counting', false);

    // Reconciliation shows ballot 5 side by side; member B corrects it on their entry screen.
    await a.page.goto(`${server.url}/conferences/${id}/reconciliation`);
    const difference = a.page.getByTestId('difference');
    await difference.getByText('Phiếu số 5').waitFor();
    expect(await difference.locator('.line-differs').count()).toBe(1);
    await shot(a.page, 'day-07-reconciliation');
    await b.page.getByLabel('Đi tới phiếu số').fill('5');
    await b.page.getByRole('button', { name: 'Mở phiếu' }).click();
    for (const key of ['1', '1', '1', '1', 'Enter']) await b.page.keyboard.press(key);
    await b.page.getByText('Tất cả phiếu đã lưu trên máy chủ.').waitFor();
    await a.page.getByText('Hai lượt nhập đã khớp hoàn toàn.').waitFor({ timeout: 15_000 });

    await confirmResult(a.page, id);
    await shot(a.page, 'day-08-result');
    await publish(admin, id, 'authority');
    const figures = await projectorFigures(projector.page);
    expect(figures).toEqual(Array.from({ length: 4 }, () => ['100,00%', '0,00%', '0,00%']));
    // "đạt phiếu tín nhiệm cao trên 96%": every person's high share on the projector is above 96%.
    await projector.page
      .getByTestId('projector-summary')
      .getByText(/tín nhiệm cao trên 9\d%/)
      .waitFor();
    await shot(projector.page, 'day-09-projector-result', false);
    await Promise.all([a.context.close(), b.context.close(), projector.context.close()]);
  }, 120_000);

  /** One conference from roll call to the projector, on its own organiser tab (the four run side by side). */
  const runWithTotals = async (spec: DaySpec) => {
    const admin = await adminContext.newPage();
    admin.on('pageerror', (e) => errors.push(e.message));
    admin.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    try {
      await admin.goto(`${base}/`);
      const id = await openConference(admin, spec.title);
      await rollCallByApi(admin, id, spec.present);
      const code = await electCommittee(admin, id, spec.head, spec.member);
      const head = await signInMember(browser, server.url, code.head);
      await recordAccounting(head.page, spec.present, spec.present);
      const card = head.page.getByTestId('sheet-card').first();
      await card.getByRole('button', { name: 'Nhập tổng số theo từng người' }).click();
      const form = head.page.getByTestId('aggregate-form');
      const rows = form.locator('tbody tr');
      const count = await rows.count();
      const expected: string[][] = [];
      for (let i = 0; i < count; i++) {
        const name = (await rows.nth(i).locator('th').first().innerText()).split('\n')[0]!.trim();
        const totals = spec.totals(i, spec.present, name);
        expect(spec.check(totals, spec.present)).toBe(true);
        const inputs = rows.nth(i).locator('input');
        await inputs.nth(0).fill(String(totals.high));
        await inputs.nth(1).fill(String(totals.confidence));
        await inputs.nth(2).fill(String(totals.low));
        await inputs.nth(3).fill(String(totals.invalid));
        expected.push(
          [totals.high, totals.confidence, totals.low].map((c) => formatPercentVi(c, spec.present)),
        );
      }
      await form.getByRole('button', { name: 'Ghi tổng số' }).click();
      await card.getByText('Đã nhập đủ và khớp.').waitFor();
      await confirmResult(head.page, id);
      if (spec.seed === 'dam-ha') {
        // After confirmation the result is locked: a recount of one pile moves a ballot from "tín nhiệm cao"
        // to "tín nhiệm", entered as revision 2 with its reason.
        await head.page
          .getByRole('button', { name: 'Điều chỉnh kết quả (ghi lần sửa mới)' })
          .click();
        const revision = head.page.getByTestId('revision-form');
        const totals = spec.totals(0, spec.present, '');
        const revised = { ...totals, high: totals.high - 1, confidence: totals.confidence + 1 };
        const inputs = revision.locator('tbody tr').first().locator('input');
        await inputs.nth(0).fill(String(revised.high));
        await inputs.nth(1).fill(String(revised.confidence));
        await revision
          .getByLabel('Lý do điều chỉnh')
          .fill(
            'Kiểm lại tập phiếu số 2: một phiếu đánh dấu “tín nhiệm”, không phải “tín nhiệm cao”.',
          );
        await revision.getByRole('button', { name: 'Ghi lần điều chỉnh' }).click();
        await head.page.getByTestId('result-state').getByText('(lần 2)').waitFor();
        await head.page.getByTestId('revisions').getByText('Lần 2').waitFor();
        await shot(head.page, 'day-10-dam-ha-revision');
        expected[0] = [revised.high, revised.confidence, revised.low].map((c) =>
          formatPercentVi(c, spec.present),
        );
      }
      if (spec.seed === 'lang-son') {
        // The figure behind the article's sentence, and the sentence itself.
        await head.page
          .getByTestId('result-reached')
          .getByText('12/12 đồng chí đạt từ 90% trở lên “tín nhiệm cao” và “tín nhiệm”.')
          .waitFor();
        await head.page
          .getByTestId('result-summary')
          .getByText(/các chức danh được lấy phiếu tín nhiệm đều đạt tỷ lệ từ 90% trở lên/)
          .waitFor();
        await shot(head.page, 'day-10-lang-son-result');
      }
      await publish(admin, id, spec.scope);
      const projector = await newPerson(browser, { width: 1920, height: 1080 });
      await projector.context.addCookies(await adminContext.cookies());
      await projector.page.goto(`${server.url}/conferences/${id}/projector`);
      expect(await projectorFigures(projector.page)).toEqual(expected);
      await shot(projector.page, `day-11-projector-${spec.seed}`, false);
      if (spec.followUp) {
        // The organiser records the decision; the committee enters the paper no-confidence vote.
        await admin.goto(`${base}/conferences/${id}/publication`);
        const card = admin.getByTestId('follow-up').filter({ hasText: bandPerson() });
        await card.getByText('Trên 1/2 phiếu tín nhiệm thấp').waitFor();
        await card.getByRole('button', { name: 'Bỏ phiếu tín nhiệm' }).click();
        await card.getByText('Hướng xử lý: Bỏ phiếu tín nhiệm').waitFor();
        await head.page.goto(`${base}/conferences/${id}/publication`);
        const vote = head.page.getByTestId('no-confidence-form');
        await vote.getByLabel('Số phiếu phát ra').fill(String(spec.present));
        await vote.getByLabel('Số phiếu thu vào').fill(String(spec.present));
        await vote.getByLabel('Tín nhiệm', { exact: true }).fill(String(spec.followUp.trust));
        await vote.getByLabel('Không tín nhiệm').fill(String(spec.followUp.noTrust));
        await vote.getByRole('button', { name: 'Ghi kết quả bỏ phiếu' }).click();
        await head.page
          .getByTestId('vote-outcome')
          .getByText(/Quá nửa số phiếu thu vào là “không tín nhiệm” \(55,56%\)/)
          .waitFor();
        await shot(head.page, 'day-14-follow-up-vote');
      }
      await Promise.all([head.context.close(), projector.context.close()]);
    } catch (e) {
      throw new Error(`${spec.seed}: ${String(e)}`, { cause: e });
    } finally {
      await admin.close();
    }
  };

  it('Lạng Sơn, Móng Cái, Đầm Hà, CĐ Y tế Đồng Nai (and a made-up HĐND session with a band result): roll call to projector', async () => {
    await Promise.all([...SPECS, HDND].map(runWithTotals));
  }, 150_000);

  it('shows the competent authority every unit of the Lạng Sơn round, and no console errors', async () => {
    const rounds = await call<{ id: string; title: string }[]>(admin, 'GET', '/api/rounds');
    const round = rounds.find((r) => r.title.includes('Lạng Sơn'))!;
    await admin.goto(`${base}/rounds/${round.id}/authority`);
    await admin.getByTestId('authority-table').waitFor();
    // The two made-up conferences of the round (HĐND, Công an) have not reported.
    await expect
      .poll(() => admin.getByTestId('authority-not-reported').locator('li').count())
      .toBeGreaterThan(0);
    // The HĐND session's band result is highlighted and listed for the authority.
    await admin
      .getByTestId('authority-flagged')
      .getByText('Trên 1/2 đến dưới 2/3 tín nhiệm thấp')
      .waitFor();
    expect(await admin.locator('tr.outcome-over-half-low').count()).toBe(1);
    await shot(admin, 'day-12-authority');
    // The English option: the same table in English, then back to Vietnamese.
    await admin.getByTestId('lang-switch').click();
    await admin.getByRole('heading', { name: 'The competent authority’s table' }).waitFor();
    await admin.getByText('Units not reported yet').waitFor();
    await shot(admin, 'day-13-authority-en', false);
    await admin.getByTestId('lang-switch').click();
    await admin.getByRole('heading', { name: 'Bảng tổng hợp của cấp có thẩm quyền' }).waitFor();
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 30_000);
});
