import type { SummaryResponse } from '@bluezone/contract';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { campaignPeople, directive, WARDS, type CampaignPeople } from '../test-support/campaigns.js';
import { describeEachDialect } from '../test-support/databases.js';
import { docxText, xlsxRows } from '../test-support/documents.js';
import { databaseSnapshot } from '../test-support/snapshot.js';
import { createTestApp, errorCode, type Session, type TestApp } from '../test-support/test-app.js';

/**
 * The whole reporting cycle over HTTP, on both databases: an issuer sends the directive to two wards and an agency,
 * a ward reports on time, the agency late, one ward never; the issuer returns, accepts, closes and reads the totals.
 * Every refusal leaves the database as it was.
 */
describeEachDialect('campaign reporting over HTTP', (dialect) => {
  let t: TestApp;
  let p: CampaignPeople;
  let campaignId: number;
  const call = (session: Session | undefined, method: InjectOptions['method'], url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, ...(session && { headers: session.headers }), ...(payload && { payload }) });

  beforeAll(async () => {
    // Days pass in this test (a deadline comes and goes): sessions must outlive them.
    t = await createTestApp(dialect, { BLUEZONE_SESSION_TTL: '30d', BLUEZONE_SESSION_IDLE: '30d' });
    p = await campaignPeople(t);
  });
  afterAll(async () => t?.close());

  it('lets an issuer create a campaign with the default form, its rounds and recipients', async () => {
    const response = await call(p.issuer, 'POST', '/campaigns', directive(p));
    expect(response.statusCode, response.body).toBe(201);
    const campaign = response.json().campaign;
    campaignId = campaign.id;
    expect(campaign).toMatchObject({ documentNumber: '1405/STTTT-TTBCXB', unitCode: '20', recipientCount: 3, issuedOn: '2026-11-20' });
    expect(campaign.indicators.map((i: { key: string }) => i.key)).toEqual(['radio', 'news', 'loudspeaker', 'collaborators', 'other']);
    // "Đến hết ngày 25/11": 23:59:59.999 in Hà Nội is 16:59:59.999 UTC.
    expect(campaign.rounds).toEqual([expect.objectContaining({ roundNo: 1, deadline: '2026-11-25', deadlineAt: '2026-11-25T16:59:59.999Z', closedAt: null })]);
  });

  it('keeps the directive\'s PDF and DOCX files, checked by content and size, for its issuer and recipients', async () => {
    const upload = (session: Session, name: string, type: string, body: Buffer) =>
      t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/attachments?name=${encodeURIComponent(name)}`, headers: { ...session.headers, 'content-type': type }, payload: body });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
    const created = await upload(p.issuer, 'Công văn 1405.pdf', 'application/pdf', pdf);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().attachment).toMatchObject({ fileName: 'Công văn 1405.pdf', contentType: 'application/pdf', bytes: pdf.length });
    const docx = await import('docx');
    const word = await docx.Packer.toBuffer(new docx.Document({ sections: [{ children: [new docx.Paragraph('Kế hoạch số 152/KH-STTTT')] }] }));
    expect((await upload(p.issuer, '../../Kế hoạch 152', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', word)).json().attachment.fileName).toBe('Kế hoạch 152.docx');

    const before = await databaseSnapshot(t.database.db);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(errorCode(await upload(p.issuer, 'anh.pdf', 'application/pdf', png))).toBe('unsupported_file_type');
    expect(errorCode(await upload(p.issuer, 'a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf))).toBe('unsupported_file_type');
    expect(errorCode(await upload(p.issuer, 'a.png', 'image/png', png))).toBe('unsupported_media_type');
    expect(errorCode(await upload(p.issuer, 'big.pdf', 'application/pdf', Buffer.concat([pdf, Buffer.alloc(t.config.campaigns.attachmentMaxBytes)])))).toBe('body_too_large');
    expect(errorCode(await upload(p.dongKinh, 'x.pdf', 'application/pdf', pdf))).toBe('forbidden');
    expect(errorCode(await upload(p.otherIssuer, 'x.pdf', 'application/pdf', pdf))).toBe('forbidden');
    expect(await databaseSnapshot(t.database.db)).toBe(before);

    const id = created.json().attachment.id;
    const download = await call(p.dongKinh, 'GET', `/campaigns/${campaignId}/attachments/${id}`);
    expect([download.statusCode, download.headers['content-type'], download.rawPayload.equals(pdf)]).toEqual([200, 'application/pdf', true]);
    expect((await call(p.tamThanh, 'GET', `/campaigns/${campaignId}/attachments/${id}`)).statusCode).toBe(403);
    expect((await call(p.issuer, 'GET', `/campaigns/${campaignId}`)).json().campaign.attachments).toHaveLength(2);
  });

  it('expands "every ward and commune under" and "every agency of a group" in one pick', async () => {
    const response = await call(p.issuer, 'POST', '/campaigns', directive(p, { recipients: { localUnitsUnder: ['20'], agencyGroups: ['đoàn thể'] } }));
    expect(response.statusCode, response.body).toBe(201);
    // Lạng Sơn's 65 wards and communes, and the one agency of the group.
    expect(response.json().campaign.recipientCount).toBe(66);
  });

  it('refuses a campaign outside the issuer subtree, with unknown recipients, or bad rounds, writing nothing', async () => {
    const before = await databaseSnapshot(t.database.db);
    const refusals: [Session, object, number, string][] = [
      [p.otherIssuer, directive(p), 403, 'forbidden'],
      [p.dongKinh, directive(p), 403, 'forbidden'],
      [p.issuer, directive(p, { recipients: { unitCodes: ['99999'] } }), 400, 'unknown_unit'],
      [p.issuer, directive(p, { recipients: { agencyIds: [9999] } }), 400, 'unknown_agency'],
      [p.issuer, directive(p, { recipients: {} }), 400, 'validation_failed'],
      [p.issuer, directive(p, { rounds: [{ name: 'Đợt 1', periodEnd: '2026-11-25', deadline: '2026-11-01' }] }), 400, 'validation_failed'],
      [p.issuer, directive(p, { rounds: [{ name: 'Đợt 1', periodEnd: '2026-11-25', deadline: '2026-02-30' }] }), 400, 'validation_failed'],
      [p.issuer, directive(p, { indicators: [{ key: 'radio' }, { key: 'radio' }] }), 400, 'validation_failed'],
      [p.issuer, directive(p, { indicators: [{ key: 'television' as 'radio' }] }), 400, 'validation_failed'],
    ];
    for (const [session, payload, status, code] of refusals) {
      const response = await call(session, 'POST', '/campaigns', payload);
      expect([response.statusCode, errorCode(response)], response.body).toEqual([status, code]);
    }
    expect(await databaseSnapshot(t.database.db)).toBe(before);
  });

  it('shows the campaign in the inbox of its recipients only, and to issuers of its subtree only', async () => {
    const inbox = (await call(p.dongKinh, 'GET', '/inbox')).json();
    expect(inbox.items.map((i: { campaign: { id: number } }) => i.campaign.id)).toContain(campaignId);
    expect(inbox.items.find((i: { campaign: { id: number } }) => i.campaign.id === campaignId).reports).toEqual([{ roundNo: 1, status: 'not_started', late: false }]);
    expect((await call(p.culture, 'GET', '/inbox')).json().items.map((i: { campaign: { id: number } }) => i.campaign.id)).toContain(campaignId);
    expect((await call(p.tamThanh, 'GET', '/inbox')).json().items.map((i: { campaign: { id: number } }) => i.campaign.id)).not.toContain(campaignId);
    expect((await call(p.tamThanh, 'GET', `/campaigns/${campaignId}`)).statusCode).toBe(403);
    expect((await call(p.otherIssuer, 'GET', `/campaigns/${campaignId}`)).statusCode).toBe(403);
    expect((await call(p.otherIssuer, 'GET', '/campaigns')).json().campaigns).toEqual([]);
    expect((await call(p.issuer, 'GET', '/campaigns')).json().campaigns.map((c: { id: number }) => c.id)).toContain(campaignId);
    const received = await call(p.dongKinh, 'POST', `/campaigns/${campaignId}/received`);
    expect(received.statusCode).toBe(200);
  });

  it('refuses bad numbers, unknown indicators, another unit, a wrong role and a missing round, writing nothing', async () => {
    const before = await databaseSnapshot(t.database.db);
    const url = `/campaigns/${campaignId}/rounds/1/report`;
    const good = { staffTotal: 40, staffInstalled: 30, indicators: { radio: { quantity: 12, percent: 80 } } };
    const refusals: [Session, string, object, number, string][] = [
      [p.dongKinh, url, { ...good, staffInstalled: 41 }, 400, 'installed_exceeds_staff'],
      [p.dongKinh, url, { ...good, staffTotal: -1 }, 400, 'validation_failed'],
      [p.dongKinh, url, { ...good, indicators: { radio: { quantity: 1, percent: 101 } } }, 400, 'validation_failed'],
      [p.dongKinh, url, { ...good, indicators: { radio: { quantity: 1.5 } } }, 400, 'validation_failed'],
      [p.dongKinh, url, { ...good, indicators: { television: { quantity: 3 } } }, 400, 'unknown_indicator'],
      // Radio is for wards and communes: the culture centre has no radio row.
      [p.culture, url, good, 400, 'unknown_indicator'],
      [p.tamThanh, url, good, 403, 'forbidden'],
      [p.issuer, url, good, 403, 'forbidden'],
      [p.dongKinh, `/campaigns/${campaignId}/rounds/9/report`, good, 404, 'not_found'],
      [p.dongKinh, `/campaigns/99999/rounds/1/report`, good, 404, 'not_found'],
    ];
    for (const [session, at, payload, status, code] of refusals) {
      const response = await call(session, 'PUT', at, payload);
      expect([response.statusCode, errorCode(response)], `${JSON.stringify(payload)} ${response.body}`).toEqual([status, code]);
    }
    expect((await call(p.dongKinh, 'POST', `${url}/submit`)).json().error.code).toBe('report_state');
    expect(await databaseSnapshot(t.database.db)).toBe(before);
  });

  it('takes a ward report as a draft, then on time; the agency report late', async () => {
    const url = `/campaigns/${campaignId}/rounds/1/report`;
    const draft = await call(p.dongKinh, 'PUT', url, { staffTotal: 40, indicators: { radio: { quantity: 12, percent: 80, note: 'Loa phường' } } });
    expect(draft.json().report).toMatchObject({ status: 'draft', staffTotal: 40, staffInstalled: null, roundClosed: false });
    // A ward fills in every row of the directive's table; the culture centre has no radio row.
    expect(draft.json().report.form.map((i: { key: string }) => i.key)).toEqual(['radio', 'news', 'loudspeaker', 'collaborators', 'other']);
    expect((await call(p.culture, 'GET', url)).json().report.form.map((i: { key: string }) => i.key)).toEqual(['news', 'loudspeaker', 'collaborators', 'other']);
    const incomplete = await call(p.dongKinh, 'POST', `${url}/submit`);
    expect([errorCode(incomplete), incomplete.json().error.fields]).toEqual(['report_incomplete', [{ field: 'staffInstalled', problem: 'required' }]]);
    await call(p.dongKinh, 'PUT', url, {
      staffTotal: 40,
      staffInstalled: 30,
      indicators: { radio: { quantity: 12, percent: 80, note: 'Loa phường' }, news: { quantity: 3 }, collaborators: { quantity: 5 } },
      proposals: 'Đề nghị cấp thêm tờ rơi hướng dẫn cài đặt.',
    });
    const submitted = await call(p.dongKinh, 'POST', `${url}/submit`);
    expect(submitted.json().report).toMatchObject({ status: 'submitted', late: false, installedPercent: 75 });
    expect(errorCode(await call(p.dongKinh, 'PUT', url, { staffTotal: 1 }))).toBe('report_state');

    // The deadline ends at 23:59:59.999 on 25/11 in Vietnam; the culture centre submits on 26/11 at 00:30 there.
    t.clock.advance((Date.parse('2026-11-25T17:30:00.000Z') - t.clock.now().getTime()) / 1000);
    await call(p.culture, 'PUT', url, { staffTotal: 25, staffInstalled: 24, indicators: { news: { quantity: 7 }, loudspeaker: { quantity: 2 }, other: { quantity: 1, note: 'Zalo' } } });
    const late = await call(p.culture, 'POST', `${url}/submit`);
    expect(late.json().report).toMatchObject({ status: 'submitted', late: true });
  });

  it('sums the submitted reports, recomputes percentages, and lists who is missing with their contact', async () => {
    const response = await call(p.issuer, 'GET', `/campaigns/${campaignId}/rounds/1/summary`);
    expect(response.statusCode, response.body).toBe(200);
    const summary: SummaryResponse = response.json();
    expect(summary).toMatchObject({ expected: 3, submitted: 2, onTime: 1, late: 1, returned: 0 });
    expect(summary.missing).toEqual([
      expect.objectContaining({
        recipient: expect.objectContaining({ unitCode: WARDS.luongVanTri, name: 'Phường Lương Văn Tri' }),
        status: 'not_started',
        contacts: [{ displayName: 'Hoàng Văn Nam', username: 'ubnd.luongvantri', email: 'luongvantri@example.vn', phone: '0912 000 002' }],
      }),
    ]);
    // 54 of 65 staff: 83.08%, not the average of 75% and 96%.
    expect(summary.totals).toMatchObject({ staffTotal: 65, staffInstalled: 54, installedPercent: 83.08 });
    expect(summary.totals.indicators).toMatchObject({ radio: { quantity: 12, reports: 1 }, news: { quantity: 10, reports: 2 }, loudspeaker: { quantity: 2 }, collaborators: { quantity: 5 }, other: { quantity: 1 } });
    const province = summary.byUnit.find((u) => u.unitCode === '20');
    expect(province).toMatchObject({ expected: 3, submitted: 2, late: 1, missingCount: 1, staffTotal: 65, staffInstalled: 54 });
    expect(summary.byUnit.find((u) => u.unitCode === WARDS.dongKinh)).toMatchObject({ expected: 1, submitted: 1, installedPercent: 75 });
    expect(summary.byGroup).toEqual([expect.objectContaining({ group: 'trung tâm văn hóa', expected: 1, submitted: 1, late: 1 })]);
    expect(errorCode(await call(p.dongKinh, 'GET', `/campaigns/${campaignId}/rounds/1/summary`))).toBe('forbidden');
    expect(errorCode(await call(p.otherIssuer, 'GET', `/campaigns/${campaignId}/rounds/1/summary`))).toBe('forbidden');
    expect(errorCode(await call(p.issuer, 'GET', `/campaigns/${campaignId}/rounds/2/summary`))).toBe('not_found');
  });

  it('returns a report with a comment to its reporter, who corrects it; then accepts it', async () => {
    const recipientId = (await call(p.issuer, 'GET', `/campaigns/${campaignId}/rounds/1/summary`)).json().rows.find((r: { recipient: { unitCode: string } }) => r.recipient.unitCode === WARDS.dongKinh).recipient.id;
    const review = `/campaigns/${campaignId}/rounds/1/reports/${recipientId}`;
    const returned = await call(p.issuer, 'POST', `${review}/return`, { comment: 'Số cán bộ chưa khớp với danh sách.' });
    expect(returned.json().report).toMatchObject({ status: 'returned', reviewComment: 'Số cán bộ chưa khớp với danh sách.' });
    const notifications = (await call(p.dongKinh, 'GET', '/notifications')).json();
    expect(notifications.notifications[0]).toMatchObject({ kind: 'campaign.report_returned', params: { comment: 'Số cán bộ chưa khớp với danh sách.', roundNo: 1 } });
    expect(errorCode(await call(p.issuer, 'POST', `${review}/accept`))).toBe('report_state');

    const url = `/campaigns/${campaignId}/rounds/1/report`;
    await call(p.dongKinh, 'PUT', url, { staffTotal: 42, staffInstalled: 30, indicators: { radio: { quantity: 12, percent: 80 } }, proposals: 'Đề nghị cấp thêm tờ rơi hướng dẫn cài đặt.' });
    const again = await call(p.dongKinh, 'POST', `${url}/submit`);
    // Sent again after the deadline, it keeps the timeliness of its first sending.
    expect(again.json().report).toMatchObject({ status: 'submitted', late: false, staffTotal: 42 });
    expect((await call(p.issuer, 'POST', `${review}/accept`)).json().report.status).toBe('accepted');
    expect((await call(p.issuer, 'GET', `/campaigns/${campaignId}/rounds/1/summary`)).json()).toMatchObject({ submitted: 2, accepted: 1, onTime: 1, late: 1 });
  });

  it('exports the round as an official letter (.docx) and a spreadsheet (.xlsx) holding the same figures', async () => {
    const docx = await call(p.issuer, 'GET', `/campaigns/${campaignId}/rounds/1/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%201405-STTTT-TTBCXB%20%C4%91%E1%BB%A3t%201.docx");
    const text = docxText(docx.rawPayload);
    for (const expected of [
      'UBND TỈNH LẠNG SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:         /BC-STTTT',
      'V/v báo cáo kết quả đợt 1 thực hiện Công văn số 1405/STTTT-TTBCXB',
      // The document is dated the day it is made, in Vietnam: 26/11/2026 (00:30 there); a 0 only before days < 10.
      'Lạng Sơn, ngày 26 tháng 11 năm 2026',
      'Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn',
      '- Số cơ quan, đơn vị phải báo cáo: 3; đã báo cáo: 2 (đúng hạn: 1; quá hạn: 1), đạt 66,67%.',
      '- Chưa báo cáo: 1 (Phường Lương Văn Tri).',
      'cán bộ, công chức, viên chức, người lao động của các cơ quan, đơn vị đã báo cáo: 67 người; số người đã cài đặt ứng dụng Bluezone: 54 người, đạt 80,6%.',
      'TT\nPhương thức thông tin\nSố lượng\nTỷ lệ %\nGhi chú\n1\nTruyền thanh\n12\n\nĐối với các phường, xã'.replace('\n\n', '\n'),
      '2\nTin, bài\n7\nĐối với TT VH-TT, các phường, xã',
      '- Phường Đông Kinh: Đề nghị cấp thêm tờ rơi hướng dẫn cài đặt.',
      'Nơi nhận:',
      'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
      'Lê Hải Yến',
    ]) {
      expect(text).toContain(expected);
    }

    const xlsx = await call(p.issuer, 'GET', `/campaigns/${campaignId}/rounds/1/export.xlsx`);
    const sheets = await xlsxRows(xlsx.rawPayload);
    expect(Object.keys(sheets)).toEqual(['Tổng hợp', 'Theo cơ quan, đơn vị']);
    const totals = sheets['Tổng hợp']!;
    const row = (label: string) => totals.find((r) => r[1] === label);
    expect(row('Số cơ quan, đơn vị phải báo cáo')?.[2]).toBe(3);
    expect(row('Đã báo cáo')?.[2]).toBe(2);
    expect(row('Đã báo cáo')?.[3]).toBeCloseTo(2 / 3, 10);
    expect(row('Quá hạn')?.[2]).toBe(1);
    expect(row('Tổng số cán bộ, công chức, viên chức, người lao động')?.[2]).toBe(67);
    expect(row('Đã cài đặt ứng dụng Bluezone')?.[2]).toBe(54);
    expect(row('Đã cài đặt ứng dụng Bluezone')?.[3]).toBeCloseTo(54 / 67, 10);
    expect(row('Truyền thanh')?.slice(0, 3)).toEqual(['1', 'Truyền thanh', 12]);
    const perRecipient = sheets['Theo cơ quan, đơn vị']!;
    const header = perRecipient.find((r) => r[0] === 'Cơ quan, đơn vị')!;
    const ward = perRecipient.find((r) => r[0] === 'Phường Đông Kinh')!;
    expect(perRecipient.filter((r) => r !== header && r.length > 3)).toHaveLength(3);
    expect(ward[header.indexOf('Tổng số cán bộ')]).toBe(42);
    expect(ward[header.indexOf('Đã cài đặt')]).toBe(30);
    expect(ward[header.indexOf('Truyền thanh: số lượng')]).toBe(12);

    // The whole campaign, every round, in one document.
    const whole = await call(p.issuer, 'GET', `/campaigns/${campaignId}/export.docx`);
    expect(docxText(whole.rawPayload)).toContain('Đợt 1 (đến ngày 25/11/2026; hạn báo cáo: hết ngày 25/11/2026)');
  });

  it('closes a round: nothing more is saved or submitted, and later rounds can be added', async () => {
    const closed = await call(p.issuer, 'POST', `/campaigns/${campaignId}/rounds/1/close`);
    expect(closed.json().round.closedAt).not.toBeNull();
    // A first request after days away refreshes the session's last use: that write is not the refusal's.
    await call(p.luongVanTri, 'GET', '/inbox');
    const before = await databaseSnapshot(t.database.db);
    const save = await call(p.luongVanTri, 'PUT', `/campaigns/${campaignId}/rounds/1/report`, { staffTotal: 10, staffInstalled: 1 });
    expect([save.statusCode, errorCode(save)]).toEqual([409, 'round_closed']);
    expect(errorCode(await call(p.issuer, 'POST', `/campaigns/${campaignId}/rounds/1/close`))).toBe('round_closed');
    expect(await databaseSnapshot(t.database.db)).toBe(before);

    const added = await call(p.issuer, 'POST', `/campaigns/${campaignId}/rounds`, { name: 'Đợt 2', periodStart: '2026-11-26', periodEnd: '2026-12-10', deadline: '2026-12-10' });
    expect(added.json().round).toMatchObject({ roundNo: 2, deadlineAt: '2026-12-10T16:59:59.999Z' });
    const trend = (await call(p.issuer, 'GET', `/campaigns/${campaignId}/trend`)).json();
    expect(trend.rounds.map((r: { submitted: number; expected: number }) => [r.submitted, r.expected])).toEqual([[2, 3], [0, 3]]);
  });

  it('records every step in the audit log', async () => {
    const actions = (await t.services.audit.list({ ...(await import('../test-support/test-app.js')).TOP_VIEWER }, { limit: 500 })).entries.map((e) => e.action);
    for (const action of ['campaign.create', 'campaign.receive', 'campaign.report_save', 'campaign.report_submit', 'campaign.report_return', 'campaign.report_accept', 'campaign.round_close', 'campaign.round_add']) {
      expect(actions, action).toContain(action);
    }
  });
});
