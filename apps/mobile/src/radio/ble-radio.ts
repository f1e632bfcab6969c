import { BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128, BLUEZONE_SERVICE_UUID128, decodeStdBase64, encodeStdBase64 } from '@bluezone/protocol';
import type { BluezonePeripheral } from '../../modules/bluezone-peripheral';
import type { Radio, RadioSighting, RadioState } from './radio';

/** The part of react-native-ble-plx's BleManager that the radio uses (so tests can stand in for it). */
export interface CentralManager {
  state(): Promise<string>;
  onStateChange(listener: (state: string) => void, emitCurrentState: boolean): { remove(): void };
  startDeviceScan(
    uuids: string[] | null,
    options: { allowDuplicates?: boolean; scanMode?: number } | null,
    listener: (error: unknown, device: ScannedDevice | null) => void,
  ): Promise<void> | void;
  stopDeviceScan(): Promise<void> | void;
  readCharacteristicForDevice?(deviceId: string, serviceUuid: string, characteristicUuid: string): Promise<{ value: string | null }>;
  connectToDevice(deviceId: string, options?: { timeout?: number }): Promise<{ discoverAllServicesAndCharacteristics(): Promise<unknown> }>;
  cancelDeviceConnection(deviceId: string): Promise<unknown>;
}

export interface ScannedDevice {
  id: string;
  rssi: number | null;
  serviceData: Record<string, string> | null;
  serviceUUIDs: string[] | null;
}

export interface BleLibraries {
  central: CentralManager;
  peripheral: BluezonePeripheral;
  /** Android 12+ permission check; iOS answers through the manager's state. */
  hasPermissions(): Promise<boolean>;
}

/** A phone seen without service data (an iOS phone) is read over GATT at most this often, per identifier. */
const GATT_READ_INTERVAL_MS = 5 * 60_000;
const GATT_TIMEOUT_MS = 5000;

/**
 * The real radio, on react-native-ble-plx (central: scanning, GATT reads) and Bluezone's small native module
 * (peripheral: Android service-data advertising, iOS GATT characteristic). Both are loaded only when tracing first
 * needs them, so the web build and the tests never touch Bluetooth.
 *
 * Scanning filters on our service UUID (the only filter iOS honours in the background). An Android phone's
 * advertisement carries the 20 bytes as service data; an iOS phone's carries only the UUID, so the scanner connects,
 * reads the characteristic and disconnects, once per phone address and rotation.
 */
export class BleRadio implements Radio {
  readonly kind = 'ble' as const;
  private libraries: Promise<BleLibraries> | undefined;
  private readonly lastRead = new Map<string, number>();
  private reading = new Set<string>();

  constructor(
    private readonly load: () => Promise<BleLibraries>,
    private readonly now: () => number = Date.now,
  ) {}

  private libs(): Promise<BleLibraries> {
    this.libraries ??= this.load();
    return this.libraries;
  }

  async state(): Promise<RadioState> {
    const { central, peripheral, hasPermissions } = await this.libs();
    if (!(await hasPermissions())) return 'unauthorized';
    const state = mapState(await central.state());
    if (state === 'ready' && !peripheral.isAdvertisingSupported()) return 'unsupported';
    return state;
  }

  onStateChange(listener: (state: RadioState) => void): () => void {
    let subscription: { remove(): void } | undefined;
    let removed = false;
    void this.libs().then(({ central }) => {
      if (!removed) subscription = central.onStateChange((state) => listener(mapState(state)), false);
    });
    return () => {
      removed = true;
      subscription?.remove();
    };
  }

  async advertise(serviceData: Uint8Array): Promise<void> {
    await (await this.libs()).peripheral.startAdvertising(encodeStdBase64(serviceData));
  }

  async stopAdvertising(): Promise<void> {
    await (await this.libs()).peripheral.stopAdvertising();
  }

  async startScan(onSighting: (sighting: RadioSighting) => void): Promise<void> {
    const { central } = await this.libs();
    await central.startDeviceScan([BLUEZONE_SERVICE_UUID128], { allowDuplicates: true }, (error, device) => {
      if (error || !device || device.rssi === null) return;
      const data = serviceDataOf(device);
      if (data) onSighting({ serviceData: data, rssi: device.rssi });
      else if (device.serviceUUIDs?.some((u) => u.toLowerCase() === BLUEZONE_SERVICE_UUID128)) void this.readOverGatt(central, device, onSighting);
    });
  }

  async stopScan(): Promise<void> {
    await (await this.libs()).central.stopDeviceScan();
  }

  /** Connect, read the 20 bytes, disconnect; never twice at once for one phone, nor more than once per interval. */
  private async readOverGatt(central: CentralManager, device: ScannedDevice, onSighting: (sighting: RadioSighting) => void): Promise<void> {
    const last = this.lastRead.get(device.id);
    if (this.reading.has(device.id) || (last !== undefined && this.now() - last < GATT_READ_INTERVAL_MS)) return;
    this.reading.add(device.id);
    try {
      const connected = await central.connectToDevice(device.id, { timeout: GATT_TIMEOUT_MS });
      await connected.discoverAllServicesAndCharacteristics();
      const characteristic = await central.readCharacteristicForDevice?.(device.id, BLUEZONE_SERVICE_UUID128, BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128);
      this.lastRead.set(device.id, this.now());
      if (characteristic?.value && device.rssi !== null) onSighting({ serviceData: decodeStdBase64(characteristic.value), rssi: device.rssi });
    } catch {
      // Out of range, or the phone rotated its address mid-read: the next scan tries again.
    } finally {
      this.reading.delete(device.id);
      await central.cancelDeviceConnection(device.id).catch(() => undefined);
    }
    if (this.lastRead.size > 1000) this.lastRead.clear();
  }
}

function serviceDataOf(device: ScannedDevice): Uint8Array | undefined {
  const entry = Object.entries(device.serviceData ?? {}).find(([uuid]) => uuid.toLowerCase() === BLUEZONE_SERVICE_UUID128);
  if (!entry) return undefined;
  try {
    return decodeStdBase64(entry[1]);
  } catch {
    return undefined;
  }
}

/** react-native-ble-plx's State values. */
function mapState(state: string): RadioState {
  switch (state) {
    case 'PoweredOn':
      return 'ready';
    case 'PoweredOff':
      return 'off';
    case 'Unauthorized':
      return 'unauthorized';
    case 'Unsupported':
      return 'unsupported';
    default:
      return 'unknown';
  }
}
