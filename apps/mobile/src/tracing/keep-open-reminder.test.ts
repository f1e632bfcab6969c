import { flushPromises } from '../test-support/fake-clock';
import { T0, testPhone } from '../test-support/test-platform';
import { KeepOpenReminder, REMIND_AFTER_HOURS } from './keep-open-reminder';

const HOUR = 3_600_000;

describe('the keep-open reminder (iPhones)', () => {
  it('is set a day and a half ahead while tracing is wanted, and moved ahead each time the app runs', async () => {
    const phone = await testPhone({ granted: true });
    await phone.services.state.set('settings.onboarded', true);
    await phone.services.keepOpenReminder.push();
    expect(phone.reminders.at(-1)).toBe(T0 + REMIND_AFTER_HOURS * HOUR);
    await phone.clock.advance(20 * HOUR);
    await phone.services.keepOpenReminder.push();
    expect(phone.reminders.at(-1)).toBe(T0 + (20 + REMIND_AFTER_HOURS) * HOUR);
  });

  it('follows the tracing status: cancelled when the user pauses tracing, set again when they resume', async () => {
    const phone = await testPhone({ granted: true });
    await phone.services.state.set('settings.onboarded', true);
    await phone.services.tracing.start();
    await flushPromises();
    expect(phone.reminders.at(-1)).toBe(T0 + REMIND_AFTER_HOURS * HOUR);
    await phone.services.state.set('settings.tracingPaused', true);
    await phone.services.tracing.refresh();
    await flushPromises();
    expect(phone.reminders.at(-1)).toBeNull();
    await phone.services.state.set('settings.tracingPaused', false);
    await phone.services.tracing.refresh();
    await flushPromises();
    expect(phone.reminders.at(-1)).toBe(T0 + REMIND_AFTER_HOURS * HOUR);
  });

  it('reminds of nothing before onboarding, nor after "delete all my data"', async () => {
    const phone = await testPhone({ granted: true });
    await phone.services.keepOpenReminder.push();
    expect(phone.reminders).toEqual([null]);
    await phone.services.state.set('settings.onboarded', true);
    await phone.services.keepOpenReminder.push();
    await phone.services.deleteAllData();
    await flushPromises();
    expect(phone.reminders.at(-1)).toBeNull();
  });

  it('says in the app’s language why to open it, and shrugs off a scheduler that fails', async () => {
    const phone = await testPhone({ granted: true });
    await phone.services.state.set('settings.onboarded', true);
    const texts: { title: string; body: string }[] = [];
    const recording = new KeepOpenReminder({
      scheduler: { schedule: async (_at, text) => void texts.push(text), cancel: async () => undefined },
      state: phone.services.state,
      clock: phone.clock,
      text: phone.services.platform.reminderText!,
    });
    await recording.push();
    expect(texts[0]?.title).toBe('Bluezone có thể đã ngừng ghi nhận tiếp xúc');
    const broken = new KeepOpenReminder({
      scheduler: { schedule: async () => Promise.reject(new Error('no permission')), cancel: async () => undefined },
      state: phone.services.state,
      clock: phone.clock,
      text: () => ({ title: 't', body: 'b' }),
    });
    await expect(broken.push()).resolves.toBeUndefined();
  });
});
