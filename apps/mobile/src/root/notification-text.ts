import { resources, type Language } from '../i18n';

let current: Language = 'vi';

/** The language of notifications follows the app's (set at start and when the user switches). */
export function setNotificationLanguage(language: Language): void {
  current = language;
}

export function notificationText(): { title: string; body: string } {
  return resources[current].translation.notification;
}

/** The ongoing notification of Android's foreground service while tracing runs. */
export function tracingText(): { title: string; body: string } {
  const home = resources[current].translation.home;
  return { title: home.tracingOn, body: home.tracingOnBody };
}

/** The morning reminder of a monitored arrival's daily report (declaration/self-report-reminders.ts). */
export function dayReminderText(): { title: string; body: string } {
  return resources[current].translation.dayReminder;
}

/** The keep-open reminder of iPhones (tracing/keep-open-reminder.ts). */
export function reminderText(): { title: string; body: string } {
  return resources[current].translation.reminder;
}
