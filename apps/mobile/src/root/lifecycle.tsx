import { useEffect, useRef } from 'react';
import { AppState } from 'react-native';
import { useApp } from './app-model';

/** How old the last check may be when the app comes to the front before it checks again. */
const CHECK_ON_OPEN_AFTER_MS = 15 * 60_000;

/**
 * What runs while the app is open: an exposure check on opening (and on coming back to the front) when the last
 * one is older than 15 minutes, another every `checkIntervalHours` of the configuration, and the daily deletion of
 * old data, each a chance for a due decoy upload (upload/cover-traffic.ts) and a push of the keep-open reminder
 * (tracing/keep-open-reminder.ts). The background task does the same when the app is closed
 * (background/exposure-task.ts).
 */
export function AppLifecycle() {
  const { services, onboarded, runCheck, lastCheck } = useApp();
  const last = useRef(lastCheck?.at);
  last.current = lastCheck?.at;

  useEffect(() => {
    if (!onboarded) return;
    const clock = services.platform.clock;
    const maybeCheck = () => {
      void services.deleteExpiredData();
      void services.coverTraffic.maybeSend();
      void services.keepOpenReminder.push();
      if (last.current === undefined || clock.now() - last.current > CHECK_ON_OPEN_AFTER_MS) void runCheck();
    };
    maybeCheck();
    const subscription = AppState.addEventListener('change', (state) => {
      if (state === 'active') maybeCheck();
    });
    let cancel = () => {};
    const schedule = () => {
      cancel = clock.setTimer(services.config.current().exposure.checkIntervalHours * 3_600_000, () => {
        void runCheck();
        void services.coverTraffic.maybeSend();
        void services.keepOpenReminder.push();
        schedule();
      });
    };
    schedule();
    return () => {
      subscription.remove();
      cancel();
    };
  }, [services, onboarded, runCheck]);
  return null;
}
