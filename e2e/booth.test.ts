// The booth in Chromium (issue 7 §3) on a 360 px screen: a voter types their slip, leaves one line blank
// (and sees the warning), reviews, seals in the Web Worker, checks one ballot (Benaloh) and then casts;
// the tracker shown is on the public board. The server runs in process over a real HTTP port.

import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openElection, type OpenElection } from '../test/server/electronic-driver.js';
import { buildElectronicWorld, type ElectronicWorld } from '../test/server/electronic-world.js';
import { openTestApp, type TestApp } from '../test/server/harness.js';
import { collectErrors, launchChromium, newPerson, ROOT, shot } from './harness.js';

let t: TestApp;
let w: ElectronicWorld;
let e: OpenElection;
let server: ServerType;
let base = '';
let browser: Browser;

beforeAll(async () => {
  t = await openTestApp('sqlite', {}, join(ROOT, 'web', 'dist'));
  w = await buildElectronicWorld(t.store, 5);
  e = await openElection(t, w);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

describe('booth', () => {
  it('seals in a worker, audits once, casts, and the tracker is on the board', async () => {
    const { context, page } = await newPerson(browser, { width: 360, height: 740 });
    const errors = collectErrors(page);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${base}/booth/${w.conferenceId}`);
    const voter = e.voters[0]!; // the common ballot: three persons
    await page.getByLabel('Mã trên phiếu mã bỏ phiếu').fill(voter.slip.toLowerCase());
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const groups = page.locator('fieldset');
    await expect.poll(() => groups.count()).toBe(3);
    await groups.nth(0).getByLabel('Tín nhiệm cao').check();
    await groups.nth(1).getByLabel('Tín nhiệm thấp').check();
    // the third line is left blank: the warning says it counts as invalid
    await expect.poll(() => groups.nth(2).getByText('dòng không hợp lệ').count()).toBe(1);
    await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await page.getByRole('button', { name: 'Mã hóa phiếu' }).click();
    await page.getByText('Mã theo dõi phiếu của bạn').waitFor();
    await page.getByRole('button', { name: 'Kiểm tra phiếu (không bỏ)' }).click();
    await page.getByText('đã được công khai để kiểm tra').waitFor();
    await page.getByRole('button', { name: 'Mã hóa phiếu' }).click();
    const sealed = await page.getByText('Mã theo dõi phiếu của bạn').textContent();
    await page.getByRole('button', { name: 'Bỏ phiếu', exact: true }).click();
    const done = await page.getByText('Đã nhận phiếu của bạn').textContent();
    const tracker = /([0-9a-f]{4}(?:-[0-9a-f]{4}){3})/.exec(done ?? '')![1]!;
    expect(sealed).toContain(tracker);
    await shot(page, 'booth-cast');
    const board = await e.anon.json<{ ballots: { tracker: string; kind: string }[] }>(
      'GET',
      `${e.P}/board`,
    );
    expect(board.ballots.map((b) => b.kind)).toEqual(['audited', 'cast']);
    expect(board.ballots[1]!.tracker).toBe(tracker);
    expect(errors).toEqual([]);
    // The booth asks nothing about a session: that would record when a voter opened it (secrecy).
    expect(asked.filter((p) => p.startsWith('/api/auth/'))).toEqual([]);
    await context.close();
  }, 120_000);
});
