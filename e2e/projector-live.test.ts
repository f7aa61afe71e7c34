// The projector during an electronic vote in Chromium (issue 7 §4, §6): it shows ballots received / voters
// present and the booth's address as a QR code, nothing else; the count rises without a reload as ballots
// arrive (live updates over SSE); every request stays on this server; closing voting ends the view.

import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ElectionContext,
  elemFromHex,
  encryptBallot,
  hexToBytes,
  signBallot,
  systemRandom,
} from '../src/crypto/index.js';
import type { BoothInfoDto } from '../src/server/routes/election-schemas.js';
import { openElection, type OpenElection } from '../test/server/electronic-driver.js';
import { buildElectronicWorld, type ElectronicWorld } from '../test/server/electronic-world.js';
import { openTestApp, sessionClient, type Client, type TestApp } from '../test/server/harness.js';
import { collectErrors, launchChromium, newPerson, ROOT, shot } from './harness.js';

let t: TestApp;
let w: ElectronicWorld;
let e: OpenElection;
let org: Client;
let server: ServerType;
let base = '';
let browser: Browser;

beforeAll(async () => {
  t = await openTestApp('sqlite', {}, join(ROOT, 'web', 'dist'));
  w = await buildElectronicWorld(t.store, 6);
  e = await openElection(t, w);
  org = await sessionClient(t, w.organiser);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  // The projector's live stream stays open until its page goes; the browser is closed already.
  if (server && 'closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function cast(count: number, from: number): Promise<void> {
  const booth = await e.anon.json<BoothInfoDto>('GET', `${e.P}/booth`);
  const ctx: ElectionContext = {
    F: hexToBytes(booth.fingerprint),
    Y: elemFromHex(booth.publicKey!)!,
    base: BigInt(booth.base),
  };
  for (const { cred, style } of e.voters.slice(from, from + count)) {
    const s = booth.manifest.styles.find((x) => x.id === style)!;
    const { ballot } = encryptBallot(
      ctx,
      cred.public,
      s,
      s.persons.map(() => 'confidence' as const),
      systemRandom,
    );
    await e.anon.json(
      'POST',
      `${e.P}/ballots`,
      { ballot: signBallot(ctx, ballot, cred, systemRandom) },
      201,
    );
  }
}

describe('projector during an electronic vote', () => {
  it('shows ballots received / present and the booth QR, and the count rises without reload', async () => {
    for (const p of w.participants)
      await org.json('PUT', `/api/conferences/${w.conferenceId}/roll-call/${p.id}`, {
        attendance: 'present',
      });
    const present = w.participants.length;
    const { context, page } = await newPerson(browser, { width: 1920, height: 1080 });
    const [name, value] = org.cookie!.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const errors = collectErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations += 1;
    });
    await page.goto(`${base}/conferences/${w.conferenceId}/projector`);
    const count = page.getByTestId('projector-ballots');
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe(`0/${present}`);
    await expect
      .poll(() => page.getByTestId('projector').getAttribute('data-live'), { timeout: 30_000 })
      .toBe('on');
    // Nothing else during voting: no roll-call figure, no count progress, no result.
    expect(await page.getByTestId('projector-quorum').count()).toBe(0);
    expect(await page.getByTestId('projector-progress').count()).toBe(0);
    expect(await page.getByTestId('result-table').count()).toBe(0);
    // The booth's address on the address the projector was opened from, as a QR code.
    const boothUrl = `${base}/booth/${w.conferenceId}`;
    await page.getByText('Mở bằng điện thoại').waitFor();
    expect(await page.getByTestId('projector-booth-url').textContent()).toBe(boothUrl);
    const qr = page.getByRole('img', { name: `Mã QR của địa chỉ bỏ phiếu ${boothUrl}` });
    expect(await qr.getAttribute('data-qr-text')).toBe(boothUrl);
    // Opened on 127.0.0.1, the page says phones need the machine's network address.
    expect(await page.getByTestId('projector-loopback').count()).toBe(1);
    await shot(page, 'projector-electronic-0', false);

    const fetchesBefore = requests.filter((u) => u.endsWith('/projector')).length;
    await cast(2, 0);
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe(`2/${present}`);
    await cast(1, 2);
    await expect.poll(() => count.textContent(), { timeout: 30_000 }).toBe(`3/${present}`);
    await shot(page, 'projector-electronic-3', false);
    expect(navigations).toBe(1);
    // The page fetched again because the stream said so (while live it polls every 30 s only).
    expect(requests.filter((u) => u.endsWith('/projector')).length).toBeGreaterThan(fetchesBefore);
    expect(requests.some((u) => u.endsWith(`/api/conferences/${w.conferenceId}/live`))).toBe(true);

    // Closing voting ends the electronic view, still without reload.
    await org.json('POST', `${e.C}/close`, { close: true });
    await expect
      .poll(() => page.getByTestId('projector').getAttribute('data-phase'), { timeout: 30_000 })
      .not.toBe('electronic');
    expect(await count.count()).toBe(0);
    expect(navigations).toBe(1);

    // Offline room: every request went to this server.
    expect(requests.filter((u) => !u.startsWith(`${base}/`))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
