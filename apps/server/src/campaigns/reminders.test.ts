import { afterAll, beforeAll, expect, it } from 'vitest';
import { campaignPeople, directive, type CampaignPeople } from '../test-support/campaigns.js';
import { describeEachDialect } from '../test-support/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../test-support/smtp.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Reminders through a real SMTP server started here: before the deadline and after it, to the recipients who have
 * not submitted, in each reader's language, never twice for the same recipient, round and kind.
 */
describeEachDialect('campaign reminders', (dialect) => {
  let t: TestApp;
  let p: CampaignPeople;
  let smtp: TestSmtpServer;
  let campaignId: number;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect, { ...smtp.env, BLUEZONE_SESSION_TTL: '30d', BLUEZONE_SESSION_IDLE: '30d', BLUEZONE_PUBLIC_URL: 'https://bluezone.langson.example.vn/' });
    p = await campaignPeople(t);
    // The clock reads 2026-11-23 15:00 in Vietnam; the round ends with 25/11.
    campaignId = (await t.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: p.issuer.headers, payload: directive(p) })).json().campaign.id;
    // The culture centre reader prefers English.
    await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: p.culture.headers, payload: { locale: 'en' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const notifications = async (session: CampaignPeople['dongKinh']) => (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: session.headers })).json();

  it('sends nothing while the deadline is further away than the days before it', async () => {
    t.clock.advance(-86400);
    expect(await t.services.campaignReminders.run()).toBeUndefined();
    expect(smtp.mails).toEqual([]);
    t.clock.advance(86400);
  });

  it('reminds, before the deadline, every recipient who has not submitted: in the console and by e-mail', async () => {
    // Đông Kinh has submitted already: no reminder for it.
    const url = `/api/v1/campaigns/${campaignId}/rounds/1/report`;
    await t.app.inject({ method: 'PUT', url, headers: p.dongKinh.headers, payload: { staffTotal: 10, staffInstalled: 9 } });
    await t.app.inject({ method: 'POST', url: `${url}/submit`, headers: p.dongKinh.headers });

    expect(await t.services.campaignReminders.run()).toEqual({ reminded: 2, notified: 2, emailed: 2, emailFailures: 0 });
    expect(smtp.mails.map((m) => m.to).sort()).toEqual([['luongvantri@example.vn'], ['ttvh@example.vn']]);
    const vi = smtp.mails.find((m) => m.to[0] === 'luongvantri@example.vn')!;
    expect(vi.from).toBe('noreply@bluezone.example.vn');
    expect(vi.subject).toBe('Nhắc gửi báo cáo: Đợt 1, Công văn số 1405/STTTT-TTBCXB');
    expect(vi.text).toContain('Kính gửi Phường Lương Văn Tri,');
    expect(vi.text).toContain('hạn gửi là hết ngày 25/11/2026');
    expect(vi.text).toContain(`https://bluezone.langson.example.vn/campaigns/${campaignId}/rounds/1/report`);
    const en = smtp.mails.find((m) => m.to[0] === 'ttvh@example.vn')!;
    expect(en.subject).toBe('Reminder: Đợt 1 report for 1405/STTTT-TTBCXB');
    expect(en.text).toContain('is due by the end of 25/11/2026 (Vietnam time)');

    const list = await notifications(p.luongVanTri);
    expect(list.unread).toBe(2);
    expect(list.notifications[0]).toMatchObject({ kind: 'campaign.deadline_near', params: { campaignId, roundNo: 1, deadline: '2026-11-25' }, readAt: null });
    expect((await notifications(p.dongKinh)).notifications.map((n: { kind: string }) => n.kind)).not.toContain('campaign.deadline_near');
  });

  it('never sends the same reminder twice', async () => {
    expect(await t.services.campaignReminders.run()).toBeUndefined();
    expect(smtp.mails).toHaveLength(2);
  });

  it('reminds again once the deadline has passed, and stops once the round is closed', async () => {
    t.clock.advance((Date.parse('2026-11-25T17:00:00.000Z') - t.clock.now().getTime()) / 1000);
    expect(await t.services.campaignReminders.run()).toMatchObject({ reminded: 2, emailed: 2 });
    const overdue = smtp.mails.slice(2);
    expect(overdue.find((m) => m.to[0] === 'luongvantri@example.vn')?.subject).toBe('Quá hạn báo cáo: Đợt 1, Công văn số 1405/STTTT-TTBCXB');
    expect((await notifications(p.luongVanTri)).notifications[0].kind).toBe('campaign.deadline_passed');
    expect(await t.services.campaignReminders.run()).toBeUndefined();

    // A second round: the culture centre submits it, then the round is closed before its deadline passes.
    await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/rounds`, headers: p.issuer.headers, payload: { name: 'Đợt 2', periodEnd: '2026-12-10', deadline: '2026-12-10' } });
    await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/rounds/2/close`, headers: p.issuer.headers });
    t.clock.advance(20 * 86400);
    expect(await t.services.campaignReminders.run()).toBeUndefined();
    expect(smtp.mails).toHaveLength(4);
  });

  it('marks notifications read, one or all, and only the reader\'s own', async () => {
    const list = await notifications(p.luongVanTri);
    const first = list.notifications[0].id;
    const other = (await notifications(p.culture)).notifications[0].id;
    const read = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: p.luongVanTri.headers, payload: { ids: [first, other] } });
    expect(read.json()).toEqual({ unread: list.unread - 1 });
    expect((await notifications(p.culture)).notifications.find((n: { id: number }) => n.id === other).readAt).toBeNull();
    const all = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', headers: p.luongVanTri.headers, payload: { all: true } });
    expect(all.json()).toEqual({ unread: 0 });
    const unread = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=true', headers: p.luongVanTri.headers });
    expect(unread.json().notifications).toEqual([]);
  });
});
