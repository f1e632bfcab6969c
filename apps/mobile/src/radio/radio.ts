/**
 * What tracing needs from Bluetooth, and nothing more: put 20 bytes on the air, and hear the 20 bytes of other
 * phones with their signal strength. Two implementations: `BleRadio` on phones (Android advertises the bytes as
 * service data under our UUID; iOS serves them from a read-only GATT characteristic that scanners read) and
 * `SimulatedRadio` (browser tabs of one machine, and tests).
 */
export type RadioState =
  /** On and allowed. */
  | 'ready'
  /** Bluetooth is switched off. */
  | 'off'
  /** The user has not allowed (or has refused) Bluetooth for the app. */
  | 'unauthorized'
  /** This device cannot do what tracing needs (no BLE, or no advertising). */
  | 'unsupported'
  /** Not known yet (the system has not answered). */
  | 'unknown';

/** Another phone heard: its 20 bytes (RPI ‖ AEM) and the received signal strength. */
export interface RadioSighting {
  serviceData: Uint8Array;
  rssi: number;
}

export interface Radio {
  readonly kind: 'ble' | 'simulated';
  state(): Promise<RadioState>;
  onStateChange(listener: (state: RadioState) => void): () => void;
  /** Starts advertising `serviceData`, or replaces what is on the air (a new identifier). */
  advertise(serviceData: Uint8Array): Promise<void>;
  stopAdvertising(): Promise<void>;
  /** Listens until `stopScan`; each advertisement heard is passed to `onSighting`. */
  startScan(onSighting: (sighting: RadioSighting) => void): Promise<void>;
  stopScan(): Promise<void>;
}
