import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, browserSkipReason, launchBrowser } from './support/browser.js';
import { HttpSession } from './support/http.js';
import { type RunningServer, startServer } from './support/server.js';

const skipReason = browserSkipReason();
if (skipReason) console.log(`Skipping the Content-Security-Policy browser test: ${skipReason}`);

/** Every page of the console, by the roles that may open it (apps/console/src/app.tsx), plus one that does not exist. */
const ADMIN_PAGES = ['/', '/users', '/units', '/units?unit=05977', '/audit', '/codes', '/stats', '/notices', '/notifications', '/no-such-page'];
// Health declarations: the ward's officer and the health officer above it.
const DECLARATION_PAGES = ['/declarations', '/checkpoint', '/epidemic-areas', '/declaration-poster'];
const OFFICER_PAGES = ['/', '/codes', '/stats', ...DECLARATION_PAGES, '/declaration-stats', '/notices', '/notifications', '/no-such-page'];
// Campaign reporting: the issuer's campaigns (with one issued for the reporters below) and the reporters' inbox.
const ISSUER_PAGES = ['/', '/campaigns', '/campaigns/new', '/campaigns/1', '/notices', '/notifications', '/no-such-page'];
const REPORTER_PAGES = ['/', '/inbox', '/campaigns/1/rounds/1/report', '/notifications', '/no-such-page'];
/** The citizen's pages: no account. */
const PUBLIC_PAGES = ['/khai-bao', '/khai-bao/nhap-canh', '/khai-bao?dv=06184'];

const ROLE_USERS = [
  { username: 'csp-health', role: 'health_officer', unitCode: '20', pages: OFFICER_PAGES },
  { username: 'csp-ward', role: 'unit_officer', unitCode: '05977', pages: [...REPORTER_PAGES, ...DECLARATION_PAGES] },
  { username: 'csp-agency', role: 'agency_reporter', unitCode: '05977', agencyCode: 'CSP-VH', pages: REPORTER_PAGES },
  { username: 'csp-campaign', role: 'campaign_issuer', unitCode: '20', pages: ISSUER_PAGES },
] as const;
const PASSWORD = 'Csp-Check-Pass-2026';

/** Refusals the console expects and handles: asking for the session before sign-in. */
const EXPECTED_FAILURES = [/\/api\/v1\/auth\/me$/];

/**
 * What the browser complained about: CSP violations (reported to the page as `securitypolicyviolation` events and
 * collected by a script Playwright adds before any of the page's own), script errors, console errors, and API
 * answers of 4xx/5xx that the console did not ask for on purpose.
 */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A refused fetch is logged as "Failed to load resource"; the response listener below judges those by URL.
    if (message.text().startsWith('Failed to load resource')) return;
    problems.push(`console error at ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`script error at ${page.url()}: ${error.message}`));
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && !EXPECTED_FAILURES.some((pattern) => pattern.test(url.pathname))) {
      problems.push(`HTTP ${response.status()} for ${url.pathname}${url.search} at ${page.url()}`);
    }
  });
  return problems;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.splice(0));
}

async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

/** Opens each page by its address (a full load, so the CSP header of that load applies) and waits for it to settle. */
async function visitAll(page: Page, baseUrl: string, paths: readonly string[]): Promise<string[]> {
  const seen: string[] = [];
  for (const path of paths) {
    const response = await page.goto(baseUrl + path);
    const policy = response?.headers()['content-security-policy'] ?? '';
    if (!/script-src 'self'/.test(policy) || /unsafe-inline|unsafe-eval/.test(policy)) {
      seen.push(`${path}: no strict Content-Security-Policy header (got "${policy}")`);
    }
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    seen.push(...(await violations(page)).map((violation) => `${path}: ${violation}`));
  }
  return seen;
}

describe.skipIf(skipReason !== null)('console under the Content-Security-Policy', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    server = await startServer();
    const admin = new HttpSession(server.baseUrl);
    await admin.login('admin', server.adminPassword);
    await admin.request('POST', '/api/v1/agencies', { code: 'CSP-VH', name: 'Trung tâm Văn hóa phường Đông Kinh', unitCode: '05977', group: 'trung tâm văn hóa' });
    for (const user of ROLE_USERS) {
      const { username, role, unitCode } = user;
      const agency = 'agencyCode' in user ? { agencyCode: user.agencyCode } : {};
      const created = await admin.request('POST', '/api/v1/users', { username, displayName: username, password: PASSWORD, role, unitCode, ...agency });
      expect(created.status, created.text).toBe(201);
    }
    // A campaign to the ward and its agency, so the campaign pages have something to show.
    const issuer = new HttpSession(server.baseUrl);
    await issuer.login('csp-campaign', PASSWORD);
    const agencies = await issuer.request('GET', '/api/v1/agencies?unit=05977');
    const agencyId = (agencies.json?.agencies as { id: number }[])[0]!.id;
    const campaign = await issuer.request('POST', '/api/v1/campaigns', {
      documentNumber: '1/CSP',
      title: 'V/v kiểm tra chính sách nội dung',
      issuedOn: '2026-01-01',
      recipients: { unitCodes: ['05977'], agencyIds: [agencyId] },
      rounds: [{ name: 'Đợt 1', periodEnd: '2099-12-31', deadline: '2099-12-31' }],
    });
    expect(campaign.status, campaign.text).toBe(201);
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    // Runs before the page's own scripts on every load; Playwright injects it outside the page's CSP.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
      });
    });
    problems = watch(page);
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => console.log(`Problems:\n${problems.join('\n')}\n--- server output ---\n${server?.output().slice(-3000)}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reports a violation when one happens, so a silent run means something', { timeout: 60_000 }, async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    // An inline style attribute is what the policy forbids (style-src 'self'); the page itself never sets one.
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length)).toBeGreaterThan(0);
    expect((await violations(page)).join()).toMatch(/style-src/);
    await page.evaluate(() => document.body.removeAttribute('style'));
    // The browser also logs the refusal as a console error: that one was asked for.
    problems.length = 0;
  });

  it('opens every page of the administrator, in Vietnamese and English, without a violation', { timeout: 120_000 }, async () => {
    await signIn(page, server.baseUrl, 'admin', server.adminPassword);
    const seen = await visitAll(page, server.baseUrl, ADMIN_PAGES);

    // What the pages do beyond loading: the confirmation dialog, an issued code with its QR image, the export.
    await page.goto(`${server.baseUrl}/users`);
    await page.getByRole('button', { name: 'Khóa csp-ward' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await page.goto(`${server.baseUrl}/codes`);
    await page.getByRole('button', { name: 'Cấp mã', exact: true }).click();
    await page.getByRole('img', { name: 'Mã QR mở ứng dụng Bluezone với mã tải lên này' }).waitFor();
    // A published notice: its text opens in place, and withdrawing it asks first.
    await page.goto(`${server.baseUrl}/notices`);
    await page.getByLabel('Tiêu đề', { exact: true }).fill('Kiểm tra chính sách bảo mật');
    await page.getByLabel('Nội dung', { exact: true }).fill('Dòng một.\nDòng hai.');
    await page.getByRole('button', { name: 'Đăng thông báo' }).click();
    await page.getByText('Kiểm tra chính sách bảo mật').click();
    await page.getByText('Dòng hai.').waitFor();
    await page.getByRole('button', { name: 'Gỡ thông báo “Kiểm tra chính sách bảo mật”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await page.goto(`${server.baseUrl}/audit`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải về tệp Excel' }).click();
    await download;
    seen.push(...(await violations(page)));

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    seen.push(...(await visitAll(page, server.baseUrl, ADMIN_PAGES)));
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Không tìm thấy trang', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    seen.push(...(await violations(page)));

    expect(seen).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('opens the public declaration pages, in Vietnamese and English, and a receipt with its QR code, without a violation', { timeout: 120_000 }, async () => {
    const seen = await visitAll(page, server.baseUrl, PUBLIC_PAGES);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Health declaration', level: 1 }).waitFor();
    seen.push(...(await visitAll(page, server.baseUrl, PUBLIC_PAGES)));
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { name: 'Khai báo y tế', level: 1 }).waitFor();
    // A declaration sent through the page: its receipt draws the QR code.
    await page.getByLabel('Họ và tên', { exact: true }).fill('Lò Văn Csp');
    await page.getByLabel('Năm sinh', { exact: true }).fill('1970');
    await page.getByRole('group', { name: 'Giới tính' }).getByText('Nam', { exact: true }).click();
    await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 000 111');
    await page.getByLabel('Số nhà, đường phố, thôn, xóm').fill('Khối 2');
    for (const question of ['Người bệnh hoặc nghi ngờ mắc COVID-19?', 'Người từ vùng dịch về?', 'Người có biểu hiện sốt, ho?']) {
      await page.getByRole('group', { name: question }).getByText('Không', { exact: true }).click();
    }
    await page.getByText('Tôi cam kết thông tin trên là đúng', { exact: false }).click();
    await page.getByRole('button', { name: 'Gửi tờ khai' }).click();
    await page.getByRole('img', { name: /^Mã QR của biên nhận / }).waitFor();
    seen.push(...(await violations(page)));
    expect(seen).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('opens every page of each other role without a violation', { timeout: 120_000 }, async () => {
    const seen: string[] = [];
    for (const user of ROLE_USERS) {
      await signIn(page, server.baseUrl, user.username, PASSWORD);
      seen.push(...(await visitAll(page, server.baseUrl, user.pages)).map((line) => `${user.role} ${line}`));
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    }
    expect(seen).toEqual([]);
    expect(problems).toEqual([]);
  });
});
