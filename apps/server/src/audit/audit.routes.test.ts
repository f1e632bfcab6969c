import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../test-support/test-app.js';

describe('the audit log over HTTP', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app);
    await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: admin.headers, payload: { name: 'Sở Y tế', unitCode: '20' } });
  });
  afterAll(async () => t?.close());

  it('pages the log with an opaque cursor and filters by action and Vietnamese day', async () => {
    const first = (await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=1', headers: admin.headers })).json();
    expect(first.entries).toHaveLength(1);
    const second = (await t.app.inject({ method: 'GET', url: `/api/v1/audit?limit=1&cursor=${first.nextCursor}`, headers: admin.headers })).json();
    expect(second.entries[0].id).toBeLessThan(first.entries[0].id);
    const today = t.clock.now().toISOString().slice(0, 10);
    const created = (await t.app.inject({ method: 'GET', url: `/api/v1/audit?action=agency.create&from=${today}&to=${today}`, headers: admin.headers })).json();
    expect(created.entries.map((e: { action: string }) => e.action)).toEqual(['agency.create']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=agency.explode', headers: admin.headers });
    expect(bad.json().error.fields).toEqual([{ field: 'action', problem: 'invalid_value' }]);
  });

  it('exports the filtered log as a spreadsheet with a Vietnamese file name, and audits the export', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/audit/export.xlsx?action=agency.create', headers: admin.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Nhat ky 2026-11-23.xlsx"; filename*=UTF-8''Nh%E1%BA%ADt%20k%C3%BD%202026-11-23.xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Nhật ký');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Thời điểm', 'Người thực hiện', 'Đơn vị', 'Thao tác', 'Mã thao tác', 'Đối tượng', 'Mã đối tượng', 'Chi tiết']);
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe('admin');
    expect(row.getCell(4).value).toBe('Thêm cơ quan, đơn vị');
    // A real date cell, in Vietnamese wall-clock time (08:00 UTC is 15:00 in Hà Nội).
    expect(row.getCell(1).value).toEqual(new Date('2026-11-23T15:00:00.000Z'));
    const exports = (await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=audit.export', headers: admin.headers })).json();
    expect(exports.entries[0].detail).toMatchObject({ action: 'agency.create', count: 1 });
  });
});
