import { addDays, vnDay } from '@bluezone/contract';
import type { Clock } from '../platform/clock';

/** Local notifications at set times, each under an identifier; scheduling an identifier again replaces it. */
export interface DayReminders {
  schedule(id: string, atMs: number, text: { title: string; body: string }, receipt: string): Promise<void>;
  cancel(id: string): Promise<void>;
  /** The identifiers scheduled now (any, the caller keeps its own). */
  ids(): Promise<string[]>;
}

/** Identifiers of the daily-report reminders: this, the receipt, and the day (`…-ABCD-2345-2023-11-16`). */
export const SELF_REPORT_REMINDER_PREFIX = 'bluezone-self-report-';

/** The hour, in Vietnam, of each day's reminder: morning, before the day's work, as a health station asks. */
export const REMIND_AT_HOUR_VN = 8;

/** What a receipt's reminders follow: the monitoring's last day, and the days already reported (by anyone). */
export interface MonitoringPlan {
  monitoringUntil: string | null;
  reported: readonly string[];
}

const idOf = (receipt: string, day: string) => `${SELF_REPORT_REMINDER_PREFIX}${receipt}-${day}`;
/** The receipt and the day of a reminder's identifier (idOf's), or undefined for another's. */
function partsOf(id: string): { receipt: string; day: string } | undefined {
  if (!id.startsWith(SELF_REPORT_REMINDER_PREFIX)) return undefined;
  const rest = id.slice(SELF_REPORT_REMINDER_PREFIX.length);
  return { receipt: rest.slice(0, -'-YYYY-MM-DD'.length), day: rest.slice(-'YYYY-MM-DD'.length) };
}
const atOf = (day: string) => Date.parse(`${day}T00:00:00Z`) + (REMIND_AT_HOUR_VN - 7) * 3_600_000;

/**
 * "Report your health today", each morning of a monitored arrival's 14 days, until the day is reported: a report
 * made from the receipt, or a check an official recorded, cancels that day's. Scheduled on the phone (no server
 * push: the server does not know the phone), from the declaration's answer when it is taken, and again whenever
 * the receipt reads its monitoring from the server. A receipt deleted, or all data, takes its reminders with it.
 * Absent where the platform has no local notifications (the web demo). Failures are ignored: a reminder is a help,
 * never a reason for a report or a deletion to fail.
 */
export class SelfReportReminders {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { scheduler?: DayReminders; clock: Clock; text: () => { title: string; body: string } }) {}

  /** Sets the receipt's reminders to the days of its monitoring still to come and not reported. */
  sync(receipt: string, plan: MonitoringPlan): Promise<void> {
    return this.serialised(async (scheduler) => {
      const now = this.deps.clock.now();
      const wanted = new Map<string, number>();
      if (plan.monitoringUntil !== null) {
        for (let day = vnDay(new Date(now)); day <= plan.monitoringUntil; day = addDays(day, 1)) {
          if (!plan.reported.includes(day) && atOf(day) > now) wanted.set(idOf(receipt, day), atOf(day));
        }
      }
      const prefix = `${SELF_REPORT_REMINDER_PREFIX}${receipt}-`;
      for (const id of await scheduler.ids()) if (id.startsWith(prefix) && !wanted.has(id)) await scheduler.cancel(id);
      for (const [id, at] of wanted) await scheduler.schedule(id, at, this.deps.text(), receipt);
    });
  }

  /**
   * Gives the reminders still to come the current text, at the same times: after the app's language changed, so a
   * reminder speaks the language the user now reads rather than the one of the day it was set.
   */
  retext(): Promise<void> {
    return this.serialised(async (scheduler) => {
      const now = this.deps.clock.now();
      for (const id of await scheduler.ids()) {
        const parts = partsOf(id);
        if (parts && atOf(parts.day) > now) await scheduler.schedule(id, atOf(parts.day), this.deps.text(), parts.receipt);
      }
    });
  }

  /** Cancels the reminders of one receipt, or of every receipt. */
  cancel(receipt?: string): Promise<void> {
    return this.serialised(async (scheduler) => {
      const prefix = receipt === undefined ? SELF_REPORT_REMINDER_PREFIX : `${SELF_REPORT_REMINDER_PREFIX}${receipt}-`;
      for (const id of await scheduler.ids()) if (id.startsWith(prefix)) await scheduler.cancel(id);
    });
  }

  private serialised(run: (scheduler: DayReminders) => Promise<void>): Promise<void> {
    const { scheduler } = this.deps;
    if (!scheduler) return Promise.resolve();
    this.queue = this.queue.then(() => run(scheduler)).catch(() => undefined);
    return this.queue;
  }
}
