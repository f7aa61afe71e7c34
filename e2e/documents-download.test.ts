// Issue 5 §5 in Chromium against the real server: on a demo conference's page the organiser picks a ballot
// style and a number of copies, clicks "Tải phiếu tín nhiệm", and gets the PDF under its Vietnamese name;
// the invitations come the same way, one page per person summoned.

import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages, pdfText } from '../src/documents/golden/poppler.js';
import {
  collectErrors,
  launchChromium,
  newPerson,
  shotOf,
  startServer,
  type E2eServer,
} from './harness.js';

const ADMIN = { username: 'quantri', password: 'mật-khẩu-thử-nghiệm', name: 'Quản trị hệ thống' };

/** Calls the JSON API from inside the page (same origin, the page's session). */
async function getJson<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${p}: ${response.status}`);
    return (await response.json()) as T;
  }, path);
}

describe('document downloads in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    ({ context, page } = await newPerson(browser));
    errors = collectErrors(page);
    await page.goto(server.setupUrl);
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Họ và tên').fill(ADMIN.name);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await page.getByRole('button', { name: 'Tải dữ liệu mẫu' }).click();
    await page.getByText(/Đã nạp dữ liệu mẫu/).waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('downloads N copies of a ballot style and the invitations from the conference page', async () => {
    const conferences = await getJson<{ id: string; title: string }[]>(page, '/api/conferences');
    const styled = [];
    for (const c of conferences) {
      const styles = await getJson<{ id: string; name: string; subjectIds: string[] }[]>(
        page,
        `/api/conferences/${c.id}/ballot-styles`,
      );
      if (styles.length > 0) styled.push({ conference: c, style: styles[0]! });
    }
    const chosen = styled[0] ?? { conference: conferences[0]!, style: null };
    const { conference, style } = chosen;
    await page.goto(`${server.url}/conferences/${conference.id}`);
    const panel = page.getByTestId('conference-documents');
    await panel.waitFor();
    if (style !== null) await panel.getByLabel('Mẫu phiếu').selectOption(style.id);
    await panel.getByLabel('Số bản mỗi mẫu').fill('2');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('download-ballots').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Phiếu tín nhiệm - .+ - 2 bản\.pdf$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes).normalize('NFC');
    expect(text).toContain('PHIẾU TÍN NHIỆM');
    expect(pdfPages(bytes) % 2).toBe(0);
    await panel.getByText(/Đã tải về Phiếu tín nhiệm/).waitFor();
    await shotOf(panel, 'documents-conference-panel');

    const participants = await getJson<unknown[]>(
      page,
      `/api/conferences/${conference.id}/participants`,
    );
    const [invitations] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('download-invitations').click(),
    ]);
    expect(invitations.suggestedFilename()).toMatch(/^Giấy mời - .+\.pdf$/);
    const invitationBytes = readFileSync(await invitations.path());
    expect(pdfPages(invitationBytes)).toBe(participants.length);
    expect(pdfText(invitationBytes).normalize('NFC')).toContain('GIẤY MỜI');

    // What the documents print beyond the conference: saved once, read back by the server.
    await panel.getByText('Thông tin in trên tài liệu').click();
    await panel.getByLabel('Cơ quan ban hành').fill('Đảng ủy Trường');
    await panel.getByLabel('Kính gửi').fill('Ban Thường vụ Huyện ủy');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await panel.getByText('Họ tên người ký').waitFor();
    await panel.getByText(/Vui lòng nhập chức vụ người ký/).waitFor();
    await panel.getByLabel('Chức vụ người ký').fill('Bí thư');
    await panel.getByLabel('Họ tên người ký').fill('Nguyễn Văn Bình');
    await panel.getByRole('button', { name: 'Lưu' }).click();
    await panel.getByText('Đã lưu.').waitFor();
    await shotOf(panel, 'documents-details-form');
    expect(
      await getJson<{ issuingBody?: { name: string } }>(
        page,
        `/api/conferences/${conference.id}/documents/details`,
      ),
    ).toEqual({
      issuingBody: { name: 'Đảng ủy Trường' },
      report: {
        to: 'Ban Thường vụ Huyện ủy',
        signer: { title: 'Bí thư', name: 'Nguyễn Văn Bình' },
        recipients: [],
      },
    });
    expect(errors).toEqual([]);
  }, 120_000);
});
