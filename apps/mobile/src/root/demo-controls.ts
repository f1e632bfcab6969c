import type { DemoClockSettings } from '../platform/demo-clock';

/** The web demo's switches: this tab's simulated radio and the shared demo clock. Absent on a phone. */
export interface DemoControls {
  phoneId: string;
  rssi(): number;
  setRssi(rssi: number): void;
  bluetoothOn(): boolean;
  setBluetoothOn(on: boolean): void;
  clockSettings(): DemoClockSettings;
  /** A speed above 1 replays from `rewindHours` ago (6 by default) until it catches up with real time. */
  setSpeed(speed: number, rewindHours?: number): void;
  /** Demo time, unix ms. */
  now(): number;
  /** Called when another tab or this one changed a setting. */
  subscribe(listener: () => void): () => void;
}
