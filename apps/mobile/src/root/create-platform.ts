// The phone's platform (Android and iOS). The web demo's is create-platform.web.ts; Metro picks by platform.
import Constants from 'expo-constants';
import type { i18n as I18n } from 'i18next';
import { Platform as RNPlatform } from 'react-native';
import type { ExposureStatus } from '../exposure/exposure-status';
import type { Language } from '../i18n';
import { systemClock } from '../platform/clock';
import type { DeviceConditions, PermissionState, Permissions } from '../platform/permissions';
import { BleRadio, type BleLibraries, type CentralManager } from '../radio/ble-radio';
import { ExpoSqliteDatabase } from '../storage/expo-sqlite-database';
import type { SecretStorage } from '../storage/secret-storage';
import type { AppServices, Platform } from './app-services';
import type { DemoControls } from './demo-controls';
import type { ReminderScheduler } from '../tracing/keep-open-reminder';
import { SELF_REPORT_REMINDER_PREFIX, type DayReminders } from '../declaration/self-report-reminders';
import type { NotificationTarget } from './app-root';
import { dayReminderText, notificationText, reminderText, setNotificationLanguage, tracingText } from './notification-text';

export interface PlatformExtras {
  demo?: DemoControls;
  onNotificationOpened?: (open: (target?: NotificationTarget) => void) => () => void;
  setTranslator?: (i18n: I18n) => void;
  /** Wires what needs the services: the foreground service and the background check. */
  attach?: (services: AppServices) => Promise<void>;
}

/**
 * expo-secure-store (Android Keystore, iOS Keychain, this device only, never in backups). Values over 2 KB may fail
 * on some Android versions, so longer ones are stored in parts.
 */
class SecureStoreSecrets implements SecretStorage {
  private static readonly PART = 1800;

  async get(name: string): Promise<string | null> {
    const store = await import('expo-secure-store');
    const head = await store.getItemAsync(name);
    if (head === null || !head.startsWith('parts:')) return head;
    const parts = Number(head.slice(6));
    let value = '';
    for (let i = 0; i < parts; i++) value += (await store.getItemAsync(`${name}.${i}`)) ?? '';
    return value;
  }

  async set(name: string, value: string): Promise<void> {
    const store = await import('expo-secure-store');
    const options = { keychainAccessible: store.WHEN_UNLOCKED_THIS_DEVICE_ONLY };
    await this.remove(name);
    if (value.length <= SecureStoreSecrets.PART) return store.setItemAsync(name, value, options);
    const parts = Math.ceil(value.length / SecureStoreSecrets.PART);
    for (let i = 0; i < parts; i++) await store.setItemAsync(`${name}.${i}`, value.slice(i * SecureStoreSecrets.PART, (i + 1) * SecureStoreSecrets.PART), options);
    await store.setItemAsync(name, `parts:${parts}`, options);
  }

  async remove(name: string): Promise<void> {
    const store = await import('expo-secure-store');
    const head = await store.getItemAsync(name);
    if (head?.startsWith('parts:')) for (let i = 0; i < Number(head.slice(6)); i++) await store.deleteItemAsync(`${name}.${i}`);
    await store.deleteItemAsync(name);
  }
}

const ANDROID_12 = 31;

async function androidBluetoothPermissions() {
  const { PermissionsAndroid } = await import('react-native');
  const P = PermissionsAndroid.PERMISSIONS;
  // Android 12+: "nearby devices", declared neverForLocation. Android 11 and older: the OS demands the location
  // permission to scan Bluetooth at all; Bluezone declares it only for those versions and never reads a location.
  const wanted = Number(RNPlatform.Version) >= ANDROID_12 ? [P.BLUETOOTH_SCAN, P.BLUETOOTH_ADVERTISE, P.BLUETOOTH_CONNECT] : [P.ACCESS_FINE_LOCATION];
  return { PermissionsAndroid, wanted };
}

class NativePermissions implements Permissions {
  constructor(private readonly radioState: () => Promise<string>) {}

  async bluetooth(): Promise<PermissionState> {
    if (RNPlatform.OS === 'android') {
      const { PermissionsAndroid, wanted } = await androidBluetoothPermissions();
      const granted = await Promise.all(wanted.map((p) => PermissionsAndroid.check(p)));
      return granted.every(Boolean) ? 'granted' : 'undetermined';
    }
    const state = await this.radioState();
    return state === 'Unauthorized' ? 'denied' : state === 'Unknown' ? 'undetermined' : 'granted';
  }

  async requestBluetooth(): Promise<PermissionState> {
    if (RNPlatform.OS === 'android') {
      const { PermissionsAndroid, wanted } = await androidBluetoothPermissions();
      const result = await PermissionsAndroid.requestMultiple(wanted);
      return wanted.every((p) => result[p] === PermissionsAndroid.RESULTS.GRANTED) ? 'granted' : 'denied';
    }
    // iOS asks when the Bluetooth manager first starts; wait for its answer.
    for (let i = 0; i < 60; i++) {
      const state = await this.radioState();
      if (state !== 'Unknown' && state !== 'Resetting') return state === 'Unauthorized' ? 'denied' : 'granted';
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return 'undetermined';
  }

  async notifications(): Promise<PermissionState> {
    const Notifications = await import('expo-notifications');
    const { status } = await Notifications.getPermissionsAsync();
    return status === 'granted' ? 'granted' : status === 'denied' ? 'denied' : 'undetermined';
  }

  async requestNotifications(): Promise<PermissionState> {
    const Notifications = await import('expo-notifications');
    const { status } = await Notifications.requestPermissionsAsync();
    return status === 'granted' ? 'granted' : 'denied';
  }
}

const batteryConditions: DeviceConditions = {
  async batterySaver() {
    const Battery = await import('expo-battery');
    return Battery.isLowPowerModeEnabledAsync();
  },
  onChange(listener) {
    let subscription: { remove(): void } | undefined;
    void import('expo-battery').then((Battery) => {
      subscription = Battery.addLowPowerModeListener(listener);
    });
    return () => subscription?.remove();
  },
};

const KEEP_OPEN_REMINDER = 'bluezone-keep-open';

/** The keep-open reminder as one scheduled local notification, replaced at each push (same identifier). */
const iosReminders: ReminderScheduler = {
  async schedule(atMs, { title, body }) {
    const Notifications = await import('expo-notifications');
    await Notifications.scheduleNotificationAsync({
      identifier: KEEP_OPEN_REMINDER,
      content: { title, body },
      trigger: { type: Notifications.SchedulableTriggerInputTypes.DATE, date: new Date(atMs) },
    });
  },
  async cancel() {
    const Notifications = await import('expo-notifications');
    await Notifications.cancelScheduledNotificationAsync(KEEP_OPEN_REMINDER);
  },
};

/** Android's channel of the daily-report reminders, apart from the exposure warnings' so a user can mute one alone. */
const REMINDER_CHANNEL = 'reminders';

/** The daily-report reminders of monitored arrivals, one scheduled local notification a day, on both platforms. */
const dayReminders: DayReminders = {
  async schedule(id, atMs, { title, body }, receipt) {
    const Notifications = await import('expo-notifications');
    await Notifications.scheduleNotificationAsync({
      identifier: id,
      content: { title, body, data: { receipt } },
      trigger: { type: Notifications.SchedulableTriggerInputTypes.DATE, date: new Date(atMs), ...(RNPlatform.OS === 'android' ? { channelId: REMINDER_CHANNEL } : {}) },
    });
  },
  async cancel(id) {
    const Notifications = await import('expo-notifications');
    await Notifications.cancelScheduledNotificationAsync(id);
  },
  async ids() {
    const Notifications = await import('expo-notifications');
    return (await Notifications.getAllScheduledNotificationsAsync()).map((request) => request.identifier);
  },
};

async function notifyExposure(_status: ExposureStatus): Promise<void> {
  const Notifications = await import('expo-notifications');
  const { title, body } = notificationText();
  await Notifications.scheduleNotificationAsync({ content: { title, body, data: { screen: 'ExposureWarning' } }, trigger: null });
}

/**
 * iOS backs up the app's documents, where expo-sqlite keeps its files, to iCloud and to computers; the sightings and
 * exposure windows must stay on the phone, so the database's folder (the file, its WAL and journal) is marked
 * excluded from backup at every start (a restore or a move of the file would lose the mark). The keys are in the
 * Keychain, with this-device-only access. Android: allowBackup="false" in app.json. A failure is not fatal: tracing
 * matters more than the mark.
 */
async function keepDatabaseOutOfBackups(): Promise<void> {
  try {
    const [{ defaultDatabaseDirectory }, { loadBluezonePeripheral }] = await Promise.all([import('expo-sqlite'), import('../../modules/bluezone-peripheral')]);
    if (typeof defaultDatabaseDirectory === 'string') await loadBluezonePeripheral().excludeFromBackup(defaultDatabaseDirectory);
  } catch {
    // Left as it was; the next start tries again.
  }
}

export async function createPlatform(): Promise<{ platform: Platform; extras: PlatformExtras }> {
  const [Crypto, Device] = await Promise.all([import('expo-crypto'), import('expo-device')]);
  let central: CentralManager | undefined;
  const loadCentral = async () => {
    if (!central) {
      const { BleManager } = await import('react-native-ble-plx');
      // State restoration: iOS relaunches the app in the background for scan results after it was terminated.
      central = new BleManager({ restoreStateIdentifier: 'vn.bluezone.central', restoreStateFunction: () => undefined }) as unknown as CentralManager;
    }
    return central;
  };
  const permissions = new NativePermissions(async () => (await loadCentral()).state());
  const loadLibraries = async (): Promise<BleLibraries> => {
    const { loadBluezonePeripheral } = await import('../../modules/bluezone-peripheral');
    return { central: await loadCentral(), peripheral: loadBluezonePeripheral(), hasPermissions: async () => (await permissions.bluetooth()) === 'granted' };
  };
  const radio = new BleRadio(loadLibraries);
  const db = await ExpoSqliteDatabase.open();
  // Not awaited: a native call that start-up need not wait for.
  if (RNPlatform.OS === 'ios') void keepDatabaseOutOfBackups();
  const platform: Platform = {
    db,
    secrets: new SecureStoreSecrets(),
    radio,
    permissions,
    conditions: batteryConditions,
    notifier: { notifyExposure },
    // No cookie, ever: the phone has no session, and in the demo the console's cookie lives on the same origin.
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit' }),
    clock: systemClock,
    randomBytes: (n) => Crypto.getRandomBytes(n),
    random: Math.random,
    deviceModels: [Device.modelId, Device.modelName],
    baseServerUrl: String((Constants.expoConfig?.extra as { serverUrl?: string } | undefined)?.serverUrl ?? ''),
    // Android keeps tracing alive with its foreground service; only iOS ends the app for good when it is swiped away.
    ...(RNPlatform.OS === 'ios' ? { reminders: iosReminders, reminderText } : {}),
    dayReminders,
    dayReminderText,
  };
  const extras: PlatformExtras = {
    setTranslator: (i18n) => {
      setNotificationLanguage(i18n.language as Language);
      i18n.on('languageChanged', (language) => setNotificationLanguage(language as Language));
    },
    onNotificationOpened: (open) => {
      let subscription: { remove(): void } | undefined;
      void import('expo-notifications').then((Notifications) => {
        Notifications.setNotificationHandler({
          handleNotification: async () => ({ shouldShowBanner: true, shouldShowList: true, shouldPlaySound: true, shouldSetBadge: false }),
        });
        // The exposure warning opens its screen, a daily-report reminder its receipt; the keep-open reminder has done
        // its work once the app is open.
        subscription = Notifications.addNotificationResponseReceivedListener((response) => {
          const { identifier, content } = response.notification.request;
          if (identifier === KEEP_OPEN_REMINDER) return;
          const receipt = (content.data as { receipt?: unknown } | null)?.receipt;
          if (identifier.startsWith(SELF_REPORT_REMINDER_PREFIX) && typeof receipt === 'string') open({ receipt });
          else open();
        });
      });
      return () => subscription?.remove();
    },
    attach: async (services) => {
      const { registerExposureTask } = await import('../background/exposure-task');
      await registerExposureTask(services.config.current().exposure.checkIntervalHours).catch(() => undefined);
      if (RNPlatform.OS !== 'android') return;
      const Notifications = await import('expo-notifications');
      await Notifications.setNotificationChannelAsync('exposure', { name: notificationText().title, importance: Notifications.AndroidImportance.HIGH });
      await Notifications.setNotificationChannelAsync(REMINDER_CHANNEL, { name: dayReminderText().title, importance: Notifications.AndroidImportance.DEFAULT });
      const { loadBluezonePeripheral } = await import('../../modules/bluezone-peripheral');
      const peripheral = loadBluezonePeripheral();
      // The ongoing notification says what runs; it is shown only while tracing runs.
      services.tracing.subscribe((status) => {
        const { title, body } = tracingText();
        void (status.active ? peripheral.startForegroundService(title, body) : peripheral.stopForegroundService()).catch(() => undefined);
      });
    },
  };
  await globalCrypto(Crypto);
  return { platform, extras };
}

/** @noble reads crypto.getRandomValues; Hermes has none, so expo-crypto's CSPRNG provides it. */
async function globalCrypto(Crypto: typeof import('expo-crypto')): Promise<void> {
  const g = globalThis as { crypto?: { getRandomValues?: unknown } };
  if (typeof g.crypto?.getRandomValues === 'function') return;
  g.crypto = { ...(g.crypto ?? {}), getRandomValues: Crypto.getRandomValues };
}
