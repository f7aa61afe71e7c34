// First start with the demo data in Chromium: the administrator loads the five seed reports with the button, then
// sees Móng Cái's counts ("142 ý kiến, 0 yêu cầu giải trình") with passed deadlines, and Lạng Sơn's exclusions.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectErrors,
  launchChromium,
  newPerson,
  shot,
  shotOf,
  startServer,
  type E2eServer,
} from './harness.js';

describe('demo data from the seed reports in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads with "Tải dữ liệu mẫu" and shows the articles’ numbers', async () => {
    const { page } = await newPerson(browser);
    const errors = collectErrors(page);
    try {
      await page.goto(server.setupUrl);
      await page.getByLabel('Tên đăng nhập').fill('quantri');
      await page.getByLabel('Họ và tên').fill('Quản trị hệ thống');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('mật-khẩu-thử-nghiệm');
      await page.getByLabel('Nhập lại mật khẩu').fill('mật-khẩu-thử-nghiệm');
      await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
      await page.getByRole('button', { name: 'Tải dữ liệu mẫu' }).click();
      await page
        .getByText(/Đã nạp dữ liệu mẫu: \d+ đơn vị, 5 đợt lấy phiếu, \d+ hội nghị/)
        .waitFor({ timeout: 60_000 });
      await shot(page, 'demo-01-loaded');
      await page.getByRole('button', { name: 'Trang chủ' }).click();
      await page
        .getByRole('link', { name: /TP Móng Cái/ })
        .first()
        .click();
      await page.getByTestId('conference-list').getByRole('link').first().click();
      await page.getByRole('link', { name: 'Ý kiến, yêu cầu giải trình' }).click();
      await page
        .getByTestId('question-counts')
        .getByText('142 ý kiến, 0 yêu cầu giải trình')
        .waitFor();
      // The conference was in 2023: every preparation deadline has passed, and says so.
      await page.getByText('Đã quá hạn trả lời ý kiến').waitFor();
      await shot(page, 'demo-02-mong-cai-questions', false);

      await page.getByRole('navigation').getByRole('link', { name: 'Đợt lấy phiếu' }).click();
      await page
        .getByRole('link', { name: /Lạng Sơn/ })
        .first()
        .click();
      await page
        .getByTestId('conference-list')
        .getByRole('link', { name: /Ban Chấp hành Đảng bộ tỉnh/ })
        .click();
      const excluded = page.getByTestId('subject').filter({ hasText: 'Lý do theo quy định' });
      await excluded.first().waitFor();
      expect(await excluded.count()).toBe(2);
      await shotOf(page.getByTestId('subjects-panel'), 'demo-03-lang-son-exclusions');

      // The same builder on a 360 px phone: nothing wider than the screen.
      const phone = await newPerson(browser, { width: 360, height: 740 });
      await phone.context.addCookies(await page.context().cookies());
      await phone.page.goto(page.url());
      await phone.page.getByTestId('subjects-panel').waitFor();
      // measured in the app's own font: the fallback serif, shown until it loads, is wider
      await phone.page.evaluate(() => document.fonts.ready.then(() => undefined));
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      await shot(phone.page, 'demo-04-phone-builder', false);
      expect(overflow).toBeLessThanOrEqual(360);
      await phone.context.close();
    } catch (e) {
      await shot(page, 'demo-failure').catch(() => undefined);
      throw e;
    }
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  }, 180_000);
});
