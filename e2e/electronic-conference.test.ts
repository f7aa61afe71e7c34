// A whole electronic conference in Chromium (issue 7 §7): five committee members (threshold 3) run the key
// ceremony on their trustee pages, each in their own browser context, and save their key files; the
// organiser creates the vote, prints and registers the slips and opens voting on the panel; twenty voters
// open their slip links in their own contexts (one audits first, one leaves a line blank, two hand in
// their slips for paper, voided on the panel, and the committee enters those two paper ballots); after
// closing only members 1, 3 and 5 decrypt from their key files. The result adds electronic and paper
// counts exactly as the known choices imply, the board lists every tracker the voters saw, and the
// downloaded record passes `tinnhiem verify` run as a process; then a stored ballot is altered in the
// SQLite database, and verify names the broken hash chain, and, once the chain is resealed as a
// dishonest operator would, a ballot check. The server runs in process over a real HTTP port.

import { serve, type ServerType } from '@hono/node-server';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/core/model/index.js';
import { resealEvents } from '../src/core/election-record/event-chain.js';
import { CHECK_NAMES, type RecordEvent } from '../src/core/election-record/record-types.js';
import { canonicalJson } from '../src/crypto/canonical-json.js';
import type { LineChoice } from '../src/crypto/index.js';
import type {
  ConferenceResultDto,
  CountingOverviewDto,
} from '../src/server/routes/conference-day-schemas.js';
import type {
  BoothInfoDto,
  ElectionBoardDto,
  ElectionOverviewDto,
} from '../src/server/routes/election-schemas.js';
import { SQLITE_FILE } from '../src/store/open-store.js';
import { buildElectronicWorld, type ElectronicWorld } from '../test/server/electronic-world.js';
import { Client, openTestApp, sessionClient, type TestApp } from '../test/server/harness.js';
import { shortFingerprint } from '../web/src/components/short-fingerprint.js';
import { boothLink } from '../web/src/election/slip-link.js';
import { collectErrors, launchChromium, newPerson, ROOT, shot } from './harness.js';

const VOTERS = 20; // every fifth on "Phiếu số 2" (one person), the others on the common ballot (three)
const MEMBERS = 5;
const THRESHOLD = 3;
/** The members who come back to decrypt (1-based); members 2 and 4 stay away. */
const DECRYPTING = [1, 3, 5];
/** Voters (0-based) who hand in their slip for a paper ballot: both on the common ballot. */
const PAPER = [1, 6];
/** The voter who checks one ballot (Benaloh audit) before casting, and the one who leaves line 2 blank. */
const AUDITOR = 2;
const BLANKER = 3;
/** The two paper ballots, as the committee keys them (1 cao, 2 tín nhiệm, 3 thấp, 0 no mark). */
const PAPER_MARKS = ['132', '210'];
/** Voters in the booth at once (each its own context). */
const BOOTHS_AT_ONCE = 6;
const PASSWORD = 'mật khẩu thử nghiệm 2026';
const PHONE = { width: 360, height: 740 };
const LEVELS = ['high', 'confidence', 'low'] as const;
/** A page polls every 1.5–2 s and the machine is shared: a UI assertion waits up to 30 s. */
const PATIENCE = { timeout: 30_000 };

type Level = (typeof LEVELS)[number];
type Tally = Record<Level | 'invalid' | 'collected', number>;

let t: TestApp;
let w: ElectronicWorld;
let server: ServerType;
let base = '';
let browser: Browser;
let anon: Client;
let work = '';

beforeAll(async () => {
  t = await openTestApp('sqlite', {}, process.env.TINNHIEM_E2E_WEB ?? join(ROOT, 'web', 'dist'));
  // The browser keeps the session cookie by the real date: the server's clock says today too.
  t.clock.set(new Date().toISOString());
  w = await buildElectronicWorld(t.store, VOTERS, 3, MEMBERS);
  // the world leaves the last two summoned away: here all twenty answer the roll call
  for (const p of w.participants.slice(VOTERS - 2)) {
    const r = await t.store.participants.setAttendance(SYSTEM_ACTOR, p.id, 'present');
    if (!r.ok) throw new Error(r.error.message);
  }
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  anon = new Client(t);
  work = mkdtempSync(join(tmpdir(), 'tn-e2e-conference-'));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Waits for an element; on a timeout the error carries what the page said instead. */
async function shown(page: Page, testId: string): Promise<void> {
  try {
    await page.getByTestId(testId).waitFor(PATIENCE);
  } catch (e) {
    const text = await page
      .locator('main')
      .innerText()
      .catch(() => '');
    throw new Error(`${testId} not shown on ${page.url()}:\n${text}`, { cause: e });
  }
}

/** `tinnhiem verify FILE` from source as a separate process: its exit code and what it printed. */
function verify(file: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'e2e', 'serve-entry.ts'), 'verify', file, '--quiet'],
      { cwd: ROOT, env: { ...process.env, TINNHIEM_LOG: 'silent' } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          out: `${stdout}${stderr}`,
        }),
    );
  });
}

/** The checks a verify table marks ✗. */
const failedChecks = (out: string) => [...out.matchAll(/^([a-z_]+)\s+✗/gm)].map((m) => m[1]!);

/** Runs `tasks` with at most `limit` at once. */
async function pool<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  const run = async () => {
    while (next < tasks.length) {
      const k = next++;
      out[k] = await tasks[k]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, run));
  return out;
}

interface Member {
  readonly trustee: number;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  keyFile: string;
}

interface Voter {
  readonly index: number;
  readonly style: string;
  readonly code: string;
  readonly persons: readonly string[];
  readonly choices: readonly LineChoice[];
}

/** What voter k marks on a ballot of `n` lines: levels in turn, line 2 blank for BLANKER. */
const choicesOf = (k: number, n: number): LineChoice[] =>
  Array.from({ length: n }, (_, line) =>
    k === BLANKER && line === 1 ? 'blank' : LEVELS[(k + 2 * line) % LEVELS.length]!,
  );

describe('an electronic conference, end to end', () => {
  it('keys with five, votes with twenty (audit, blank, paper), decrypts with three, verifies, detects tampering', async () => {
    const P = `/api/public/conferences/${w.conferenceId}/election`;
    const organiser = await sessionClient(t, w.organiser);
    const overview = () => anon.json<ElectionOverviewDto>('GET', P);

    // 1. The organiser signs in and opens the panel, from the day navigation.
    const org = await newPerson(browser);
    const orgErrors = collectErrors(org.page);
    const page = org.page;
    await page.goto(`${base}/login`);
    await page.getByLabel('Tên đăng nhập').fill('to-chuc');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await page.goto(`${base}/conferences/${w.conferenceId}/committee`);
    await page.getByRole('link', { name: 'Bỏ phiếu điện tử' }).click();
    await shown(page, 'election-create');
    const status = () => page.getByTestId('election-status').getAttribute('data-status');

    // 2. The five members sign in with their one-time codes, each on their own device.
    const committee = await organiser.json<{ id: string }[]>(
      'GET',
      `/api/conferences/${w.conferenceId}/committee`,
    );
    expect(committee.length).toBe(MEMBERS);
    const codes: string[] = [];
    for (const m of committee)
      codes.push(
        (
          await organiser.json<{ code: string }>(
            'POST',
            `/api/conferences/${w.conferenceId}/committee/${m.id}/code`,
            undefined,
            201,
          )
        ).code,
      );
    const members: Member[] = await Promise.all(
      codes.map(async (code, k) => {
        const { context, page: p } = await newPerson(browser, k % 2 === 0 ? PHONE : undefined);
        const errors = collectErrors(p);
        await p.goto(`${base}/committee-sign-in`);
        await p.getByLabel('Mã đăng nhập một lần').fill(code);
        await p.getByRole('button', { name: 'Đăng nhập' }).click();
        await p.waitForURL(/\/counting$/);
        await p.getByRole('link', { name: 'Phần khóa của tôi', exact: true }).click();
        await p.waitForURL(/\/trustee$/);
        return { trustee: k + 1, context, page: p, errors, keyFile: '' };
      }),
    );
    for (const m of members) await shown(m.page, 'trustee-no-election');

    // 3. The organiser creates the vote with threshold 3 on the panel; the ceremony runs by itself
    // on the five pages up to the key file, which each member saves, then confirms.
    const threshold = page.getByTestId('election-threshold');
    await expect.poll(() => threshold.inputValue(), PATIENCE).toBe(String(THRESHOLD));
    await page.getByTestId('election-create-submit').click();
    await expect.poll(status, PATIENCE).toBe('keygen');
    expect((await overview()).threshold).toBe(THRESHOLD);
    for (const m of members) await shown(m.page, 'trustee-save-key');
    for (const m of members) {
      m.errors.splice(0, m.errors.length, ...m.errors.filter((e) => !e.includes('404')));
      const [download] = await Promise.all([
        m.page.waitForEvent('download'),
        m.page.getByTestId('trustee-save-key').click(),
      ]);
      m.keyFile = join(work, `member-${m.trustee}-${download.suggestedFilename()}`);
      await download.saveAs(m.keyFile);
      await shown(m.page, 'trustee-saved');
      await m.page.getByTestId('trustee-acknowledge').click();
    }
    await expect.poll(status, PATIENCE).toBe('keyed');
    const keyed = await overview();
    const rows = page.getByTestId('trustee-row');
    await expect.poll(() => rows.count(), PATIENCE).toBe(MEMBERS);
    for (let k = 0; k < MEMBERS; k++)
      await expect
        .poll(() => rows.nth(k).getAttribute('data-step'), PATIENCE)
        .toBe('acknowledgement');
    const fingerprint = shortFingerprint(keyed.fingerprint!);
    expect(await page.getByTestId('election-fingerprint').textContent()).toBe(fingerprint);
    for (const m of members) {
      expect(await m.page.getByTestId('trustee-fingerprint').textContent()).toBe(fingerprint);
      await expect.poll(() => m.page.evaluate(() => sessionStorage.length), PATIENCE).toBe(0);
      const file = JSON.parse(readFileSync(m.keyFile, 'utf8')) as { trustee: number };
      expect(file.trustee).toBe(m.trustee);
    }
    // Members 2 and 4 go home: only 1, 3 and 5 will be there for the count.
    for (const m of members.filter((x) => !DECRYPTING.includes(x.trustee))) {
      expect(m.errors).toEqual([]);
      await m.context.close();
    }

    // 4. Slips: one per person summoned (16 common, 4 on "Phiếu số 2"), printed on 3 A4 pages,
    // then registered; voting opens.
    const slips = page.getByTestId('slip');
    await page.getByTestId('slips-origin').fill(base);
    await page.getByTestId('slips-generate').click();
    await expect.poll(() => slips.count(), PATIENCE).toBe(VOTERS);
    const drawn = await slips.evaluateAll((els) =>
      els.map((e) => ({
        style: (e as HTMLElement).dataset.style ?? '',
        code: e.querySelector('[data-testid="slip-code"]')?.textContent ?? '',
      })),
    );
    expect(new Set(drawn.map((s) => s.code)).size).toBe(VOTERS);
    expect(drawn.filter((s) => s.style === 'all').length).toBe(16);
    expect(drawn.filter((s) => s.style === w.partStyleId).length).toBe(4);
    expect(await page.getByTestId('slip-page').count()).toBe(3);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByTestId('slips-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(3);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('slips-printed').click();
    await page.getByTestId('slips-register').click();
    await expect.poll(status, PATIENCE).toBe('registered');
    expect((await overview()).credentials).toBe(VOTERS);
    await page.getByTestId('voting-open').click();
    await expect.poll(status, PATIENCE).toBe('voting');

    // Each voter draws a slip of their style at the door; their choices are known here.
    const booth = await anon.json<BoothInfoDto>('GET', `${P}/booth`);
    const pile = new Map<string, string[]>();
    for (const s of drawn) pile.set(s.style, [...(pile.get(s.style) ?? []), s.code]);
    const voters: Voter[] = w.participants.map((p, k) => {
      const persons = booth.manifest.styles.find((s) => s.id === p.style)!.persons;
      return {
        index: k,
        style: p.style,
        code: pile.get(p.style)!.shift()!,
        persons,
        choices: choicesOf(k, persons.length),
      };
    });
    expect(voters.filter((v) => v.persons.length === 1).length).toBe(4);
    expect(PAPER.every((k) => voters[k]!.style === 'all')).toBe(true);

    // 5. Two voters hand in their slips for paper: the organiser voids them on the panel.
    for (const [n, k] of PAPER.entries()) {
      await page.getByTestId('void-code').fill(voters[k]!.code);
      await page.getByTestId('void-submit').click();
      await expect
        .poll(() => page.getByTestId('void-count').textContent(), PATIENCE)
        .toBe(`Đã hủy ${n + 1} phiếu mã.`);
    }
    expect((await overview()).voided).toBe(PAPER.length);

    // 6. The twenty voters open their slip links from their own contexts (some on 360 px phones),
    // six booths at once: the two who chose paper are refused, eighteen vote.
    const electronic = voters.filter((v) => !PAPER.includes(v.index));
    const seen = await pool(
      BOOTHS_AT_ONCE,
      voters.map((v) => async () => {
        const { context, page: b } = await newPerson(
          browser,
          v.index % 2 === 0 ? PHONE : undefined,
        );
        const errors = collectErrors(b);
        await b.goto(boothLink(base, w.conferenceId, v.code));
        const field = b.getByLabel('Mã trên phiếu mã bỏ phiếu');
        await expect.poll(() => field.inputValue(), PATIENCE).toBe(v.code);
        await b.getByRole('button', { name: 'Tiếp tục' }).click();
        if (PAPER.includes(v.index)) {
          await b.getByText('đã được đổi lấy phiếu giấy').waitFor(PATIENCE);
          expect(await b.locator('fieldset').count()).toBe(0);
          expect(errors).toEqual([]);
          await context.close();
          return [];
        }
        const lines = b.locator('fieldset');
        await expect.poll(() => lines.count(), PATIENCE).toBe(v.persons.length);
        for (const [k, choice] of v.choices.entries()) {
          if (choice === 'blank') continue;
          const label = { high: 'Tín nhiệm cao', confidence: 'Tín nhiệm', low: 'Tín nhiệm thấp' };
          await lines.nth(k).getByLabel(label[choice], { exact: true }).check();
        }
        // a blank line warns that it counts as invalid; the others do not
        for (const [k, choice] of v.choices.entries())
          expect(await lines.nth(k).getByText('dòng không hợp lệ').count()).toBe(
            choice === 'blank' ? 1 : 0,
          );
        await b.getByRole('button', { name: 'Xem lại phiếu' }).click();
        await b.getByRole('button', { name: 'Mã hóa phiếu' }).click();
        await b.getByText('Mã theo dõi phiếu của bạn').waitFor(PATIENCE);
        const trackers: { tracker: string; kind: 'cast' | 'audited' }[] = [];
        const trackerIn = (text: string | null) =>
          /([0-9a-f]{4}(?:-[0-9a-f]{4}){3})/.exec(text ?? '')![1]!;
        if (v.index === AUDITOR) {
          await b.getByRole('button', { name: 'Kiểm tra phiếu (không bỏ)' }).click();
          const audited = b.getByText('đã được công khai để kiểm tra');
          await audited.waitFor(PATIENCE);
          trackers.push({ tracker: trackerIn(await audited.textContent()), kind: 'audited' });
          await b.getByRole('button', { name: 'Mã hóa phiếu' }).click();
        }
        const sealed = await b.getByText('Mã theo dõi phiếu của bạn').textContent(PATIENCE);
        await b.getByRole('button', { name: 'Bỏ phiếu', exact: true }).click();
        const done = b.getByText('Đã nhận phiếu của bạn');
        await done.waitFor(PATIENCE);
        const tracker = trackerIn(await done.textContent());
        expect(sealed).toContain(tracker);
        trackers.push({ tracker, kind: 'cast' });
        if (v.index === BLANKER) await shot(b, 'electronic-conference-booth-cast');
        if (b.viewportSize()!.width === PHONE.width)
          expect(await b.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
            PHONE.width,
          );
        expect(errors).toEqual([]);
        await context.close();
        return trackers;
      }),
    );
    const trackers = seen.flat();
    expect(trackers.length).toBe(electronic.length + 1);
    expect(new Set(trackers.map((x) => x.tracker)).size).toBe(trackers.length);
    await expect
      .poll(() => page.getByTestId('voting-progress').textContent(), PATIENCE)
      .toBe(`Đã nhận ${electronic.length} phiếu điện tử / ${VOTERS} đại biểu có mặt.`);

    // 7. The committee enters the two paper ballots (the conference-day flow: figures, two entries each).
    const D = `/api/conferences/${w.conferenceId}`;
    const [head, second] = await Promise.all(
      [w.trustees[0]!, w.trustees[1]!].map((u) => sessionClient(t, u)),
    );
    await head!.json('PUT', `${D}/counting/sheets/all/accounting`, {
      issued: PAPER.length,
      collected: PAPER.length,
      spoiledExchanged: 0,
    });
    await head!.json('PUT', `${D}/counting/sheets/${w.partStyleId}/accounting`, {
      issued: 0,
      collected: 0,
      spoiledExchanged: 0,
    });
    for (const [n, marks] of PAPER_MARKS.entries())
      for (const [slot, member] of [
        ['a', head!],
        ['b', second!],
      ] as const)
        await member.json('PUT', `${D}/counting/sheets/all/ballots/${n + 1}/${slot}`, {
          clientId: `paper-${n + 1}-${slot}`,
          version: 1,
          void: false,
          marks,
        });

    // 8. The organiser closes voting; members 1, 3 and 5 decrypt from their pages with their files.
    await page.getByTestId('voting-close').click();
    await page.getByTestId('voting-close-confirm').click();
    await expect.poll(status, PATIENCE).toBe('closed');
    expect((await overview()).voided).toBe(PAPER.length); // every other slip was used
    for (const [n, j] of DECRYPTING.entries()) {
      const m = members.find((x) => x.trustee === j)!;
      await shown(m.page, 'trustee-decrypt');
      await m.page.getByTestId('trustee-key-file').setInputFiles(m.keyFile);
      if (n < THRESHOLD - 1)
        await expect
          .poll(() => page.getByTestId('count-partials').getAttribute('data-done'), PATIENCE)
          .toBe(String(n + 1));
    }
    await expect.poll(status, PATIENCE).toBe('decrypted');
    for (const j of DECRYPTING) {
      const m = members.find((x) => x.trustee === j)!;
      await expect
        .poll(() => m.page.getByTestId('trustee-page').getAttribute('data-status'), PATIENCE)
        .toBe('decrypted');
      expect(m.errors).toEqual([]);
      await m.context.close();
    }
    const final = await overview();
    expect(final.trustees.filter((x) => x.partial).map((x) => x.trustee)).toEqual(DECRYPTING);

    // 9. The result: electronic and paper counts per person, exactly as the choices imply.
    const expected = new Map<string, Tally>(
      w.subjectIds.map((s) => [s, { high: 0, confidence: 0, low: 0, invalid: 0, collected: 0 }]),
    );
    for (const v of electronic)
      v.persons.forEach((person, k) => {
        const e = expected.get(person)!;
        const c = v.choices[k]!;
        e[c === 'blank' ? 'invalid' : c]++;
        e.collected++;
      });
    const counting = await head!.json<CountingOverviewDto>('GET', `${D}/counting`);
    const paperLines = counting.sheets.find((s) => s.sheetId === 'all')!.lines;
    const MARK: Record<string, Level | 'invalid'> = {
      '1': 'high',
      '2': 'confidence',
      '3': 'low',
      '0': 'invalid',
    };
    for (const marks of PAPER_MARKS)
      paperLines.forEach((line, k) => {
        const e = expected.get(line.subjectId)!;
        e[MARK[marks[k]!]!]++;
        e.collected++;
      });
    // the blank line and the unmarked paper line are the only invalid lines
    expect([...expected.values()].reduce((n, e) => n + e.invalid, 0)).toBe(2);
    const result = await organiser.json<ConferenceResultDto>('GET', `${D}/result`);
    expect(result.blockers).toEqual([]);
    expect(result.persons.length).toBe(3);
    for (const p of result.persons) {
      const e = expected.get(p.subjectId)!;
      expect([p.high.count, p.confidence.count, p.low.count, p.invalidLines, p.collected]).toEqual([
        e.high,
        e.confidence,
        e.low,
        e.invalid,
        e.collected,
      ]);
    }
    expect(result.persons.map((p) => p.collected)).toEqual([20, 16, 16]);
    // the result page shows the same figures
    await page.goto(`${base}/conferences/${w.conferenceId}/result`);
    await shown(page, 'result-state');
    const resultRows = page.getByTestId('result-row');
    await expect.poll(() => resultRows.count(), PATIENCE).toBe(3);
    for (const [k, p] of result.persons.entries())
      expect(await resultRows.nth(k).locator('.count').allTextContents()).toEqual([
        String(p.high.count),
        String(p.confidence.count),
        String(p.low.count),
      ]);
    await shot(page, 'electronic-conference-result');

    // 10. The public board lists every tracker the voters saw, each with its kind.
    const visitor = await newPerson(browser, PHONE);
    const visitorErrors = collectErrors(visitor.page);
    await visitor.page.goto(`${base}/board/${w.conferenceId}`);
    const boardRows = visitor.page.getByTestId('board-row');
    await expect.poll(() => boardRows.count(), PATIENCE).toBe(trackers.length);
    const listed = await boardRows.evaluateAll((els) =>
      els.map((e) => `${(e as HTMLElement).dataset.tracker} ${(e as HTMLElement).dataset.kind}`),
    );
    expect(listed.sort()).toEqual(trackers.map((x) => `${x.tracker} ${x.kind}`).sort());
    const board = await anon.json<ElectionBoardDto>('GET', `${P}/board`);
    expect(await visitor.page.getByTestId('board-head').textContent()).toBe(board.head);
    expect(visitorErrors).toEqual([]);
    await visitor.context.close();

    // 11. The record, downloaded from the panel, passes `tinnhiem verify`.
    await page.goto(`${base}/conferences/${w.conferenceId}/election`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('record-link').click(),
    ]);
    const recordFile = join(work, 'record.json');
    await download.saveAs(recordFile);
    const verifyingGood = verify(recordFile);
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as { events: RecordEvent[] };
    expect(record.events.filter((e) => e.type === 'ballot').length).toBe(electronic.length);
    expect(record.events.filter((e) => e.type === 'audited_ballot').length).toBe(1);
    // the two slips handed in for paper are voided in the record, so no one can count twice
    const voided = record.events.flatMap((e) =>
      e.type === 'credentials_voided' ? (e.body as { credentials: string[] }).credentials : [],
    );
    expect(voided).toHaveLength(PAPER.length);
    expect(orgErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    await org.context.close();

    // 12. One stored ballot is altered in the database: one hex digit of a line's alpha flipped;
    // then a dishonest operator reseals the chain so that the hashes agree again.
    const db = new Database(join((t.location as { dataDir: string }).dataDir, SQLITE_FILE));
    const downloadRecord = async (name: string) => {
      const res = await fetch(`${base}${P}/record.json`);
      expect(res.status).toBe(200);
      const file = join(work, name);
      writeFileSync(file, await res.text());
      return file;
    };
    let altered: string;
    let resealed: string;
    try {
      const row = db
        .prepare(
          "SELECT seq, body FROM election_events WHERE conference_id = ? AND type = 'ballot' ORDER BY seq LIMIT 1 OFFSET 3",
        )
        .get(w.conferenceId) as { seq: number; body: string };
      const body = JSON.parse(row.body) as { ballot: { lines: { alpha: string }[] } };
      const alpha = body.ballot.lines[0]!.alpha;
      const at = alpha.length - 5;
      const flipped = (parseInt(alpha[at]!, 16) ^ 1).toString(16);
      body.ballot.lines[0]!.alpha = alpha.slice(0, at) + flipped + alpha.slice(at + 1);
      expect(body.ballot.lines[0]!.alpha).not.toBe(alpha);
      db.prepare('UPDATE election_events SET body = ? WHERE conference_id = ? AND seq = ?').run(
        canonicalJson(body),
        w.conferenceId,
        row.seq,
      );
      altered = await downloadRecord('altered.json');
      const stored = db
        .prepare('SELECT seq, type, body FROM election_events WHERE conference_id = ? ORDER BY seq')
        .all(w.conferenceId) as { seq: number; type: RecordEvent['type']; body: string }[];
      const chain = resealEvents(
        stored.map((e) => ({ type: e.type, body: JSON.parse(e.body) as unknown })),
      );
      const update = db.prepare(
        'UPDATE election_events SET prev = ?, hash = ? WHERE conference_id = ? AND seq = ?',
      );
      db.transaction(() => {
        for (const e of chain) update.run(e.prev, e.hash, w.conferenceId, e.seq);
      })();
      resealed = await downloadRecord('resealed.json');
    } finally {
      db.close();
    }
    const [good, broken, sealedAgain] = await Promise.all([
      verifyingGood,
      verify(altered),
      verify(resealed),
    ]);
    // the honest record: every check passes, exit 0
    expect(good.out).toContain(`record valid: ${CHECK_NAMES.length} checks passed`);
    expect(good.code).toBe(0);
    // the altered ballot breaks the hash chain, and verify says so
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('record INVALID');
    expect(failedChecks(broken.out)).toContain('event_chain_valid');
    // resealed, the chain holds, but the ballot's own checks fail
    expect(sealedAgain.code).toBe(1);
    const failed = failedChecks(sealedAgain.out);
    expect(failed).not.toContain('event_chain_valid');
    expect(
      failed.filter((c) =>
        ['ballot_proofs_valid', 'ballot_signatures_valid', 'ballots_well_formed'].includes(c),
      ),
    ).not.toEqual([]);
    expect(t.errors).toEqual([]);
  }, 300_000);
});
