// The organiser's electronic-vote panel in Chromium (issue 7 §1, §2, §4, §5): the organiser creates the
// vote on the page, watches the committee's key ceremony (run through the API) and its fingerprint,
// makes and prints the slips (PDF page count, a QR code decoded to the booth link with its code),
// registers them, opens voting, voids a slip handed in for paper; a voter opens the booth from a
// slip's link and casts; the public board lists the tracker; closing and the decryption show on the
// panel, then the result page. The server runs in process over a real HTTP port.

import { serve, type ServerType } from '@hono/node-server';
import jsQRModule from 'jsqr';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexToBytes } from '../src/crypto/index.js';
import type {
  ElectionBoardDto,
  ElectionOverviewDto,
  TrusteeViewDto,
} from '../src/server/routes/election-schemas.js';
import { buildElectronicWorld, type ElectronicWorld } from '../test/server/electronic-world.js';
import {
  Client,
  createUser,
  openTestApp,
  sessionClient,
  type TestApp,
} from '../test/server/harness.js';
import { shortFingerprint } from '../web/src/components/short-fingerprint.js';
import { credentialOfCode } from '../web/src/election/slip-batch.js';
import { boothLink } from '../web/src/election/slip-link.js';
import { Committee } from './election-ceremony.js';
import { collectErrors, launchChromium, newPerson, ROOT, shot, shotOf } from './harness.js';

type Decode = (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
const jsqr = jsQRModule as unknown as { default?: Decode } & Decode;
const decodeQr: Decode = typeof jsqr.default === 'function' ? jsqr.default : jsqr;

const VOTERS = 12; // 10 on the common ballot, 2 on "Phiếu số 2" (electronic-world: every fifth)
const PASSWORD = 'mật khẩu thử nghiệm 2026';

let t: TestApp;
let w: ElectronicWorld;
let server: ServerType;
let base = '';
let browser: Browser;
let anon: Client;
let P = '';

beforeAll(async () => {
  // TINNHIEM_E2E_WEB: a private build of the web app, when others rebuild web/dist meanwhile.
  t = await openTestApp('sqlite', {}, process.env.TINNHIEM_E2E_WEB ?? join(ROOT, 'web', 'dist'));
  // The browser keeps the session cookie by the real date: the server's clock says today too.
  t.clock.set(new Date().toISOString());
  w = await buildElectronicWorld(t.store, VOTERS);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  anon = new Client(t);
  P = `/api/public/conferences/${w.conferenceId}/election`;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
}

/** Rasterises an SVG element of the page in the page (canvas) and decodes it here with jsqr. */
async function decodeSvg(page: Page, selector: string): Promise<string | null> {
  const image = await page.evaluate(async (sel) => {
    const svg = document.querySelector(sel)!;
    const px = 400;
    const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
    const url = URL.createObjectURL(blob);
    const img = new Image(px, px);
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = reject;
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = px;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, px, px);
    URL.revokeObjectURL(url);
    return { px, data: Array.from(ctx.getImageData(0, 0, px, px).data) };
  }, selector);
  return decodeQr(new Uint8ClampedArray(image.data), image.px, image.px)?.data ?? null;
}

/** The panel polls every 2 s: a UI assertion waits up to 15 s. */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const overview = () => anon.json<ElectionOverviewDto>('GET', P);
const status = (page: Page) => page.getByTestId('election-status').getAttribute('data-status');

describe('the organiser’s electronic-vote panel', () => {
  it('creates, keys, prints slips, opens, voids, lets a slip vote, closes and decrypts', async () => {
    const { context, page } = await newPerson(browser);
    const errors = collectErrors(page);
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) refused.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await signIn(page, 'to-chuc');
    const C = `/api/conferences/${w.conferenceId}/election`;

    // 1. From the day navigation to the panel; create with the default threshold ⌊5/2⌋+1 = 3.
    await page.goto(`${base}/conferences/${w.conferenceId}/committee`);
    await page.getByRole('link', { name: 'Bỏ phiếu điện tử' }).click();
    await page.getByTestId('election-create').waitFor();
    const threshold = page.getByTestId('election-threshold');
    await eventually(() => threshold.inputValue()).toBe('3');
    await threshold.fill('6');
    await page.getByText('Ngưỡng phải là số nguyên từ 1 đến 5.').waitFor();
    expect(await page.getByTestId('election-create-submit').isDisabled()).toBe(true);
    await threshold.fill('3');
    await page.getByTestId('election-create-submit').click();
    await eventually(() => status(page)).toBe('keygen');
    expect((await overview()).threshold).toBe(3);

    // 2. The ceremony, through the API; the panel shows each member's step and the fingerprint.
    const members = await Promise.all(w.trustees.map((u) => sessionClient(t, u)));
    const committee = new Committee(members, C, 3);
    const rows = page.getByTestId('trustee-row');
    await eventually(() => rows.count()).toBe(5);
    await committee.postKey(0);
    await eventually(() => rows.nth(0).getAttribute('data-step')).toBe('key');
    expect(await rows.nth(1).getAttribute('data-step')).toBe('waiting');
    expect(await rows.nth(0).textContent()).toContain('Thành viên Ban kiểm phiếu 1');
    expect(await rows.nth(0).textContent()).toContain('Đã gửi khóa');
    for (const k of [1, 2, 3, 4]) await committee.postKey(k);
    await committee.finish();
    await eventually(() => status(page)).toBe('keyed');
    for (let k = 0; k < 5; k++)
      expect(await rows.nth(k).getAttribute('data-step')).toBe('acknowledgement');
    const trusteeView = await members[2]!.json<TrusteeViewDto>('GET', `${C}/trustee`);
    expect(await page.getByTestId('election-fingerprint').textContent()).toBe(
      shortFingerprint(trusteeView.fingerprint),
    );
    expect(await page.getByTestId('trustee-link').getAttribute('href')).toBe(
      `/conferences/${w.conferenceId}/trustee`,
    );
    await shotOf(page.getByTestId('ceremony'), 'election-panel-ceremony');

    // 3. Slips: the counts per style, drawn here, the loopback warning, the print layout.
    const counts = page.getByTestId('slip-count');
    await eventually(() => counts.count()).toBe(2);
    expect(await counts.allTextContents()).toEqual([
      'Phiếu chung (tất cả người được lấy phiếu): 10 phiếu mã',
      'Phiếu số 2: 2 phiếu mã',
    ]);
    await page.getByTestId('slips-loopback').waitFor(); // the page was opened on 127.0.0.1
    const roomOrigin = base.replace('127.0.0.1', 'localhost'); // still this server, reachable here
    const slips = page.getByTestId('slip');
    // A reload before printing warns (beforeunload), then the codes are gone: nothing kept them.
    await page.getByTestId('slips-generate').click();
    await eventually(() => slips.count()).toBe(VOTERS);
    const lost = await page.getByTestId('slip-code').allTextContents();
    const warned = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.accept();
      }),
    );
    await page.reload();
    expect(await warned).toBe('beforeunload');
    await page.getByTestId('slips-generate').waitFor();
    expect(await slips.count()).toBe(0);
    // the counts per style arrive after the page: the button waits for them (disabled at 0)
    await eventually(() => page.getByTestId('slips-generate').textContent()).toBe(
      'Tạo 12 phiếu mã',
    );
    await page.getByTestId('slips-origin').fill(roomOrigin);
    await page.getByTestId('slips-generate').click();
    await eventually(() => slips.count()).toBe(VOTERS);
    await page.getByTestId('slips-warning').waitFor();
    expect(await page.getByTestId('slip-page').count()).toBe(3); // 8 + 2 common, 2 part
    expect(await page.locator('[data-testid="slip"][data-style="all"]').count()).toBe(10);
    expect(await page.locator(`[data-testid="slip"][data-style="${w.partStyleId}"]`).count()).toBe(
      2,
    );
    const codes = await page.getByTestId('slip-code').allTextContents();
    expect(new Set(codes).size).toBe(VOTERS);
    expect(codes.filter((c) => lost.includes(c))).toEqual([]);
    expect(await slips.nth(0).textContent()).not.toMatch(/Đại biểu \d/); // no name on a slip
    expect(await page.evaluate(() => JSON.stringify(localStorage).includes('-'))).toBe(false);

    // a QR code decodes to the booth link with that slip's code
    const decoded = await decodeSvg(page, '[data-testid="slip"]:nth-child(2) svg');
    expect(decoded).toBe(boothLink(roomOrigin, w.conferenceId, codes[1]!));

    // print: window.print is called; in print media only the slips show, 3 A4 pages
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByTestId('slips-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByTestId('ceremony').isVisible()).toBe(false);
    expect(await slips.nth(VOTERS - 1).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(3);
    await shot(page, 'election-panel-slips-print');
    await shotOf(slips.nth(0), 'election-slip');
    await page.emulateMedia({ media: 'screen' });

    // 4. Registered after printing: the server holds only the public credentials, sorted.
    await page.getByTestId('slips-printed').click();
    await page.getByTestId('slips-register').click();
    await eventually(() => status(page)).toBe('registered');
    const F = hexToBytes((await overview()).fingerprint!);
    const record = await (await anon.request('GET', `${P}/record.json`)).text();
    for (const code of codes) expect(record).not.toContain(code);
    const listed = codes.map((c) => {
      const r = credentialOfCode(F, c);
      return r.ok ? r.credential : '';
    });
    for (const credential of listed) expect(record).toContain(credential);
    expect((await overview()).credentials).toBe(VOTERS);
    // The server takes the credentials once: why the page registers only after printing.
    const organiser = await sessionClient(t, w.organiser);
    const again = await organiser.request('POST', `${C}/credentials`, {
      credentials: listed.map((credential) => ({ credential, style: 'all' })),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('state_conflict');

    // 5. Open voting; a voter hands in slip 3 for paper: typed in lower case, voided.
    await page.getByTestId('voting-open').click();
    await eventually(() => status(page)).toBe('voting');
    await eventually(() => slips.count()).toBe(0); // the codes leave the page once voting opens
    await page.getByTestId('void-code').fill(codes[2]!.toLowerCase());
    await page.getByTestId('void-submit').click();
    await page.getByText('Đã hủy phiếu mã. Phát cho đại biểu một phiếu giấy mẫu').waitFor();
    await eventually(() => page.getByTestId('void-count').textContent()).toBe('Đã hủy 1 phiếu mã.');
    await page.getByTestId('void-code').fill(codes[2]!);
    await page.getByTestId('void-submit').click();
    await page.getByText('Phiếu mã này đã bị hủy trước đó.').waitFor();
    expect((await overview()).voided).toBe(1);

    // The inspector follows the same panel, read-only.
    const conference = await t.store.conferences.get(w.conferenceId);
    await createUser(t.store, 'thanh-tra', [{ role: 'inspector', unitId: conference!.unitId }]);
    const inspector = await newPerson(browser);
    await signIn(inspector.page, 'thanh-tra');
    await inspector.page.goto(`${base}/conferences/${w.conferenceId}/election`);
    await eventually(() => status(inspector.page)).toBe('voting');
    await eventually(() => inspector.page.getByTestId('trustee-row').count()).toBe(5);
    for (const id of ['voting-close', 'void-panel', 'slips-panel', 'election-create'])
      expect(await inspector.page.getByTestId(id).count()).toBe(0);
    await inspector.context.close();

    // 6. A voter opens the booth from slip 1's QR link (the code rides in the fragment) and casts.
    const voter = await newPerson(browser, { width: 360, height: 740 });
    const voterErrors = collectErrors(voter.page);
    await voter.page.goto(boothLink(base, w.conferenceId, codes[0]!));
    const field = voter.page.getByLabel('Mã trên phiếu mã bỏ phiếu');
    await eventually(() => field.inputValue()).toBe(codes[0]);
    expect(voter.page.url()).not.toContain('#slip');
    await voter.page.getByRole('button', { name: 'Tiếp tục' }).click();
    const lines = voter.page.locator('fieldset');
    await eventually(() => lines.count()).toBe(3);
    for (let k = 0; k < 3; k++) await lines.nth(k).getByLabel('Tín nhiệm', { exact: true }).check();
    await voter.page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await voter.page.getByRole('button', { name: 'Mã hóa phiếu' }).click();
    await voter.page.getByRole('button', { name: 'Bỏ phiếu', exact: true }).click();
    const done = await voter.page.getByText('Đã nhận phiếu của bạn').textContent();
    const tracker = /([0-9a-f]{4}(?:-[0-9a-f]{4}){3})/.exec(done ?? '')![1]!;
    // the voided slip is refused in the booth
    await voter.page.goto(`${base}/booth/${w.conferenceId}`);
    await voter.page.getByLabel('Mã trên phiếu mã bỏ phiếu').fill(codes[2]!);
    await voter.page.getByRole('button', { name: 'Tiếp tục' }).click();
    await voter.page.getByText('đã được đổi lấy phiếu giấy').waitFor();
    expect(voterErrors).toEqual([]);
    await voter.context.close();
    await eventually(() => page.getByTestId('voting-progress').textContent()).toBe(
      'Đã nhận 1 phiếu điện tử / 10 đại biểu có mặt.',
    );

    // 7. The public board (no session): the tracker, found by search, the head, the downloads.
    const visitor = await newPerson(browser, { width: 360, height: 740 });
    const visitorErrors = collectErrors(visitor.page);
    await visitor.page.goto(`${base}/board/${w.conferenceId}`);
    const boardRows = visitor.page.getByTestId('board-row');
    await eventually(() => boardRows.count()).toBe(1);
    expect(await boardRows.nth(0).getAttribute('data-tracker')).toBe(tracker);
    expect(await boardRows.nth(0).getAttribute('data-kind')).toBe('cast');
    const board = await anon.json<ElectionBoardDto>('GET', `${P}/board`);
    expect(await visitor.page.getByTestId('board-head').textContent()).toBe(board.head);
    await visitor.page.getByTestId('board-search').fill(tracker.slice(0, 9).toUpperCase());
    await visitor.page.getByText('Tìm thấy 1 phiếu.').waitFor();
    await visitor.page.getByTestId('board-search').fill('ffff-ffff-ffff');
    await visitor.page.getByText('Không có phiếu nào có mã theo dõi này.').waitFor();
    expect(await boardRows.count()).toBe(0);
    const csvDownload = visitor.page.waitForEvent('download');
    await visitor.page.getByTestId('board-csv').click();
    const csvPath = await (await csvDownload).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(csvPath, 'utf8')).toBe(
      `seq,tracker,kind\r\n${board.ballots[0]!.seq},${tracker},cast\r\n`,
    );
    expect(await visitor.page.getByTestId('board-record').getAttribute('href')).toBe(
      `${P}/record.json`,
    );
    await visitor.page.getByRole('button', { name: 'English' }).click();
    await visitor.page
      .getByRole('heading', { name: 'Public board of electronic ballots' })
      .waitFor();
    await shot(visitor.page, 'election-board');
    expect(visitorErrors).toEqual([]);
    await visitor.context.close();

    // 8. Close with a confirmation; unused slips are voided; the committee decrypts 3 of 5.
    await page.getByTestId('voting-close').click();
    await page.getByText('mọi phiếu mã chưa dùng sẽ tự động bị hủy').waitFor();
    await page.getByTestId('voting-close-confirm').click();
    await eventually(() => status(page)).toBe('closed');
    const partials = page.getByTestId('count-partials');
    await eventually(() => partials.textContent()).toBe('Đã có 0 trên 3 phần giải mã cần thiết.');
    expect((await overview()).voided).toBe(VOTERS - 1); // one cast, the rest voided
    await page.goto(`${base}/conferences/${w.conferenceId}/result`);
    await page.getByText('Phiếu điện tử chưa được Ban kiểm phiếu giải mã tổng số.').waitFor();
    await page.goto(`${base}/conferences/${w.conferenceId}/election`);
    await committee.decrypt(0);
    await eventually(() => partials.textContent()).toBe('Đã có 1 trên 3 phần giải mã cần thiết.');
    await committee.decrypt(2);
    await committee.decrypt(4);
    await eventually(() => status(page)).toBe('decrypted');
    expect(await page.getByTestId('count-partials').getAttribute('data-done')).toBe('3');
    const countRows = page.getByTestId('electronic-count-row');
    await eventually(() => countRows.count()).toBe(3);
    // counted, high, confidence, low, invalid lines
    expect(await countRows.nth(0).locator('td').allTextContents()).toEqual([
      '1',
      '0',
      '1',
      '0',
      '0',
    ]);
    expect(await countRows.nth(0).locator('th').textContent()).toBe('Hoàng Vĩnh Khuyến');
    await shot(page, 'election-panel-decrypted');
    // No paper ballot was handed back in this test: the paper sheets count zero.
    for (const sheetId of [w.partStyleId, 'all'])
      await t.store.counting.setAccounting(
        { userId: null, label: 'test' },
        { conferenceId: w.conferenceId, sheetId, issued: 0, collected: 0, spoiledExchanged: 0 },
      );
    await page.getByTestId('count-result-link').click();
    await page.getByRole('heading', { name: 'Kết quả' }).waitFor();
    await page.getByTestId('result-state').waitFor();
    await shot(page, 'election-result');
    expect(await page.getByText('Phiếu điện tử chưa được Ban kiểm phiếu giải mã').count()).toBe(0);
    // the electronic ballot is in the conference result: one ballot, "Tín nhiệm" for each person
    const resultRows = page.getByTestId('result-row');
    await eventually(() => resultRows.count()).toBe(3);
    for (let k = 0; k < 3; k++)
      expect(await resultRows.nth(k).locator('.count').allTextContents()).toEqual(['0', '1', '0']);
    // the only refusal: "no electronic vote yet" (404) while the panel waited for its creation
    expect(new Set(refused)).toEqual(new Set([`404 ${P}`]));
    expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    await context.close();
  }, 240_000);
});
