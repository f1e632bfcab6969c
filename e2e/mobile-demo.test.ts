import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, browserSkipReason, launchBrowser } from './support/browser.js';
import { HttpSession } from './support/http.js';
import { REPO_ROOT, type RunningServer, startServer } from './support/server.js';

const APP_BUILD = join(REPO_ROOT, 'apps/mobile/dist/index.html');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const skipReason = browserSkipReason() ?? (existsSync(APP_BUILD) || ci ? null : 'the app’s web build is missing (npm run install:mobile && npm run build:mobile)');
if (skipReason) console.log(`Skipping the app demo test: ${skipReason}`);

/** Set BLUEZONE_SCREENSHOTS=apps/mobile/docs/screenshots to keep the screens of the run (the app README's pictures). */
const screenshotDir = process.env.BLUEZONE_SCREENSHOTS;
const OFFICER = { username: 'cdc-officer', displayName: 'Bác sĩ Lan', password: 'Officer-Pass-2026', role: 'health_officer', unitCode: '20' };
const SPEED = 60;
const HOUR = 3_600_000;

/**
 * How far back the demo clock starts: 6 hours, or more when the first simulated hour would cross a UTC midnight (a
 * contact split across two days is two short contacts, and the test would depend on the time it runs).
 */
function rewindHours(now: number): number {
  for (const hours of [6, 7, 8]) {
    if ((now - hours * HOUR) % (24 * HOUR) < 22 * HOUR) return hours;
  }
  return 8;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!screenshotDir) return;
  mkdirSync(join(REPO_ROOT, screenshotDir), { recursive: true });
  await page.screenshot({ path: join(REPO_ROOT, screenshotDir, `${name}.png`) });
}

/** A phone: a browser tab of the web demo, onboarded, tracing. */
async function openPhone(page: Page, url: string, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 760 });
  await page.goto(url);
  await page.getByText('Bluezone giúp bạn biết sớm nếu đã ở gần người nhiễm COVID-19').waitFor();
  if (name === 'a') await shot(page, '1-onboarding');
  await page.getByTestId('welcome-continue').click();
  await page.getByTestId('allow-bluetooth').click();
  await page.getByTestId('allow-notifications').click();
  await page.getByText('Truy vết đang bật').waitFor();
}

describe.skipIf(skipReason !== null)('the app demo in Chromium: two phones meet, one uploads, the other is warned', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let pages: Page[] = [];
  beforeAll(async () => {
    server = await startServer();
    const admin = new HttpSession(server.baseUrl);
    await admin.login('admin', server.adminPassword);
    expect((await admin.request('POST', '/api/v1/users', OFFICER)).status).toBe(201);
    // Tabs side by side must keep their timers running, as two phones would.
    browser = await launchBrowser({ args: ['--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'] });
    // Every page records what the server's Content-Security-Policy refused (the app's pages have their own policy).
    await browser.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
    });
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      for (const page of pages) console.log(`Page at ${page.url()} showed:\n${await page.locator('body').innerText().catch(() => '(no page)')}`);
      console.log(server.output().slice(-3000));
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('ends with the warning screen in Vietnamese, the warned phone sending nothing but downloads until it makes the health declaration the warning offers', { timeout: 300_000 }, async () => {
    const phoneA = browser.context.pages()[0] ?? (await browser.context.newPage());
    const phoneB = await browser.context.newPage();
    const officer = await browser.context.newPage();
    pages = [phoneA, phoneB, officer];
    for (const page of pages) page.setDefaultTimeout(30_000);
    const sentByB: string[] = [];
    phoneB.on('request', (request) => {
      if (request.method() !== 'GET') sentByB.push(`${request.method()} ${request.url()}`);
    });

    // Two phones on one laptop, the demo clock 60 times faster from a few hours ago.
    await openPhone(phoneA, `${server.baseUrl}/app/?speed=${SPEED}&rewindHours=${rewindHours(Date.now())}`, 'a');
    await openPhone(phoneB, `${server.baseUrl}/app/`, 'b');
    await shot(phoneB, '2-home');
    // They stay together for about 25 simulated minutes (25 real seconds at 60×): five scans, five minutes each.
    await phoneB.waitForTimeout((25 * 60_000) / SPEED);

    // A health officer issues a code in the console.
    await officer.goto(server.baseUrl);
    await officer.getByLabel('Tên đăng nhập', { exact: true }).fill(OFFICER.username);
    await officer.getByLabel('Mật khẩu', { exact: true }).fill(OFFICER.password);
    await officer.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await officer.getByRole('link', { name: 'Mã tải lên' }).click();
    await officer.getByLabel('Khẳng định (F0)').check();
    await officer.getByRole('button', { name: 'Cấp mã', exact: true }).click();
    const code = (await officer.getByTestId('short-code').innerText()).replace(/\s/g, '');

    // Phone A uploads with it, after consenting to the days listed.
    await phoneA.getByTestId('tested-positive').click();
    await phoneA.getByTestId('code-input').fill(code);
    await phoneA.getByTestId('submit-code').click();
    await phoneA.getByText('Chia sẻ khóa của những ngày này?').waitFor();
    await shot(phoneA, '3-consent');
    await phoneA.getByTestId('consent-agree').click();
    await phoneA.getByTestId('upload-submit').click();
    await phoneA.getByText('Cảm ơn bạn!').waitFor();

    // The export is cut (the server's worker does it every hour; an operator can at once).
    const run = spawnSync(process.execPath, ['apps/cli/bin/bluezone.js', 'export', 'run', '--json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, BLUEZONE_DATA_DIR: server.dataDir, BLUEZONE_EXPORT_SETTLE: '0' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);

    // The officer posts a notice, which phones read in their inbox.
    await officer.getByRole('link', { name: 'Thông báo cho người dân' }).click();
    await officer.getByLabel('Tiêu đề', { exact: true }).fill('Xét nghiệm miễn phí cho người tiếp xúc gần');
    await officer.getByLabel('Nội dung', { exact: true }).fill('Người nhận cảnh báo của Bluezone đến trạm y tế phường để được xét nghiệm miễn phí.');
    await officer.getByRole('button', { name: 'Đăng thông báo' }).click();
    await officer.getByText('Đã đăng thông báo.').waitFor();

    // Phone B checks, and is warned.
    await phoneB.getByTestId('check-now').click();
    await phoneB.getByTestId('status-high').waitFor();
    await phoneB.getByText('Bạn đã tiếp xúc gần với người nhiễm', { exact: true }).waitFor();
    await shot(phoneB, '4-home-warned');
    await phoneB.getByTestId('open-warning').click();
    await phoneB.getByText('Bạn đã tiếp xúc gần với người nhiễm COVID-19').waitFor();
    const date = await phoneB.getByTestId('exposure-date').innerText();
    expect(date).toMatch(/^Ngày tiếp xúc: (Chủ nhật|Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)), \d\d\/\d\d\/\d{4}$/);
    await phoneB.getByText('Khai báo y tế và ghi rõ bạn được Bluezone cảnh báo.').waitFor();
    await shot(phoneB, '5-warning');

    await phoneB.getByRole('button', { name: 'Quay lại' }).click();
    await phoneB.getByTestId('tab-notices').click();
    await phoneB.getByText('Xét nghiệm miễn phí cho người tiếp xúc gần').waitFor();
    await shot(phoneB, '6-notices');

    // What phone B sent: nothing. Its check downloaded public files only.
    expect(sentByB).toEqual([]);

    // Phone B makes the health declaration the warning offers, with "warned by Bluezone" ticked.
    await phoneB.getByTestId('tab-home').click();
    await phoneB.getByTestId('open-warning').click();
    await phoneB.getByTestId('warning-declare').click();
    await phoneB.getByText('Bước 1/5: Người được khai báo').waitFor();
    await phoneB.getByTestId('field-fullName').fill('Nông Thị Lan');
    await phoneB.getByTestId('field-yearOfBirth').fill('1990');
    await phoneB.getByTestId('gender-female').click();
    await phoneB.getByTestId('field-phone').fill('0912 345 678');
    await phoneB.getByTestId('declaration-next').click();
    await phoneB.getByTestId('field-residence.unitCode').fill('dong dang');
    await phoneB.getByTestId('field-residence.unitCode-option-06184').click();
    await phoneB.getByTestId('field-residence.address').fill('Thôn Pò Mã');
    await phoneB.getByTestId('declaration-next').click();
    await phoneB.getByText('Bước 3/5: Nơi đã đến').waitFor();
    await phoneB.getByTestId('declaration-next').click();
    await phoneB.getByTestId('contactCase-no').click();
    await phoneB.getByTestId('contactArrival-no').click();
    await phoneB.getByTestId('contactFever-no').click();
    expect(await phoneB.getByTestId('warned-yes').getAttribute('aria-checked')).toBe('true');
    await phoneB.getByTestId('warned-unknown').scrollIntoViewIfNeeded();
    await shot(phoneB, '7-declaration');
    await phoneB.getByTestId('declaration-next').click();
    await phoneB.getByTestId('consent').click();
    await phoneB.getByTestId('declaration-submit').click();
    await phoneB.getByText('Đã nhận tờ khai', { exact: true }).waitFor();
    const receipt = await phoneB.getByTestId('receipt-code').innerText();
    expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await phoneB.getByRole('img', { name: `Mã QR của biên nhận ${receipt}` }).waitFor();
    expect(await phoneB.getByTestId('receipt-qr').locator('svg').count()).toBe(1);
    await shot(phoneB, '8-receipt');

    // The declaration is on the server, routed to the commune, flagged as warned by the app.
    const api = new HttpSession(server.baseUrl);
    await api.login(OFFICER.username, OFFICER.password);
    const byReceipt = await api.request('GET', `/api/v1/declarations/by-receipt/${receipt}`);
    expect(byReceipt.status).toBe(200);
    const { id, residence } = (byReceipt.json as { declaration: { id: number; residence: { unitCode: string } } }).declaration;
    expect(residence.unitCode).toBe('06184');
    const full = await api.request('GET', `/api/v1/declarations/${id}`);
    expect((full.json as { declaration: { warnedByApp: boolean; fullName: string } }).declaration).toMatchObject({ warnedByApp: true, fullName: 'Nông Thị Lan' });
    // And it was the one thing phone B ever sent.
    expect(sentByB).toEqual([`POST ${server.baseUrl}/api/v1/declarations`]);
    // Neither the phones nor the console needed anything their policies refuse.
    for (const page of pages) expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), page.url()).toEqual([]);
  });
});
