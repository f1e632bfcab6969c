import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchedBrowser, browserSkipReason, launchBrowser } from './support/browser.js';
import { HttpSession } from './support/http.js';
import { type RunningServer, startServer } from './support/server.js';

const skipReason = browserSkipReason();
if (skipReason) console.log(`Skipping the health declaration browser test: ${skipReason}`);

const PASSWORD = 'Officer-Pass-2026';
const OFFICERS = [
  { username: 'cdc', displayName: 'Trần Thu Hà', role: 'health_officer', unitCode: '20' },
  { username: 'dongdang', displayName: 'Hoàng Văn Tâm', role: 'unit_officer', unitCode: '06184' },
  { username: 'dongkinh', displayName: 'Lý Thị Mai', role: 'unit_officer', unitCode: '05977' },
] as const;

/** A Vietnamese calendar day `offset` days from today, as people type it: dd/mm/yyyy. */
function typedDay(offset: number): string {
  const day = new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(baseUrl);
  const signOut = page.getByRole('button', { name: 'Đăng xuất' });
  // Signed in already (as someone else) or not: the page says which once the session is known.
  await signOut.or(page.getByRole('heading', { name: 'Đăng nhập', level: 1 })).first().waitFor();
  if (await signOut.isVisible()) {
    await signOut.click();
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
  }
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
}

/** Picks a place in a place picker by typing part of its name and choosing the result. */
async function pick(page: Page, label: string, typed: string, result: string) {
  await page.getByLabel(label, { exact: true }).fill(typed);
  await page.getByRole('button', { name: result, exact: true }).click();
}

/** Fills the public form as a citizen does on a phone; `symptoms` ticks those boxes. */
async function declare(page: Page, person: { name: string; year: string; phone: string; symptoms: string[] }) {
  await page.getByLabel('Họ và tên', { exact: true }).fill(person.name);
  await page.getByLabel('Năm sinh', { exact: true }).fill(person.year);
  await page.getByRole('group', { name: 'Giới tính' }).getByText('Nữ', { exact: true }).click();
  await page.getByLabel('Số điện thoại', { exact: true }).fill(person.phone);
  await page.getByLabel('Số nhà, đường phố, thôn, xóm').fill('Thôn Pò Đeng');
  await page.getByRole('button', { name: 'Thêm nơi đã đến' }).click();
  await pick(page, 'Tỉnh, thành phố, phường hoặc xã đã đến', 'da nang', 'Thành phố Đà Nẵng');
  await page.getByLabel('Từ ngày').fill(typedDay(-4));
  await page.getByLabel('Đến ngày').fill(typedDay(-2));
  for (const symptom of person.symptoms) await page.getByText(symptom, { exact: true }).click();
  for (const question of ['Người bệnh hoặc nghi ngờ mắc COVID-19?', 'Người từ vùng dịch về?', 'Người có biểu hiện sốt, ho?']) {
    await page.getByRole('group', { name: question }).getByText('Không', { exact: true }).click();
  }
  await page.getByText('Tôi cam kết thông tin trên là đúng', { exact: false }).click();
  await page.getByRole('button', { name: 'Gửi tờ khai' }).click();
  await page.getByRole('heading', { name: 'Đã nhận tờ khai', level: 1 }).waitFor();
  return (await page.locator('.receipt-code').innerText()).trim();
}

/** True when nothing is wider than the viewport: a phone user never scrolls sideways. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

describe.skipIf(skipReason !== null)('health declarations in Chromium', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let phone: BrowserContext;
  let page: Page;
  let citizen: Page;
  const dialogs: string[] = [];
  /** Every time the officers' browser read a whole declaration, as the audit log must show it. */
  let declarationReads = 0;
  let suspectedReceipt = '';
  /** The self-report link the second citizen's receipt gave. */
  let firstSelfReportLink = '';

  beforeAll(async () => {
    server = await startServer();
    const admin = new HttpSession(server.baseUrl);
    await admin.login('admin', server.adminPassword);
    for (const officer of OFFICERS) {
      const created = await admin.request('POST', '/api/v1/users', { ...officer, password: PASSWORD });
      expect(created.status, created.text).toBe(201);
    }
    browser = await launchBrowser();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    // The citizen's phone: 375 px wide, its own cookies (none), as a cheap Android phone opens the poster's QR code.
    phone = await browser.context.browser()!.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    citizen = await phone.newPage();
    citizen.setDefaultTimeout(15_000);
    for (const p of [page, citizen]) p.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
    page.on('response', (response) => {
      if (response.request().method() === 'GET' && /\/api\/v1\/declarations\/\d+$/.test(new URL(response.url()).pathname) && response.status() === 200) declarationReads++;
    });
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      for (const p of [page, citizen]) console.log(`Page at ${p?.url()} showed:\n${await p?.locator('body').innerText().catch(() => '(no page)')}`);
      console.log(`--- server output ---\n${server?.output().slice(-4000)}`);
    });
  });
  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await server?.stop();
  });

  it('lets the province’s health officer add an epidemic area', { timeout: 60_000 }, async () => {
    await signIn(page, server.baseUrl, 'cdc');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Vùng dịch' }).click();
    const form = page.getByRole('form', { name: 'Thêm vùng dịch' });
    await form.getByLabel('Tên vùng dịch').fill('Thành phố Đà Nẵng');
    await pick(page, 'Đơn vị (mọi cấp, trong cả nước)', 'da nang', 'Thành phố Đà Nẵng');
    await form.getByLabel('Từ ngày').fill(typedDay(-10));
    await form.getByLabel('Lý do, căn cứ').fill('Ca bệnh lây nhiễm trong cộng đồng');
    await form.getByRole('button', { name: 'Lưu vùng dịch' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu vùng dịch.' }).waitFor();
    await page.getByRole('cell', { name: 'Thành phố Đà Nẵng' }).first().waitFor();
  });

  it('takes a citizen’s declaration on a 375 px phone, with fever and a visit there, and answers suspected', { timeout: 90_000 }, async () => {
    // The poster's QR code opens the form with the commune already chosen.
    await citizen.goto(`${server.baseUrl}/khai-bao?dv=06184`);
    await citizen.getByRole('heading', { name: 'Khai báo y tế', level: 1 }).waitFor();
    expect(await citizen.getAttribute('html', 'lang')).toBe('vi');
    expect(await citizen.getByLabel('Phường, xã', { exact: true }).inputValue()).toBe('Xã Đồng Đăng, Lạng Sơn');
    // A form sent empty names what is missing and sends nothing.
    await citizen.getByRole('button', { name: 'Gửi tờ khai' }).click();
    await citizen.getByText('Họ và tên: cần điền').waitFor();
    expect(await fitsWidth(citizen)).toBe(true);

    suspectedReceipt = await declare(citizen, { name: '<script>alert("xss")</script> Nông Thị Lan', year: '1990', phone: '0912 345 678', symptoms: ['Sốt'] });
    expect(suspectedReceipt).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    await citizen.getByText('Bạn thuộc diện nghi ngờ mắc bệnh.').waitFor();
    await citizen.getByText(/Đến vùng dịch Thành phố Đà Nẵng/).waitFor();
    await citizen.getByText('Gọi ngay cho trạm y tế để được hướng dẫn.').waitFor();
    await citizen.getByRole('img', { name: `Mã QR của biên nhận ${suspectedReceipt}` }).waitFor();
    expect(await fitsWidth(citizen)).toBe(true);
  });

  it('shows it flagged to the commune’s officer, with a live badge, and to no other ward', { timeout: 60_000 }, async () => {
    await signIn(page, server.baseUrl, 'dongdang');
    await page.getByRole('link', { name: 'Thông báo, 1 chưa đọc' }).waitFor();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tờ khai y tế' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Nông Thị Lan' });
    await row.getByText('Nghi ngờ', { exact: true }).waitFor();
    // Stored as typed, shown as text: the markup is on the screen, and nothing ran.
    await row.getByRole('link', { name: '<script>alert("xss")</script> Nông Thị Lan' }).waitFor();
    expect(dialogs).toEqual([]);

    const other = new HttpSession(server.baseUrl);
    await other.login('dongkinh', PASSWORD);
    const theirs = await other.request('GET', '/api/v1/declarations');
    expect((theirs.json?.declarations as unknown[]).length).toBe(0);
    const mine = new HttpSession(server.baseUrl);
    await mine.login('dongdang', PASSWORD);
    const id = ((await mine.request('GET', '/api/v1/declarations?flag=suspected')).json?.declarations as { id: number }[])[0]!.id;
    expect([403, 404]).toContain((await other.request('GET', `/api/v1/declarations/${id}`)).status);
    expect([403, 404]).toContain((await other.request('PATCH', `/api/v1/declarations/${id}`, { status: 'closed' })).status);
  });

  it('lets the officer follow it up to tested, negative and closed', { timeout: 60_000 }, async () => {
    await page.getByRole('link', { name: '<script>alert("xss")</script> Nông Thị Lan' }).click();
    await page.getByRole('heading', { name: 'Kết quả sàng lọc' }).waitFor();
    await page.getByText('Nghi ngờ mắc bệnh', { exact: false }).first().waitFor();
    const followUp = page.locator('section[aria-labelledby="follow-up-title"]');
    for (const [status, note] of [['Đã xét nghiệm', 'Lấy mẫu xét nghiệm PCR'], ['Âm tính', ''], ['Đã đóng', 'Kết thúc theo dõi']] as const) {
      await followUp.getByLabel('Chuyển sang').selectOption({ label: status });
      if (note) await followUp.getByLabel(/Ghi chú/).fill(note);
      await followUp.getByRole('button', { name: 'Lưu theo dõi' }).click();
      await followUp.getByText(`Trạng thái: ${status}`).waitFor();
    }
    const history = page.locator('section[aria-labelledby="history-title"]');
    for (const line of ['dongdang: Mới → Đã xét nghiệm', 'dongdang: Đã xét nghiệm → Âm tính', 'dongdang: Âm tính → Đã đóng']) await history.getByText(line).waitFor();
    await history.getByText('Lấy mẫu xét nghiệm PCR').waitFor();
  });

  it('shows a checkpoint the receipt, and writes each read in the audit log', { timeout: 60_000 }, async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kiểm tra biên nhận' }).click();
    await page.getByLabel('Mã biên nhận').fill(suspectedReceipt.toLowerCase());
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText(/Biên nhận còn giá trị đến/).waitFor();
    await page.getByRole('link', { name: 'Mở tờ khai đầy đủ' }).waitFor();

    const admin = new HttpSession(server.baseUrl);
    await admin.login('admin', server.adminPassword);
    const reads = (await admin.request('GET', '/api/v1/audit?action=declaration.read')).json?.entries as { actorUsername: string; targetType: string }[];
    expect(declarationReads).toBeGreaterThan(0);
    expect(reads).toHaveLength(declarationReads);
    expect(new Set(reads.map((e) => `${e.actorUsername} ${e.targetType}`))).toEqual(new Set(['dongdang declaration']));
    const lookups = (await admin.request('GET', '/api/v1/audit?action=declaration.read_by_receipt')).json?.entries as { actorUsername: string }[];
    expect(lookups.map((e) => e.actorUsername)).toEqual(['dongdang']);
    const updates = (await admin.request('GET', '/api/v1/audit?action=declaration.update')).json?.entries as unknown[];
    expect(updates).toHaveLength(3);
  });

  it('puts a second citizen, with the visit but no symptom, on the arrivals list with 14 days of monitoring', { timeout: 90_000 }, async () => {
    await citizen.getByRole('button', { name: 'Khai báo cho người khác' }).click();
    await citizen.getByRole('heading', { name: 'Khai báo y tế', level: 1 }).waitFor();
    await declare(citizen, { name: 'Vi Văn Bình', year: '1978', phone: '0987 654 321', symptoms: [] });
    await citizen.getByText(/Bạn là người từ vùng dịch về: tự theo dõi sức khỏe đến hết ngày/).waitFor();

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tờ khai y tế' }).click();
    await page.getByLabel('Diện').selectOption({ label: 'Từ vùng dịch về' });
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Vi Văn Bình' });
    await row.getByText('Từ vùng dịch', { exact: true }).waitFor();
    await row.getByText('Hôm nay chưa báo').waitFor();
    await row.getByRole('link', { name: 'Vi Văn Bình' }).click();
    await page.getByText(/Người từ vùng dịch về, theo dõi đến hết ngày/).waitFor();
    const checks = page.locator('section[aria-labelledby="checks-title"]');
    await checks.getByRole('heading', { name: 'Theo dõi 14 ngày' }).waitFor();
    await checks.getByRole('button', { name: 'Ghi kết quả' }).click();
    await checks.getByText('Đã ghi kết quả theo dõi.').waitFor();
    await checks.getByText(/Không có triệu chứng/).first().waitFor();
    expect(dialogs).toEqual([]);
  });
  it('lets that citizen report a day from the link on the receipt, and shows the officer who reported it', { timeout: 90_000 }, async () => {
    await citizen.getByRole('link', { name: 'Mở trang báo cáo sức khỏe hằng ngày' }).click();
    await citizen.getByRole('heading', { name: 'Báo cáo sức khỏe hằng ngày', level: 1 }).waitFor();
    // The key rides in the fragment, which the browser never sends.
    expect(new URL(citizen.url()).pathname).toBe('/khai-bao/theo-doi');
    expect(new URL(citizen.url()).hash).toMatch(/^#[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\.[A-Za-z0-9_-]{22}$/);
    firstSelfReportLink = citizen.url();
    // Today's check was recorded by the officer in the test before.
    await citizen.getByText('(cán bộ y tế ghi)').waitFor();
    expect(await fitsWidth(citizen)).toBe(true);
    await citizen.getByText('Ho', { exact: true }).click();
    await citizen.getByLabel('Ghi chú cho trạm y tế').fill('Ho từ sáng nay');
    await citizen.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await citizen.getByText(/Bạn thuộc diện nghi ngờ mắc bệnh: hãy gọi ngay trạm y tế/).waitFor();
    await citizen.getByText(/Đã gửi báo cáo ngày/).waitFor();

    await page.reload();
    const checks = page.locator('section[aria-labelledby="checks-title"]');
    await checks.getByText(/Ho \(người khai tự báo\) — Ho từ sáng nay/).waitFor();
    await page.getByText('Người khai tự báo sức khỏe hằng ngày').first().waitFor();

    // A link with a wrong key is refused, and says so without saying which part is wrong.
    await citizen.goto(citizen.url().replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    await citizen.reload();
    await citizen.getByText('Liên kết không đúng hoặc đã được thay bằng liên kết mới, hoặc tờ khai đã được xóa sau thời hạn lưu giữ.').waitFor();
    expect(dialogs).toEqual([]);
  });

  it('lets the officer issue a new link for a lost one: the old link is refused, the new one opens the report', { timeout: 90_000 }, async () => {
    const card = page.locator('section[aria-labelledby="self-report-link-title"]');
    await card.getByRole('button', { name: 'Cấp đường dẫn mới' }).click();
    // Asked first: the declarant's present link stops working.
    await card.getByText('Đường dẫn hiện tại của người khai sẽ không dùng được nữa. Cấp đường dẫn mới?').waitFor();
    await card.getByRole('button', { name: 'Đồng ý, cấp mới' }).click();
    await card.getByText(/^Đường dẫn mới của biên nhận [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\./).waitFor();
    const link = await card.getByLabel('Đường dẫn', { exact: true }).inputValue();
    expect(new URL(link).pathname).toBe('/khai-bao/theo-doi');
    expect(link).not.toBe(firstSelfReportLink);
    await card.getByRole('img', { name: /^Mã QR của đường dẫn tự báo mới/ }).waitFor();
    await page.getByText(/cấp đường dẫn tự báo sức khỏe mới$/).waitFor();

    await citizen.goto(firstSelfReportLink);
    await citizen.reload();
    await citizen.getByText('Liên kết không đúng hoặc đã được thay bằng liên kết mới, hoặc tờ khai đã được xóa sau thời hạn lưu giữ.').waitFor();
    await citizen.goto(link);
    await citizen.reload();
    await citizen.getByRole('heading', { name: 'Báo cáo sức khỏe hằng ngày', level: 1 }).waitFor();
    // The same declaration as before the link changed: suspected since the cough reported in the test before.
    await citizen.getByText(/Bạn thuộc diện nghi ngờ mắc bệnh: hãy gọi ngay trạm y tế/).waitFor();
    await citizen.getByRole('button', { name: 'Gửi báo cáo' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    expect(dialogs).toEqual([]);
  });
});
