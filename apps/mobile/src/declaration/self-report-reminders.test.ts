import { resources } from '../i18n';
import { setNotificationLanguage } from '../root/notification-text';
import { filledDraft } from '../test-support/declarations';
import { testPhone } from '../test-support/test-platform';

const filled = () => filledDraft();
const en = resources.en;

/** 08:00 in Vietnam of a day, as the reminders are set. */
const eightAm = (day: string) => Date.parse(`${day}T01:00:00Z`);

describe('the daily-report reminders of a monitored arrival', () => {
  it('remind each morning of the monitoring still to come, from the declaration on, in the app’s language', async () => {
    // T0 is 05:13 on 15 November in Vietnam: today's 08:00 is still to come.
    const phone = await testPhone();
    phone.server.monitoredUntil = '2023-11-18';
    await phone.services.declarations.submit(filled());
    expect([...phone.dayReminders.entries()].map(([id, r]) => [id, r.atMs, r.receipt])).toEqual([
      ['bluezone-self-report-ABCD-2222-2023-11-15', eightAm('2023-11-15'), 'ABCD-2222'],
      ['bluezone-self-report-ABCD-2222-2023-11-16', eightAm('2023-11-16'), 'ABCD-2222'],
      ['bluezone-self-report-ABCD-2222-2023-11-17', eightAm('2023-11-17'), 'ABCD-2222'],
      ['bluezone-self-report-ABCD-2222-2023-11-18', eightAm('2023-11-18'), 'ABCD-2222'],
    ]);
    expect(phone.dayReminders.get('bluezone-self-report-ABCD-2222-2023-11-15')?.title).toBe('Báo cáo sức khỏe hôm nay');
    // Declared after today's 08:00 (09:13 in Vietnam): the reminders start tomorrow.
    await phone.clock.advance(4 * 3600_000);
    const later = await phone.services.declarations.submit(filled());
    expect([...phone.dayReminders.keys()].filter((id) => id.includes(later.receipt)).map((id) => id.slice(-10))).toEqual(['2023-11-16', '2023-11-17', '2023-11-18']);
  });

  it('take the words of the language the user switches to, at the same times, for the days still to come', async () => {
    const phone = await testPhone();
    phone.server.monitoredUntil = '2023-11-17';
    await phone.services.declarations.submit(filled());
    const before = [...phone.dayReminders.entries()].map(([id, r]) => [id, r.atMs, r.receipt]);
    expect(new Set([...phone.dayReminders.values()].map((r) => r.title))).toEqual(new Set(['Báo cáo sức khỏe hôm nay']));
    // After today's 08:00 (09:13 in Vietnam): today's reminder has been shown and stays as it was.
    await phone.clock.advance(4 * 3600_000);
    setNotificationLanguage('en');
    try {
      await phone.services.languageChanged();
      expect([...phone.dayReminders.entries()].map(([id, r]) => [id, r.atMs, r.receipt])).toEqual(before);
      expect([...phone.dayReminders.entries()].map(([id, r]) => [id.slice(-10), r.title])).toEqual([
        ['2023-11-15', 'Báo cáo sức khỏe hôm nay'],
        ['2023-11-16', en.translation.dayReminder.title],
        ['2023-11-17', en.translation.dayReminder.title],
      ]);
    } finally {
      setNotificationLanguage('vi');
    }
  });

  it('drop a day once it is reported, and follow the server’s monitoring when the receipt reads it', async () => {
    const phone = await testPhone();
    phone.server.monitoredUntil = '2023-11-18';
    const { declarations } = phone.services;
    const stored = await declarations.submit(filled());
    await declarations.reportDay(stored, '2023-11-15', []);
    expect([...phone.dayReminders.keys()].map((id) => id.slice(-10))).toEqual(['2023-11-16', '2023-11-17', '2023-11-18']);
    // The monitoring was shortened on the server (an area's days changed): reading it cancels the days past its end.
    phone.server.monitoredUntil = '2023-11-16';
    await declarations.monitoring(stored);
    expect([...phone.dayReminders.keys()].map((id) => id.slice(-10))).toEqual(['2023-11-16']);
    phone.server.monitoredUntil = '2023-11-17';
    await declarations.monitoring(stored);
    expect([...phone.dayReminders.keys()].map((id) => id.slice(-10))).toEqual(['2023-11-16', '2023-11-17']);
  });

  it('set none for a declaration that is not monitored, and go with the receipt or with all data', async () => {
    const phone = await testPhone();
    const { declarations } = phone.services;
    await declarations.submit(filled());
    expect(phone.dayReminders.size).toBe(0);
    phone.server.monitoredUntil = '2023-11-16';
    const second = await declarations.submit(filled());
    const third = await declarations.submit(filled());
    expect(phone.dayReminders.size).toBe(4);
    await declarations.remove(second.receipt);
    expect([...phone.dayReminders.values()].map((r) => r.receipt)).toEqual([third.receipt, third.receipt]);
    await phone.services.deleteAllData();
    expect(phone.dayReminders.size).toBe(0);
  });
});
