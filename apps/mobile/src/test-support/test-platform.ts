import type { PublicNotice } from '@bluezone/contract';
import { createAppServices, type AppServices, type Platform } from '../root/app-services';
import { dayReminderText, reminderText } from '../root/notification-text';
import type { ExposureStatus } from '../exposure/exposure-status';
import { MemoryPermissions, noDeviceConditions } from '../platform/permissions';
import { MemoryAir, SimulatedRadio } from '../radio/simulated-radio';
import { MemorySecretStorage } from '../storage/secret-storage';
import { FakeClock } from './fake-clock';
import { FakeServer, secureRandomBytes } from './fake-server';
import { memoryDatabase } from './sql';

export interface TestPhone {
  services: AppServices;
  clock: FakeClock;
  /** The phone's database, for tests that look at what is stored. */
  db: Platform['db'];
  server: FakeServer;
  radio: SimulatedRadio;
  permissions: MemoryPermissions;
  secrets: MemorySecretStorage;
  notifications: ExposureStatus[];
  /** The keep-open reminder's scheduled time after each push (null: cancelled), as an iPhone's would be. */
  reminders: (number | null)[];
  /** The daily-report reminders scheduled now, by identifier: when, and for which receipt. */
  dayReminders: Map<string, { atMs: number; receipt: string; title: string }>;
  rssi: { value: number };
}

/** 2023-11-14T22:13:20Z: a fixed moment, far from a UTC midnight. */
export const T0 = 1_700_000_000_000;

/** A phone with every side effect faked: simulated radio on a shared air, fake clock, fake server, memory storage. */
export async function testPhone(options: { id?: string; air?: MemoryAir; clock?: FakeClock; server?: FakeServer; rssi?: number; granted?: boolean; notices?: PublicNotice[] } = {}): Promise<TestPhone> {
  const clock = options.clock ?? new FakeClock(T0);
  const server = options.server ?? new FakeServer();
  const rssi = { value: options.rssi ?? -70 };
  const radio = new SimulatedRadio({ id: options.id ?? 'phone', air: options.air ?? new MemoryAir(), rssi: () => rssi.value });
  const permissions = new MemoryPermissions(options.granted ? 'granted' : 'undetermined', options.granted ? 'granted' : 'undetermined');
  const secrets = new MemorySecretStorage();
  const notifications: ExposureStatus[] = [];
  const reminders: (number | null)[] = [];
  /** The daily-report reminders scheduled now, by identifier: when, and for which receipt. */
  const dayReminders = new Map<string, { atMs: number; receipt: string; title: string }>();
  let n = 0;
  const platform: Platform = {
    db: await memoryDatabase(),
    secrets,
    radio,
    permissions,
    conditions: noDeviceConditions,
    notifier: { notifyExposure: async (status) => void notifications.push(status) },
    fetch: server.fetch,
    clock,
    randomBytes: secureRandomBytes,
    random: () => ((n = (n * 9301 + 49297) % 233280) / 233280),
    deviceModels: [],
    baseServerUrl: server.origin,
    reminders: { schedule: async (atMs) => void reminders.push(atMs), cancel: async () => void reminders.push(null) },
    reminderText,
    dayReminders: {
      schedule: async (id, atMs, text, receipt) => void dayReminders.set(id, { atMs, receipt, title: text.title }),
      cancel: async (id) => void dayReminders.delete(id),
      ids: async () => [...dayReminders.keys()],
    },
    dayReminderText,
  };
  const services = await createAppServices(platform);
  return { services, clock, db: platform.db, server, radio, permissions, secrets, notifications, reminders, dayReminders, rssi };
}
