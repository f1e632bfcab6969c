import type { Clock } from '../platform/clock';
import type { AppStateStore } from '../storage/app-state-store';

/** A local notification at a given time, one at most: a new one replaces the last (iOS only; see create-platform.ts). */
export interface ReminderScheduler {
  schedule(atMs: number, text: { title: string; body: string }): Promise<void>;
  cancel(): Promise<void>;
}

/** How long the app's code may not run before the phone reminds its user to open it. */
export const REMIND_AFTER_HOURS = 36;

export interface KeepOpenReminderDependencies {
  /** Absent where tracing survives the app being closed (Android's foreground service) or there is none (web). */
  scheduler?: ReminderScheduler;
  state: AppStateStore;
  clock: Clock;
  text: () => { title: string; body: string };
}

/**
 * "Open Bluezone to keep tracing", on iPhones. iOS relaunches an app for Bluetooth events after it ended it for
 * memory, but not after the user swiped it away, and nothing runs then to tell them. So every time the app's code
 * runs (opening, a background check, a change of the tracing status) while tracing is wanted, the reminder is moved
 * REMIND_AFTER_HOURS ahead; it fires only when the app has not run for that long, which a living app does not let
 * happen (iOS runs the background check about daily). When the user paused tracing or has not finished onboarding,
 * there is nothing to remind of, and the reminder is cancelled.
 */
export class KeepOpenReminder {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: KeepOpenReminderDependencies) {}

  /** Moves the reminder ahead, or cancels it when tracing is not wanted. Calls are serialised; failures are ignored. */
  push(): Promise<void> {
    const run = async () => {
      const { scheduler, state, clock } = this.deps;
      if (!scheduler) return;
      const wanted = (await state.get('settings.onboarded')) === true && (await state.get('settings.tracingPaused')) !== true;
      if (wanted) await scheduler.schedule(clock.now() + REMIND_AFTER_HOURS * 3_600_000, this.deps.text());
      else await scheduler.cancel();
    };
    this.queue = this.queue.then(run).catch(() => undefined);
    return this.queue;
  }
}
