// The web demo's platform: each browser tab is a phone. Its radio is simulated over a BroadcastChannel, its
// database is sql.js kept in the tab's sessionStorage, its clock is the shared demo clock (localStorage), and its
// server is the one that serves the page.
import { decodeStdBase64, encodeStdBase64 } from '@bluezone/protocol';
import type { i18n as I18n } from 'i18next';
import type { Database } from 'sql.js';
import initSqlJs from 'sql.js/dist/sql-wasm-inline.js';
import type { Language } from '../i18n';
import { systemClock } from '../platform/clock';
import { DemoClock, changeDemoSpeed, realTimeSettings, type DemoClockSettings } from '../platform/demo-clock';
import { MemoryPermissions, noDeviceConditions, type PermissionState } from '../platform/permissions';
import { BroadcastChannelAir, SimulatedRadio } from '../radio/simulated-radio';
import { SqlJsDatabase } from '../storage/sqljs-database';
import type { SecretStorage } from '../storage/secret-storage';
import type { Platform } from './app-services';
import type { DemoControls } from './demo-controls';
import { notificationText, setNotificationLanguage } from './notification-text';
import type { PlatformExtras } from './create-platform';

export type { PlatformExtras } from './create-platform';

const CLOCK_KEY = 'bluezone.demo.clock';
const TAB_PREFIX = 'bluezone.demo.';
const DEFAULT_REWIND_HOURS = 6;

/** Per tab: sessionStorage survives a reload of the tab and is not shared with other tabs. */
const tab = {
  get: (name: string) => sessionStorage.getItem(TAB_PREFIX + name),
  set: (name: string, value: string) => sessionStorage.setItem(TAB_PREFIX + name, value),
  remove: (name: string) => sessionStorage.removeItem(TAB_PREFIX + name),
};

class TabSecrets implements SecretStorage {
  async get(name: string) {
    return tab.get(`secret.${name}`);
  }
  async set(name: string, value: string) {
    tab.set(`secret.${name}`, value);
  }
  async remove(name: string) {
    tab.remove(`secret.${name}`);
  }
}

function readClock(): DemoClockSettings {
  try {
    const value = JSON.parse(localStorage.getItem(CLOCK_KEY) ?? 'null') as DemoClockSettings | null;
    if (value && [value.anchorRealMs, value.anchorSimMs, value.speed].every(Number.isFinite) && value.speed >= 1) return value;
  } catch {
    // A damaged value: real time.
  }
  return realTimeSettings(Date.now());
}

async function openDatabase(): Promise<SqlJsDatabase> {
  const SQL = await initSqlJs();
  const saved = tab.get('db');
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The database is copied into the tab's storage shortly after each change, so a reload keeps the phone's data.
  const save = (db: Database) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => tab.set('db', encodeStdBase64(db.export())), 300);
  };
  return SqlJsDatabase.open(SQL, saved ? decodeStdBase64(saved) : undefined, save);
}

export async function createPlatform(): Promise<{ platform: Platform; extras: PlatformExtras }> {
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  window.addEventListener('storage', (event) => {
    if (event.key === CLOCK_KEY) changed();
  });
  let phoneId = tab.get('phone');
  if (!phoneId) {
    phoneId = encodeStdBase64(crypto.getRandomValues(new Uint8Array(3))).replace(/[+/=]/g, 'x').toUpperCase();
    tab.set('phone', phoneId);
  }
  const clock = new DemoClock(readClock, systemClock);
  const demo: DemoControls = {
    phoneId,
    rssi: () => Number(tab.get('rssi') ?? -70),
    setRssi: (rssi) => {
      tab.set('rssi', String(rssi));
      changed();
    },
    bluetoothOn: () => tab.get('bluetooth') !== 'off',
    setBluetoothOn: (on) => {
      tab.set('bluetooth', on ? 'on' : 'off');
      void radio.notifyStateChanged();
      changed();
    },
    clockSettings: readClock,
    setSpeed: (speed, rewindHours = DEFAULT_REWIND_HOURS) => {
      localStorage.setItem(CLOCK_KEY, JSON.stringify(changeDemoSpeed(readClock(), Date.now(), speed, rewindHours * 3_600_000)));
      changed();
    },
    now: () => clock.now(),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // ?speed=60&rewindHours=6 sets the shared clock when the page opens (for training scripts and tests).
  const query = new URLSearchParams(window.location.search);
  const speed = Number(query.get('speed'));
  if (speed >= 1 && speed !== readClock().speed) demo.setSpeed(speed, Number(query.get('rewindHours')) || DEFAULT_REWIND_HOURS);

  const permissionState = (name: string) => (tab.get(`permission.${name}`) as PermissionState | null) ?? 'undetermined';
  const permissions = new MemoryPermissions(permissionState('bluetooth'), permissionState('notifications'), (which, state) => tab.set(`permission.${which}`, state));
  const radio = new SimulatedRadio({
    id: phoneId,
    air: new BroadcastChannelAir(),
    rssi: demo.rssi,
    enabled: demo.bluetoothOn,
    jitterDb: 2,
  });
  const platform: Platform = {
    db: await openDatabase(),
    secrets: new TabSecrets(),
    radio,
    permissions,
    conditions: noDeviceConditions,
    notifier: {
      async notifyExposure() {
        // A real browser notification when this site may show them; the warning is on the home screen either way.
        if (typeof Notification === 'function' && Notification.permission === 'granted') new Notification(notificationText().title, { body: notificationText().body });
      },
    },
    // No cookie, ever: the phone has no session, and in the demo the console's cookie lives on the same origin.
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit' }),
    clock,
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    random: Math.random,
    deviceModels: [],
    baseServerUrl: window.location.origin,
  };
  return {
    platform,
    extras: {
      demo,
      setTranslator: (i18n: I18n) => {
        const apply = (language: string) => {
          setNotificationLanguage(language as Language);
          document.documentElement.lang = language;
        };
        apply(i18n.language);
        i18n.on('languageChanged', apply);
      },
    },
  };
}
