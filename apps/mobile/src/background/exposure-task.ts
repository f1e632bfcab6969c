// The exposure check (and, when one is due, a decoy upload) when the app is closed: Android WorkManager and iOS BGTaskScheduler through
// expo-background-task. Defined at the top level of the bundle (index.js imports this file), as the OS may start
// the JavaScript for the task alone.
import * as BackgroundTask from 'expo-background-task';
import * as TaskManager from 'expo-task-manager';
import { createAppServices } from '../root/app-services';
import { createPlatform } from '../root/create-platform';
import { setNotificationLanguage } from '../root/notification-text';

export const EXPOSURE_TASK = 'bluezone-exposure-check';

TaskManager.defineTask(EXPOSURE_TASK, async () => {
  try {
    const { platform } = await createPlatform();
    const services = await createAppServices(platform);
    setNotificationLanguage((await services.state.get('settings.language')) ?? 'vi');
    await services.deleteExpiredData();
    const result = await services.exposureCheck.run();
    await services.coverTraffic.maybeSend();
    await services.keepOpenReminder.push();
    return result.record.ok ? BackgroundTask.BackgroundTaskResult.Success : BackgroundTask.BackgroundTaskResult.Failed;
  } catch {
    return BackgroundTask.BackgroundTaskResult.Failed;
  }
});

/** Asks the OS to run the check about every `hours` (it decides when: battery, network, usage). */
export async function registerExposureTask(hours: number): Promise<void> {
  await BackgroundTask.registerTaskAsync(EXPOSURE_TASK, { minimumInterval: Math.max(15, hours * 60) });
}
