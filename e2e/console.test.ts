import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, browserSkipReason, launchBrowser } from './support/browser.js';
import { HttpSession } from './support/http.js';
import { type RunningServer, startServer } from './support/server.js';

const skipReason = browserSkipReason();
if (skipReason) console.log(`Skipping the console browser tests: ${skipReason}`);

const OFFICER = { username: 'dongkinh-officer', displayName: 'Nguyễn Thị Hoa', password: 'Officer-Pass-2026' };

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** True when nothing is wider than the viewport: a phone user never scrolls sideways. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

describe.skipIf(skipReason !== null)('console in Chromium', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
  });
  beforeEach(({ onTestFailed }) => {
    // What the page showed is the first thing anyone debugging a failure needs.
    onTestFailed(async () => {
      const text = await page?.locator('body').innerText().catch(() => '(no page)');
      console.log(`Page at ${page?.url()} showed:\n${text}\n--- server output ---\n${server?.output().slice(-4000)}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens in Vietnamese with a labelled sign-in form', { timeout: 60_000 }, async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.getByRole('main').count()).toBe(1);
    // The first Tab reaches the skip link, so keyboard users can jump past the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chuyển đến nội dung chính');
  });

  it('shows a translated error for a wrong password', { timeout: 60_000 }, async () => {
    await signIn(page, 'admin', 'wrong-password');
    await page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
  });

  it('lets the administrator find a ward, add and rename its agency, and see it in the audit log', { timeout: 90_000 }, async () => {
    await signIn(page, 'admin', server.adminPassword);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Đơn vị và cơ quan' }).click();
    await page.getByLabel('Tìm đơn vị').fill('luong van tri');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('button', { name: 'Mở Phường Lương Văn Tri' }).click();
    await page.getByRole('heading', { name: 'Phường Lương Văn Tri', level: 3 }).waitFor();

    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    const add = page.getByRole('form', { name: 'Thêm cơ quan vào Phường Lương Văn Tri' });
    await add.getByLabel(/Tên cơ quan/).fill('Trạm Y tế phường Lương Văn Tri');
    await add.getByLabel(/Nhóm/).fill('sở, ban, ngành');
    await add.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thêm cơ quan.' }).waitFor();

    await page.getByRole('button', { name: 'Sửa Trạm Y tế phường Lương Văn Tri' }).click();
    const edit = page.getByRole('form', { name: 'Sửa Trạm Y tế phường Lương Văn Tri' });
    await edit.getByLabel(/Tên cơ quan/).fill('Trung tâm Văn hóa phường Lương Văn Tri');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cơ quan.' }).waitFor();
    await page.getByText('Trung tâm Văn hóa phường Lương Văn Tri').waitFor();

    await nav.getByRole('link', { name: 'Nhật ký kiểm tra' }).click();
    // Actions are chosen and shown by their Vietnamese label, never the dotted name.
    await page.getByLabel('Hành động').selectOption({ label: 'Thêm cơ quan, đơn vị' });
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const rows = page.getByRole('row').filter({ hasText: 'Trạm Y tế phường Lương Văn Tri' });
    await rows.first().waitFor();
    const actions = await page.locator('tbody td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['Thêm cơ quan, đơn vị']));
    // dd/mm/yyyy and a 24-hour clock, in Vietnam time whatever the machine's zone.
    const at = await rows.first().locator('time').getAttribute('datetime');
    const shown = await rows.first().locator('time').innerText();
    const vietnam = new Date(Date.parse(at!) + 7 * 3_600_000).toISOString();
    expect(shown).toBe(`${vietnam.slice(8, 10)}/${vietnam.slice(5, 7)}/${vietnam.slice(0, 4)} ${vietnam.slice(11, 16)}`);

    // A day range that ends before it starts is refused before asking the server, in words naming the field.
    await page.getByLabel('Từ ngày').fill('10/08/2020');
    await page.getByLabel('Đến ngày').fill('09/08/2020');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('Đến ngày: phải cùng ngày hoặc sau “Từ ngày”').waitFor();
    // Today, as a Vietnamese day, holds the entry; the log filtered so downloads as a spreadsheet.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString();
    const day = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
    await page.getByLabel('Từ ngày').fill(day);
    await page.getByLabel('Đến ngày').fill(day);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await rows.first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải về tệp Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      void file.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      }, reject);
    });
    // An .xlsx is a zip: it starts with PK.
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('finds units by code, keeps the open unit in the address and pages long lists', { timeout: 90_000 }, async () => {
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Đơn vị và cơ quan' }).click();
    // The province has more units below it (65) than one page holds (50): the rest come with "Xem thêm".
    await page.getByRole('button', { name: 'Mở Tỉnh Lạng Sơn' }).click();
    await page.getByRole('heading', { name: 'Tỉnh Lạng Sơn', level: 3 }).waitFor();
    const children = page.getByRole('region', { name: 'Đơn vị trực thuộc' }).getByRole('listitem');
    await children.first().waitFor();
    const firstPage = await children.count();
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    expect(firstPage).toBe(50);
    await expect.poll(() => children.count()).toBe(65);
    await page.getByText('Đã hiện đủ 65 mục.').waitFor();

    await page.getByLabel('Tìm đơn vị').fill('0597');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const results = page.getByRole('region', { name: 'Kết quả tìm kiếm' });
    await results.getByRole('button', { name: 'Mở Phường Đông Kinh' }).waitFor();
    expect(await results.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining('05977')]);
    await results.getByRole('button', { name: 'Mở Phường Đông Kinh' }).click();
    await page.getByRole('heading', { name: 'Phường Đông Kinh', level: 3 }).waitFor();
    expect(new URL(page.url()).searchParams.get('unit')).toBe('05977');
    // Back returns to the search, as the address had it; the address alone opens the unit again.
    await page.goBack();
    await results.getByRole('button', { name: 'Mở Phường Đông Kinh' }).waitFor();
    expect(await page.getByLabel('Tìm đơn vị').inputValue()).toBe('0597');
    await page.goto(`${server.baseUrl}/units?unit=05983`);
    await page.getByRole('heading', { name: 'Phường Lương Văn Tri', level: 3 }).waitFor();
  });

  it('lets the administrator add a village below a ward and rename it', { timeout: 90_000 }, async () => {
    await page.goto(`${server.baseUrl}/units?unit=05983`);
    await page.getByRole('heading', { name: 'Phường Lương Văn Tri', level: 3 }).waitFor();
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const form = page.getByRole('form', { name: 'Thêm đơn vị trực thuộc Phường Lương Văn Tri' });
    // Checked before sending, in Vietnamese, naming the field.
    await form.getByLabel('Cấp').fill('Thôn');
    await form.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    await form.getByText('Mã đơn vị mới: cần điền').waitFor();
    await form.getByText('Cấp: chỉ gồm chữ thường không dấu (a–z) và dấu _').waitFor();
    await form.getByLabel('Mã đơn vị mới').fill('LS-T01');
    await form.getByLabel('Cấp').fill('village');
    await form.getByLabel('Tên', { exact: true }).fill('Thôn Thử');
    await form.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    await page.getByText('Đã thêm Thôn Thử.').waitFor();
    const children = page.getByRole('region', { name: 'Đơn vị trực thuộc' });
    await children.getByRole('button', { name: 'Mở Thôn Thử' }).click();
    await page.getByRole('heading', { name: 'Thôn Thử', level: 3 }).waitFor();
    await page.getByText('Thôn, bản').waitFor();

    await page.getByRole('button', { name: 'Đổi tên' }).click();
    const rename = page.getByRole('form', { name: 'Đổi tên Thôn Thử' });
    await rename.getByLabel('Tên đầy đủ (không bắt buộc)', { exact: true }).fill('Thôn Thử Nghiệm');
    await rename.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã đổi tên đơn vị.').waitFor();
    await page.getByRole('heading', { name: 'Thôn Thử Nghiệm', level: 3 }).waitFor();

    // A code already used comes back from the server as a problem of the code field.
    await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    const again = page.getByRole('form', { name: 'Thêm đơn vị trực thuộc Thôn Thử Nghiệm' });
    await again.getByLabel('Mã đơn vị mới').fill('LS-T01');
    await again.getByLabel('Cấp').fill('residential_group');
    await again.getByLabel('Tên', { exact: true }).fill('Tổ 1');
    await again.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
    await again.getByText('Mã đơn vị này đã được dùng.').waitFor();
    expect(await again.getByLabel('Mã đơn vị mới').getAttribute('aria-invalid')).toBe('true');
  });

  it('offers the unit forms to a ward administrator on their ward and below, not on the province above it', { timeout: 90_000 }, async () => {
    // The server refuses an administrator's change above their own unit; the console offers none there.
    const api = new HttpSession(server.baseUrl);
    await api.login('admin', server.adminPassword);
    const wardAdmin = { username: 'luongvantri-admin', displayName: 'Trần Văn Nam', password: 'Ward-Admin-2026', role: 'admin', unitCode: '05983' };
    expect((await api.request('POST', '/api/v1/users', wardAdmin)).status).toBe(201);
    const other = await launchBrowser();
    try {
      const wardPage = other.context.pages()[0] ?? (await other.context.newPage());
      wardPage.setDefaultTimeout(15_000);
      await wardPage.goto(server.baseUrl);
      await signIn(wardPage, wardAdmin.username, wardAdmin.password);
      await wardPage.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
      await wardPage.goto(`${server.baseUrl}/units?unit=05983`);
      await wardPage.getByRole('heading', { name: 'Phường Lương Văn Tri', level: 3 }).waitFor();
      await wardPage.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).waitFor();
      expect(await wardPage.getByRole('button', { name: 'Đổi tên' }).count()).toBe(1);
      // Below the ward: the village the province's administrator added to it in the test before.
      await wardPage.goto(`${server.baseUrl}/units?unit=LS-T01`);
      await wardPage.getByRole('heading', { name: 'Thôn Thử Nghiệm', level: 3 }).waitFor();
      await wardPage.getByRole('button', { name: 'Đổi tên' }).waitFor();

      await wardPage.goto(`${server.baseUrl}/units?unit=20`);
      await wardPage.getByRole('heading', { name: 'Tỉnh Lạng Sơn', level: 3 }).waitFor();
      await wardPage.getByRole('region', { name: 'Đơn vị trực thuộc' }).getByRole('button').first().waitFor();
      expect(await wardPage.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).count()).toBe(0);
      expect(await wardPage.getByRole('button', { name: 'Đổi tên' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('lets the administrator create a ward officer chosen from the unit search', { timeout: 90_000 }, async () => {
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();

    const form = page.getByRole('form', { name: 'Thêm người dùng' });
    // Checked before sending, in Vietnamese, naming the field; focus goes to the first field in error.
    await form.getByLabel('Tên đăng nhập').fill('ab');
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    await form.getByText('Tên đăng nhập: cần ít nhất 3 ký tự').waitFor();
    await form.getByText('Họ và tên: cần điền').waitFor();
    expect(await form.getByLabel('Tên đăng nhập').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('ab');

    // A taken username comes back from the server as a field problem, said plainly at the field.
    await form.getByLabel('Tên đăng nhập').fill('admin');
    await form.getByLabel('Họ và tên').fill(OFFICER.displayName);
    await form.getByLabel('Mật khẩu', { exact: true }).fill(OFFICER.password);
    await form.getByLabel('Tìm đơn vị').fill('dong kinh');
    await form.getByRole('button', { name: /^Chọn .*Đông Kinh/ }).first().click();
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    await form.getByText('Tên đăng nhập này đã có người dùng.').waitFor();
    expect(await form.innerText()).not.toMatch(/taken|already exists/i);

    await form.getByLabel('Tên đăng nhập').fill(OFFICER.username);
    await form.getByLabel('Vai trò').selectOption('unit_officer');
    // Chosen above without diacritics on purpose: people type on keyboards without a Vietnamese layout.
    await form.getByText(/Đã chọn: .*Đông Kinh/).waitFor();
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();

    await page.getByRole('status').filter({ hasText: `Đã tạo người dùng ${OFFICER.username}.` }).waitFor();
    const row = page.getByRole('row').filter({ hasText: OFFICER.username });
    await row.waitFor();
    expect(await row.textContent()).toContain('Cán bộ phường, xã');
    expect(await row.textContent()).toContain('Đông Kinh');

    // Disabling asks first: Escape keeps the account and gives focus back to the button.
    const disable = page.getByRole('button', { name: `Khóa ${OFFICER.username}` });
    await disable.click();
    const confirm = page.getByRole('dialog', { name: `Khóa tài khoản ${OFFICER.username}?` });
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Khóa ${OFFICER.username}`);
    await row.getByText('Đang hoạt động').waitFor();
    // Confirmed, it disables; enable again from the list, then rename through the edit form.
    await disable.click();
    await confirm.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await row.getByText('Đã khóa').waitFor();
    await page.getByRole('button', { name: `Mở khóa ${OFFICER.username}` }).click();
    await row.getByText('Đang hoạt động').waitFor();
    await page.getByRole('button', { name: `Sửa ${OFFICER.username}` }).click();
    const edit = page.getByRole('form', { name: `Sửa người dùng ${OFFICER.username}` });
    expect(await edit.getByText(/Đã chọn: .*Đông Kinh/).count()).toBe(1);
    OFFICER.displayName = 'Nguyễn Thị Thu Hoa';
    await edit.getByLabel('Họ và tên').fill(OFFICER.displayName);
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: `Đã lưu người dùng ${OFFICER.username}.` }).waitFor();
    await row.getByText(OFFICER.displayName).waitFor();

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
  });

  it('shows the ward officer only their own profile, password and unit', { timeout: 90_000 }, async () => {
    await signIn(page, OFFICER.username, OFFICER.password);
    await page.getByRole('heading', { name: `Xin chào, ${OFFICER.displayName}` }).waitFor();
    expect(await page.getByTestId('profile-role').textContent()).toBe('Cán bộ phường, xã');
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await page.getByRole('heading', { name: 'Đơn vị của bạn' }).waitFor();
    await page.getByRole('heading', { name: 'Phường Đông Kinh', level: 3 }).waitFor();
    await page.getByRole('heading', { name: 'Cơ quan, đơn vị' }).waitFor();
    await page.getByText('Chưa có cơ quan, đơn vị nào.').waitFor();
    // Everything on the officer's home is theirs to read: no refusal anywhere on it.
    expect(await page.getByRole('alert').count()).toBe(0);

    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    // A ward officer reports in campaigns and works the ward's health declarations: nothing of the administrator's.
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Trang chính', 'Báo cáo của đơn vị', 'Tờ khai y tế', 'Kiểm tra biên nhận', 'Vùng dịch']);
    expect(await page.getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Nhật ký kiểm tra' }).count()).toBe(0);

    await page.goto(`${server.baseUrl}/users`);
    await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();

    const statuses = await page.evaluate(async () => {
      const me = await fetch('/api/v1/auth/me', { credentials: 'same-origin' }).then((r) => r.json());
      const list = await fetch('/api/v1/users', { credentials: 'same-origin' });
      const audit = await fetch('/api/v1/audit', { credentials: 'same-origin' });
      const create = await fetch('/api/v1/users', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          username: 'escalated',
          displayName: 'Escalated',
          password: 'Escalated-Pass-2026',
          role: 'admin',
          unitCode: '05977',
        }),
      });
      return { list: list.status, audit: audit.status, create: create.status };
    });
    expect(statuses).toEqual({ list: 403, audit: 403, create: 403 });

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: `Xin chào, ${OFFICER.displayName}` }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
  });

  it('lets the officer change their password and sign in with the new one', { timeout: 60_000 }, async () => {
    const form = page.getByRole('region', { name: 'Đổi mật khẩu' });
    await form.getByLabel('Mật khẩu hiện tại').fill('not-my-password');
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('Officer-New-Pass-2026');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('Officer-New-Pass-2026');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    // The server names the field at fault; the console says so at that field, in Vietnamese.
    await form.getByText('Mật khẩu hiện tại không đúng.').waitFor();
    expect(await form.getByLabel('Mật khẩu hiện tại').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Mật khẩu hiện tại').fill(OFFICER.password);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('Officer-New-Pass-2026');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('Officer-New-Pass-2026');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await form.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu.' }).waitFor();
    OFFICER.password = 'Officer-New-Pass-2026';

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(page, OFFICER.username, OFFICER.password);
    await page.getByRole('heading', { name: `Xin chào, ${OFFICER.displayName}` }).waitFor();
  });

  it('switches to English and remembers it for the user', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Hello, ${OFFICER.displayName}` }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // Stored on the server: a fresh page load with the browser's own choice reset still comes back in English.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByRole('heading', { name: `Hello, ${OFFICER.displayName}` }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });
});
