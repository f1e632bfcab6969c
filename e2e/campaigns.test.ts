import { rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, browserSkipReason, launchBrowser } from './support/browser.js';
import { HttpSession } from './support/http.js';
import { type RunningServer, laterClockEnv, startServer } from './support/server.js';

const skipReason = browserSkipReason();
if (skipReason) console.log(`Skipping the campaign reporting browser test: ${skipReason}`);

/**
 * The whole reporting cycle of the August 2020 directive, in Chromium: an issuer creates a campaign for two wards and
 * an agency; a ward officer reports on a 375 px phone, on time; the deadline passes (the server restarts on the same
 * data with its clock two days on); the agency's reporter reports late; one ward never does. The issuer's dashboard
 * then shows 2 of 3 sent, 1 late, 1 missing, with the right totals, and the exported .docx and .xlsx hold them.
 */
const PASSWORD = 'Campaign-E2E-Pass-2026';
const PEOPLE = {
  issuer: { username: 'so.tttt', displayName: 'Sở Thông tin và Truyền thông', role: 'campaign_issuer', unitCode: '20' },
  dongKinh: { username: 'ubnd.dongkinh', displayName: 'Nguyễn Thị Hoa', role: 'unit_officer', unitCode: '05977', phone: '0912 000 001' },
  luongVanTri: { username: 'ubnd.luongvantri', displayName: 'Hoàng Văn Nam', role: 'unit_officer', unitCode: '05983', phone: '0912 000 002' },
  culture: { username: 'ttvh.langson', displayName: 'Lương Văn Bình', role: 'agency_reporter', unitCode: '20', agencyCode: 'LS-TTVH' },
} as const;

/** Today in Vietnam as the console's date boxes take it: dd/mm/yyyy. */
function vietnamToday(): string {
  const day = new Date(Date.now() + 7 * 3_600_000).toISOString();
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** True when nothing is wider than the viewport: a phone user never scrolls sideways. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe.skipIf(skipReason !== null)('campaign reporting in Chromium', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let phone: BrowserContext;
  let dataDir: string;

  beforeAll(async () => {
    server = await startServer();
    dataDir = server.dataDir;
    const admin = new HttpSession(server.baseUrl);
    await admin.login('admin', server.adminPassword);
    const agency = await admin.request('POST', '/api/v1/agencies', { code: 'LS-TTVH', name: 'Trung tâm Văn hóa, Thể thao và Truyền thông', unitCode: '20', group: 'trung tâm văn hóa' });
    expect(agency.status, agency.text).toBe(201);
    // The agency's reporter is added in the console below, as an administrator does it.
    for (const person of [PEOPLE.issuer, PEOPLE.dongKinh, PEOPLE.luongVanTri]) {
      const created = await admin.request('POST', '/api/v1/users', { ...person, password: PASSWORD });
      expect(created.status, created.text).toBe(201);
    }
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      const text = await page?.locator('body').innerText().catch(() => '(no page)');
      console.log(`Page at ${page?.url()} showed:\n${text}\n--- server output ---\n${server?.output().slice(-4000)}`);
    });
  });
  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lets the administrator add the agency reporter, linked to the agency they report for', { timeout: 60_000 }, async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('admin');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(server.adminPassword);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const form = page.getByRole('form', { name: 'Thêm người dùng' });
    await form.getByLabel('Tên đăng nhập').fill(PEOPLE.culture.username);
    await form.getByLabel('Họ và tên').fill(PEOPLE.culture.displayName);
    await form.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await form.getByLabel('Vai trò').selectOption('agency_reporter');
    await form.getByLabel('Tìm đơn vị').fill('20');
    await form.getByRole('button', { name: /^Chọn .*Lạng Sơn/ }).first().click();
    // Without the agency, the form says what is missing before anything is sent.
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    await form.getByText('Mã cơ quan báo cáo: cần điền').waitFor();
    await form.getByLabel(/^Mã cơ quan báo cáo/).fill(PEOPLE.culture.agencyCode);
    await form.getByRole('button', { name: 'Tạo người dùng' }).click();
    await page.getByRole('status').filter({ hasText: `Đã tạo người dùng ${PEOPLE.culture.username}.` }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
  });

  it('lets the issuer create a campaign for two wards and an agency', { timeout: 90_000 }, async () => {
    await signIn(page, server.baseUrl, PEOPLE.issuer.username);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chiến dịch báo cáo' }).click();
    await page.getByRole('link', { name: 'Tạo chiến dịch mới' }).click();
    const form = page.getByRole('form', { name: 'Tạo chiến dịch báo cáo' });
    await form.getByLabel('Số, ký hiệu văn bản').fill('1405/STTTT-TTBCXB');
    await form.getByLabel('Trích yếu').fill('V/v tăng cường tuyên truyền phòng, chống dịch Covid-19');
    await form.getByLabel(/^Cơ quan ban hành/).fill('Sở Thông tin và Truyền thông');
    for (const [search, name] of [['dong kinh', 'Phường Đông Kinh'], ['luong van tri', 'Phường Lương Văn Tri']]) {
      await form.getByLabel('Tìm đơn vị').fill(search!);
      await form.getByRole('button', { name: `Chọn ${name}` }).click();
      await form.getByRole('button', { name: `Bỏ ${name}` }).waitFor();
    }
    await form.getByLabel('Trung tâm Văn hóa, Thể thao và Truyền thông (trung tâm văn hóa)').check();
    // One round, due by the end of today in Vietnam.
    await form.getByLabel('Số liệu tính đến ngày').fill(vietnamToday());
    await form.getByLabel('Hạn báo cáo (hết ngày)').fill(vietnamToday());
    await form.getByLabel(/^Cơ quan chủ quản/).fill('UBND tỉnh Lạng Sơn');
    await form.getByLabel(/^Kính gửi/).fill('Ủy ban nhân dân tỉnh Lạng Sơn');
    await form.getByLabel(/^Họ tên người ký/).fill('Lê Hải Yến');
    await form.getByRole('button', { name: 'Ban hành chiến dịch' }).click();
    await page.getByRole('heading', { name: '1405/STTTT-TTBCXB: V/v tăng cường tuyên truyền phòng, chống dịch Covid-19', level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('figure-expected').innerText()).toContain('3');
  });

  it('lets a ward officer report from a 375 px phone, on time', { timeout: 90_000 }, async () => {
    phone = await browser.context.browser()?.newContext({ viewport: { width: 375, height: 800 } }) ?? browser.context;
    const mobile = await phone.newPage();
    mobile.setDefaultTimeout(15_000);
    await signIn(mobile, server.baseUrl, PEOPLE.dongKinh.username);
    await mobile.getByRole('link', { name: 'Báo cáo của đơn vị', exact: true }).click();
    await mobile.getByRole('heading', { name: /1405\/STTTT-TTBCXB/ }).waitFor();
    await mobile.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await mobile.getByText('Đã xác nhận nhận văn bản').waitFor();
    await mobile.getByRole('link', { name: 'Báo cáo Đợt 1' }).click();
    await mobile.getByRole('heading', { name: 'Báo cáo Đợt 1', level: 1 }).waitFor();
    await mobile.getByLabel('Tổng số cán bộ, công chức, viên chức, người lao động').fill('40');
    await mobile.getByLabel('Số người đã cài đặt Bluezone').fill('30');
    await mobile.getByText('Tỷ lệ cài đặt: 75%').waitFor();
    const radio = mobile.getByRole('group', { name: '1. Truyền thanh' });
    await radio.getByLabel(/^Số lượng/).fill('12');
    await radio.getByLabel(/^Tỷ lệ %/).fill('80');
    await mobile.getByRole('group', { name: '2. Tin, bài' }).getByLabel(/^Số lượng/).fill('3');
    await mobile.getByLabel(/^Đề xuất, kiến nghị/).fill('Đề nghị cấp thêm tờ rơi hướng dẫn cài đặt.');
    await mobile.getByRole('button', { name: 'Lưu nháp' }).click();
    await mobile.getByText(/^Đã lưu nháp lúc/).waitFor();
    expect(await fitsWidth(mobile)).toBe(true);
    await mobile.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await mobile.getByText(/^Đã gửi báo cáo lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/).waitFor();
    expect(await fitsWidth(mobile)).toBe(true);
    await mobile.close();
  });

  it('after the deadline, takes the agency report and marks it late', { timeout: 120_000 }, async () => {
    // The same data, the clock two days on: the round's deadline (the end of today in Vietnam) has passed.
    await server.stop({ keepDataDir: true });
    server = await startServer({ dataDir, env: laterClockEnv(2 * 86_400) });
    await signIn(page, server.baseUrl, PEOPLE.culture.username);
    // The reminder job ran at start: the reporter has an overdue notice in the console.
    await page.getByRole('link', { name: /^Thông báo, [1-9]\d* chưa đọc$/ }).click();
    await page.getByText(/^Đã quá hạn báo cáo Đợt 1 theo văn bản 1405\/STTTT-TTBCXB/).first().waitFor();
    await page.getByRole('link', { name: 'Báo cáo của đơn vị', exact: true }).click();
    await page.getByRole('link', { name: 'Báo cáo Đợt 1' }).click();
    await page.getByText('Đã quá hạn báo cáo. Báo cáo gửi bây giờ vẫn được nhận và ghi là quá hạn.').waitFor();
    // Radio is for wards and communes: the culture centre's form has no such row.
    expect(await page.getByRole('group', { name: '1. Truyền thanh' }).count()).toBe(0);
    await page.getByLabel('Tổng số cán bộ, công chức, viên chức, người lao động').fill('25');
    await page.getByLabel('Số người đã cài đặt Bluezone').fill('24');
    await page.getByRole('group', { name: '1. Tin, bài' }).getByLabel(/^Số lượng/).fill('7');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText(/^Đã gửi báo cáo lúc .* \(quá hạn\)\.$/).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
  });

  it('shows the issuer 2 of 3 sent, 1 late, 1 missing with the right totals, and exports them', { timeout: 120_000 }, async () => {
    await signIn(page, server.baseUrl, PEOPLE.issuer.username);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chiến dịch báo cáo' }).click();
    await page.getByRole('link', { name: 'Mở 1405/STTTT-TTBCXB' }).click();
    await expect.poll(() => page.getByTestId('figure-submitted').innerText()).toContain('2/3');
    expect(await page.getByTestId('figure-late').innerText()).toContain('1');
    expect(await page.getByTestId('figure-missing').innerText()).toContain('1');
    expect(await page.getByTestId('figure-onTime').innerText()).toContain('1');
    // 54 of 65 staff: 83,08%, not the average of 75% and 96%.
    expect(await page.getByTestId('total-staff').innerText()).toBe('65');
    expect(await page.getByTestId('total-installed').innerText()).toBe('54');
    expect(await page.getByTestId('total-percent').innerText()).toBe('83,08%');
    const missing = page.getByRole('table', { name: 'Chưa gửi báo cáo' });
    await missing.getByText('Phường Lương Văn Tri').waitFor();
    await missing.getByRole('link', { name: '0912 000 002' }).waitFor();

    const docxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải báo cáo Đợt 1 (.docx)' }).click();
    const docx = await docxDownload;
    expect(docx.suggestedFilename()).toBe('Báo cáo 1405-STTTT-TTBCXB đợt 1.docx');
    const xml = strFromU8(unzipSync(new Uint8Array(await bytesOf(docx)))['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Số cơ quan, đơn vị phải báo cáo: 3; đã báo cáo: 2 (đúng hạn: 1; quá hạn: 1), đạt 66,67%.');
    expect(text).toContain('Chưa báo cáo: 1 (Phường Lương Văn Tri).');
    expect(text).toContain('65 người; số người đã cài đặt ứng dụng Bluezone: 54 người, đạt 83,08%.');
    expect(text).toContain('Phường Đông Kinh: Đề nghị cấp thêm tờ rơi hướng dẫn cài đặt.');

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải số liệu Đợt 1 (.xlsx)' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(await xlsxDownload)) as unknown as ArrayBuffer);
    const totals = new Map<string, unknown[]>();
    workbook.getWorksheet('Tổng hợp')!.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      totals.set(String(values[1]), values);
    });
    expect(totals.get('Số cơ quan, đơn vị phải báo cáo')?.[2]).toBe(3);
    expect(totals.get('Đã báo cáo')?.[2]).toBe(2);
    expect(totals.get('Quá hạn')?.[2]).toBe(1);
    expect(totals.get('Chưa báo cáo')?.[2]).toBe(1);
    expect(totals.get('Tổng số cán bộ, công chức, viên chức, người lao động')?.[2]).toBe(65);
    expect(totals.get('Đã cài đặt ứng dụng Bluezone')?.[2]).toBe(54);
    expect(totals.get('Truyền thanh')?.[2]).toBe(12);
    expect(totals.get('Tin, bài')?.[2]).toBe(10);
    let recipients = 0;
    workbook.getWorksheet('Theo cơ quan, đơn vị')!.eachRow((row) => {
      const name = String((row.values as unknown[])[1]);
      if (['Phường Đông Kinh', 'Phường Lương Văn Tri', 'Trung tâm Văn hóa, Thể thao và Truyền thông'].includes(name)) recipients++;
    });
    expect(recipients).toBe(3);
  });
});
