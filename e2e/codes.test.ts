import { randomBytes } from 'node:crypto';
import { calculateExposureKeyHmac } from '@bluezone/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, browserSkipReason, launchBrowser } from './support/browser.js';
import { HttpSession, errorCode } from './support/http.js';
import { type RunningServer, startServer } from './support/server.js';

const skipReason = browserSkipReason();
if (skipReason) console.log(`Skipping the upload-code browser test: ${skipReason}`);

const OFFICER = { username: 'cdc-officer', displayName: 'Bác sĩ Lan', password: 'Officer-Pass-2026', role: 'health_officer', unitCode: '20' };

/** A phone: code → token → certificate → publish of 14 days of keys, over real HTTP. */
async function phoneUploads(baseUrl: string, code: string) {
  const phone = new HttpSession(baseUrl);
  const verified = await phone.request('POST', '/api/v1/verify', { code });
  if (verified.status !== 200) return verified;
  const today = Math.floor(Date.now() / 600_000 / 144) * 144;
  const keys = Array.from({ length: 14 }, (_, i) => ({ key: randomBytes(16).toString('base64'), rollingStartNumber: today - (i + 1) * 144, rollingPeriod: 144, transmissionRisk: 0 }));
  const hmacKey = randomBytes(32);
  const ekeyhmac = calculateExposureKeyHmac(keys.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: 144, transmissionRisk: 0 })), hmacKey);
  const certified = await phone.request('POST', '/api/v1/certificate', { token: verified.json!.token, ekeyhmac });
  return phone.request('POST', '/api/v1/publish', {
    temporaryExposureKeys: keys,
    healthAuthorityID: 'vn.bluezone',
    verificationPayload: certified.json!.certificate,
    hmacKey: hmacKey.toString('base64'),
  });
}

describe('upload codes end to end', () => {
  let server: RunningServer;
  let officer: HttpSession;
  beforeAll(async () => {
    server = await startServer();
    const admin = new HttpSession(server.baseUrl);
    await admin.login('admin', server.adminPassword);
    expect((await admin.request('POST', '/api/v1/users', OFFICER)).status).toBe(201);
    officer = new HttpSession(server.baseUrl);
    await officer.login(OFFICER.username, OFFICER.password);
  });
  afterAll(async () => server?.stop());

  it('takes an officer’s code through verify, certificate and publish once, and never twice', async () => {
    const issued = await officer.request('POST', '/api/v1/codes', { testType: 'confirmed' });
    expect(issued.status).toBe(200);
    const published = await phoneUploads(server.baseUrl, issued.json!.code as string);
    expect(published.status, published.text).toBe(200);
    expect(published.json).toMatchObject({ insertedExposures: 14 });
    const again = await phoneUploads(server.baseUrl, issued.json!.code as string);
    expect(errorCode(again.json)).toBe('invalid_code');
  });

  describe.skipIf(skipReason !== null)('in Chromium', () => {
    let browser: LaunchedBrowser;
    let page: Page;
    beforeAll(async () => {
      browser = await launchBrowser();
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.setDefaultTimeout(15_000);
    });
    beforeEach(({ onTestFailed }) => {
      onTestFailed(async () => console.log(`Page at ${page?.url()} showed:\n${await page?.locator('body').innerText().catch(() => '(no page)')}`));
    });
    afterAll(async () => browser?.close());

    it('lets a health officer issue a code shown with its QR code, which then shows as used', { timeout: 90_000 }, async () => {
      await page.goto(server.baseUrl);
      await page.getByLabel('Tên đăng nhập', { exact: true }).fill(OFFICER.username);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(OFFICER.password);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.getByRole('link', { name: 'Mã tải lên' }).click();
      await page.getByRole('heading', { name: 'Mã tải lên', level: 1 }).waitFor();
      await page.getByLabel('Khẳng định (F0)').check();
      await page.getByRole('button', { name: 'Cấp mã', exact: true }).click();
      const shown = (await page.getByTestId('short-code').innerText()).replace(/\s/g, '');
      expect(shown).toMatch(/^\d{8}$/);
      await page.getByRole('img', { name: 'Mã QR mở ứng dụng Bluezone với mã tải lên này' }).waitFor();
      // Printed, the code slip is all there is: no navigation, form, list or buttons.
      await page.emulateMedia({ media: 'print' });
      try {
        expect(await page.getByTestId('short-code').isVisible()).toBe(true);
        await page.getByText('Mã tải lên Bluezone', { exact: true }).waitFor();
        for (const hidden of [
          page.getByRole('navigation', { name: 'Điều hướng chính' }),
          page.getByRole('button', { name: 'Cấp mã', exact: true }),
          page.getByRole('button', { name: 'In phiếu mã' }),
          page.getByRole('heading', { name: 'Các mã đã cấp' }),
          page.getByRole('heading', { name: 'Mã tải lên', level: 1 }),
        ]) {
          expect(await hidden.isVisible()).toBe(false);
        }
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
      expect(await page.getByRole('button', { name: 'In phiếu mã' }).isVisible()).toBe(true);

      expect((await phoneUploads(server.baseUrl, shown)).status).toBe(200);
      await page.reload();
      await page.getByRole('cell', { name: 'Đã dùng' }).first().waitFor();
    });

    it('shows a health officer today’s codes issued and the live export files, folded into cards on a phone', { timeout: 90_000 }, async () => {
      // Ten more codes today, so today's count is a number rather than the "<10" every small count shows.
      for (let i = 0; i < 10; i += 1) expect((await officer.request('POST', '/api/v1/codes', { testType: 'likely' })).status).toBe(200);
      const stats = await officer.request('GET', '/api/v1/stats/exposure-notification');
      expect(stats.status, stats.text).toBe(200);
      const days = stats.json!.days as Array<{ date: string; codesIssued: number | string }>;
      const files = stats.json!.exportFiles as Array<{ name: string }>;
      const issuedToday = days.at(-1)!.codesIssued;
      expect(issuedToday).toBeGreaterThanOrEqual(10);

      await page.goto(server.baseUrl);
      if (await page.getByLabel('Tên đăng nhập', { exact: true }).isVisible()) {
        await page.getByLabel('Tên đăng nhập', { exact: true }).fill(OFFICER.username);
        await page.getByLabel('Mật khẩu', { exact: true }).fill(OFFICER.password);
        await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      }
      await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
      await page.getByRole('heading', { name: 'Thống kê', level: 1 }).waitFor();
      const today = page.getByRole('row').filter({ hasText: 'Hôm nay' });
      await expect(today.getByRole('cell').nth(1).innerText()).resolves.toBe(String(issuedToday));
      // Today's claimed codes are few: shown "<10", which a screen reader hears with the reason.
      await today.getByRole('cell', { name: 'dưới 10 (ẩn để bảo vệ quyền riêng tư)' }).first().waitFor();

      for (const file of files) {
        const href = await page.getByRole('link', { name: file.name, exact: true }).getAttribute('href');
        expect(href).toBe(`/exports/${file.name}`);
        expect((await fetch(new URL(href!, server.baseUrl))).status).toBe(200);
      }
      if (files.length === 0) await page.getByText('Chưa có tệp xuất nào.').waitFor();

      await page.setViewportSize({ width: 375, height: 800 });
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
        expect(await today.getByRole('cell').nth(1).evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Mã đã cấp"');
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    });
  });
});
