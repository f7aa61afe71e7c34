// The trustee page in Chromium (issue 7 §1, §5) on 360 px phones: three committee members (threshold 2)
// sign in with their one-time codes, reach the page from the day navigation and run the key ceremony
// each in their own browser context; one member's tab loses its secrets mid-ceremony, the member
// restarts the ceremony (spec §8.6) and every page runs it again by itself until the election key
// exists, saving their key files; ballots are cast through the API; after closing, two members decrypt
// from their files and the counts are the votes.

import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LineChoice, encryptBallot, signBallot, systemRandom } from '../src/crypto/index.js';
import type {
  ElectionOverviewDto,
  ElectronicCountsDto,
} from '../src/server/routes/election-schemas.js';
import { buildElectronicWorld, type ElectronicWorld } from '../test/server/electronic-world.js';
import { type Client, openTestApp, sessionClient, type TestApp } from '../test/server/harness.js';
import { shortFingerprint } from '../web/src/components/short-fingerprint.js';
import { collectErrors, launchChromium, newPerson, ROOT, shot } from './harness.js';
import { openVotingWithCredentials } from '../test/server/electronic-driver.js';

const random = systemRandom;
const PHONE = { width: 360, height: 740 };
/** How long a page may take to show what the server did (polls every 1.5 s; the machine is shared). */
const PATIENCE = { timeout: 30_000 };

let t: TestApp;
let w: ElectronicWorld;
let org: Client;
let server: ServerType;
let base = '';
let browser: Browser;
let downloads = '';

beforeAll(async () => {
  t = await openTestApp('sqlite', {}, join(ROOT, 'web', 'dist'));
  w = await buildElectronicWorld(t.store, 6, 3, 3);
  // The session cookie expires by the app's clock: a clock in 2023 would make the browser drop it.
  t.clock.set(new Date().toISOString());
  org = await sessionClient(t, w.organiser);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  downloads = mkdtempSync(join(tmpdir(), 'tn-e2e-keys-'));
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

interface Member {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  keyFile: string;
}

/** A member signs in with their code on a phone, lands on counting and follows the day navigation. */
async function signIn(code: string): Promise<Member> {
  const { context, page } = await newPerson(browser, PHONE);
  const errors = collectErrors(page);
  await page.goto(`${base}/committee-sign-in`);
  await page.getByLabel('Mã đăng nhập một lần').fill(code);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/counting$/);
  await page.getByRole('link', { name: 'Phần khóa của tôi', exact: true }).click();
  await page.waitForURL(/\/trustee$/);
  return { context, page, errors, keyFile: '' };
}

/** Waits for an element; on a timeout the error carries what the page said instead. */
async function shown(page: Page, testId: string): Promise<void> {
  try {
    await page.getByTestId(testId).waitFor();
  } catch (e) {
    const text = await page
      .locator('main')
      .innerText()
      .catch(() => '');
    throw new Error(`${testId} not shown on ${page.url()}:\n${text}`, { cause: e });
  }
}

/** The trustee keys E_i in the public record, in record order. */
async function trusteeKeysInRecord(P: string): Promise<string[]> {
  const record = (await (await org.request('GET', `${P}/record.json`)).json()) as {
    events: { type: string; body: { key?: string } }[];
  };
  return record.events.filter((e) => e.type === 'trustee_key').map((e) => e.body.key!);
}

/** The step marks of a page, in order. */
const stepStates = (page: Page) =>
  page
    .locator('[data-testid^="trustee-step-"]')
    .evaluateAll((els) => els.map((e) => `${e.dataset.testid}:${e.dataset.state}`));

describe('trustee page', () => {
  it('runs the key ceremony in three browsers, then two members decrypt from their key files', async () => {
    const C = `/api/conferences/${w.conferenceId}/election`;
    const P = `/api/public/conferences/${w.conferenceId}/election`;

    // One-time codes as the committee screen gives them; each member on their own phone.
    const committee = await org.json<{ id: string }[]>(
      'GET',
      `/api/conferences/${w.conferenceId}/committee`,
    );
    const codes: string[] = [];
    for (const m of committee)
      codes.push(
        (
          await org.json<{ code: string }>(
            'POST',
            `/api/conferences/${w.conferenceId}/committee/${m.id}/code`,
            undefined,
            201,
          )
        ).code,
      );
    const members: Member[] = [];
    for (const code of codes) members.push(await signIn(code));
    // Members open the page before the organiser opens the vote: it says so, and picks it up.
    for (const m of members) await shown(m.page, 'trustee-no-election');
    const created = await org.json<ElectionOverviewDto>('POST', C, {}, 201);
    expect([created.trustees.length, created.threshold]).toEqual([3, 2]);

    // The ceremony runs by itself up to the key file: every member sees the save button.
    for (const m of members) await shown(m.page, 'trustee-save-key');
    // Before the vote existed the page's polls were answered 404 (shown as "not opened yet"); from
    // here on, no console error at all.
    for (const m of members) {
      expect(m.errors.every((e) => e.includes('404 (Not Found)'))).toBe(true);
      m.errors.splice(0);
    }
    const overview = await org.json<ElectionOverviewDto>('GET', P);
    expect(overview.status).toBe('acknowledging');
    for (const [k, m] of members.entries()) {
      expect(await m.page.getByTestId('trustee-fingerprint').textContent()).toBe(
        shortFingerprint(overview.fingerprint!),
      );
      expect(await m.page.getByTestId('trustee-number').textContent()).toContain(
        `số ${k + 1} trên 3`,
      );
      expect(await stepStates(m.page)).toEqual([
        'trustee-step-key:done',
        'trustee-step-commitment:done',
        'trustee-step-check:done',
        'trustee-step-keep:now',
        'trustee-step-acknowledgement:later',
        'trustee-step-partial:later',
      ]);
      await expect
        .poll(() => m.page.getByTestId('trustee-acknowledge').isDisabled(), PATIENCE)
        .toBe(true);
    }
    await expect
      .poll(
        () => members[0]!.page.getByText('máy chủ không bao giờ nhận được nó').count(),
        PATIENCE,
      )
      .toBe(1);
    // 360 px: nothing wider than the phone
    expect(
      await members[0]!.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(PHONE.width);
    await shot(members[0]!.page, 'trustee-keep');

    // A reload during the ceremony keeps the secrets (this tab's sessionStorage), never localStorage.
    await members[1]!.page.reload();
    await shown(members[1]!.page, 'trustee-save-key');
    const stored = await members[1]!.page.evaluate(() => ({
      session: Object.keys(sessionStorage),
      local: JSON.stringify(localStorage),
    }));
    expect(stored.session).toEqual([`tinnhiem.trustee.${w.conferenceId}`]);
    expect(stored.local).not.toContain('keySecret');

    // The key share as a QR code to print, with its name for screen readers.
    await members[1]!.page.getByTestId('trustee-show-qr').click();
    await expect
      .poll(
        () =>
          members[1]!.page
            .getByRole('img', { name: 'Mã QR phần khóa của thành viên số 2' })
            .count(),
        PATIENCE,
      )
      .toBe(1);

    // Member 3's tab loses its secrets mid-ceremony (closed, or the page opened on another device):
    // the page says so and offers the restart. After it every page starts again by itself, and the
    // record keeps only the ceremony that made the key.
    const firstKeys = await trusteeKeysInRecord(P);
    const lost = members[2]!;
    await lost.page.evaluate(() => sessionStorage.clear());
    await lost.page.reload();
    await shown(lost.page, 'trustee-restart-button');
    expect(await lost.page.getByTestId('trustee-now').textContent()).toContain(
      'không còn giữ phần khóa bí mật',
    );
    await lost.page.getByTestId('trustee-restart-button').click();
    await lost.page.getByTestId('trustee-restart-confirm').click();
    for (const m of members) await shown(m.page, 'trustee-restarted');
    for (const m of members) await shown(m.page, 'trustee-save-key');
    const again = await org.json<ElectionOverviewDto>('GET', P);
    expect([again.status, again.ceremony, again.fingerprint]).toEqual([
      'acknowledging',
      2,
      overview.fingerprint,
    ]);
    for (const [k, m] of members.entries()) {
      const note = await m.page.getByTestId('trustee-restarted').textContent();
      expect(note).toContain('Lễ tạo khóa đã được bắt đầu lại (lần thứ 2)');
      // members 1 and 2 still held the first run's secrets: the page says it deleted them
      expect(note!.includes('đã được xóa')).toBe(k < 2);
    }
    const secondKeys = await trusteeKeysInRecord(P);
    expect(secondKeys.length).toBe(3);
    expect(secondKeys.filter((key) => firstKeys.includes(key))).toEqual([]);
    await shot(lost.page, 'trustee-restarted');

    // Each member saves the key file ("Lưu phần khóa"), then confirms; the third by keyboard only.
    for (const [k, m] of members.entries()) {
      const [download] = await Promise.all([
        m.page.waitForEvent('download'),
        m.page.getByTestId('trustee-save-key').click(),
      ]);
      m.keyFile = join(downloads, `member-${k + 1}-${download.suggestedFilename()}`);
      await download.saveAs(m.keyFile);
      expect(download.suggestedFilename()).toMatch(
        /^phan-khoa-thanh-vien-\d-[0-9a-f]{8}-lan-2\.json$/,
      );
      await shown(m.page, 'trustee-saved');
      if (k === 2) {
        await m.page.getByTestId('trustee-acknowledge').focus();
        await m.page.keyboard.press('Enter');
      } else await m.page.getByTestId('trustee-acknowledge').click();
    }
    await expect
      .poll(async () => (await org.json<ElectionOverviewDto>('GET', P)).status, PATIENCE)
      .toBe('keyed');
    for (const m of members) {
      await expect
        .poll(
          () => m.page.getByTestId('trustee-step-acknowledgement').getAttribute('data-state'),
          PATIENCE,
        )
        .toBe('done');
      // the secrets left sessionStorage once acknowledged: the member's file holds them
      await expect.poll(() => m.page.evaluate(() => sessionStorage.length), PATIENCE).toBe(0);
    }
    const file = JSON.parse(readFileSync(members[0]!.keyFile, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(file).sort()).toEqual([
      'conferenceId',
      'fingerprint',
      'format',
      'keySecret',
      'share',
      'trustee',
      'verificationKey',
    ]);
    expect(file.fingerprint).toBe(overview.fingerprint);
    // the server never saw the secrets
    const record = await (await org.request('GET', `${P}/record.json`)).text();
    for (const m of members) {
      const f = JSON.parse(readFileSync(m.keyFile, 'utf8')) as { keySecret: string; share: string };
      expect(record).not.toContain(f.keySecret);
      expect(record).not.toContain(f.share);
    }

    // Voting through the API: one credential per person summoned, four ballots cast.
    const { creds, booth, ctx } = await openVotingWithCredentials(org, w);
    const LEVELS: LineChoice[] = ['high', 'low', 'confidence', 'blank', 'high'];
    const expected = new Map<string, Record<'high' | 'confidence' | 'low' | 'invalid', number>>();
    for (const v of [0, 1, 2, 4]) {
      const { cred, style } = creds[v]!;
      const st = booth.manifest.styles.find((s) => s.id === style)!;
      const choices = st.persons.map((_, k) => LEVELS[(v + k) % LEVELS.length]!);
      const { ballot } = encryptBallot(ctx, cred.public, st, choices, random);
      await org.json(
        'POST',
        `${P}/ballots`,
        { ballot: signBallot(ctx, ballot, cred, random) },
        201,
      );
      st.persons.forEach((person, k) => {
        const e = expected.get(person) ?? { high: 0, confidence: 0, low: 0, invalid: 0 };
        const c = choices[k]!;
        e[c === 'blank' ? 'invalid' : c]++;
        expected.set(person, e);
      });
    }
    await org.json('POST', `${C}/close`, { close: true });

    // Members 1 and 3 come back later (a fresh load: nothing kept in the tab) with their files.
    const [first, , third] = members;
    for (const m of [first!, third!]) {
      await m.page.reload();
      await shown(m.page, 'trustee-decrypt');
    }
    // the wrong file is refused in words: member 1 picks member 3's file first
    await first!.page.getByTestId('trustee-key-file').setInputFiles(third!.keyFile);
    await first!.page.getByRole('alert').getByText('của thành viên khác').waitFor();
    await first!.page.getByLabel('Tệp phần khóa').setInputFiles(first!.keyFile);
    await expect
      .poll(() => first!.page.getByTestId('trustee-partials').textContent(), PATIENCE)
      .toBe('Đã có 1 trên 2 phần giải mã cần thiết.');
    await shot(first!.page, 'trustee-partial');
    await third!.page.getByTestId('trustee-key-file').setInputFiles(third!.keyFile);
    await expect
      .poll(() => third!.page.getByTestId('trustee-page').getAttribute('data-status'), PATIENCE)
      .toBe('decrypted');
    await expect
      .poll(() => first!.page.getByTestId('trustee-partials').textContent(), PATIENCE)
      .toContain('kết quả bỏ phiếu điện tử đã được giải mã');
    expect((await org.json<ElectionOverviewDto>('GET', P)).status).toBe('decrypted');

    const counts = await org.json<ElectronicCountsDto>('GET', `${C}/counts`);
    expect(counts.persons.length).toBe(3);
    for (const p of counts.persons) {
      const e = expected.get(p.subjectId)!;
      expect([p.high, p.confidence, p.low, p.invalid]).toEqual([
        e.high,
        e.confidence,
        e.low,
        e.invalid,
      ]);
    }
    for (const m of members) expect(m.errors).toEqual([]);
    expect(t.errors).toEqual([]);
    for (const m of members) await m.context.close();
  }, 180_000);
});
