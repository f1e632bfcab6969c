import { requireNativeModule } from 'expo-modules-core';

/**
 * Bluezone's small native module, the half of the radio that no maintained library covers well: putting our 20
 * bytes on the air. Android advertises them as service data under our 16-bit UUID (a new advertising set, and so a
 * new random address, at every rotation); iOS serves them from a read-only GATT characteristic of our service,
 * answering each read with the current bytes. Android also runs the foreground service that keeps tracing alive
 * with the screen off. Loaded only on phones: when tracing starts (see src/radio/ble-radio.ts), and on iOS at start to
 * keep the database out of backups. Its Kotlin is under android/, its Swift under ios/.
 */
export interface BluezonePeripheral {
  /** False on phones whose Bluetooth chip cannot advertise (some old Android phones). */
  isAdvertisingSupported(): boolean;
  /** Starts advertising (or replaces) the 20 bytes, base64. */
  startAdvertising(serviceDataBase64: string): Promise<void>;
  stopAdvertising(): Promise<void>;
  /** Android: the ongoing notification of the foreground service; iOS: nothing to do. */
  startForegroundService(title: string, text: string): Promise<void>;
  stopForegroundService(): Promise<void>;
  /** iOS: keeps the file or folder at `path` out of iCloud and computer backups; Android: nothing (allowBackup is false). */
  excludeFromBackup(path: string): Promise<void>;
}

export function loadBluezonePeripheral(): BluezonePeripheral {
  return requireNativeModule<BluezonePeripheral>('BluezonePeripheral');
}
