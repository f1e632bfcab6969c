import { BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128, BLUEZONE_SERVICE_UUID128, encodeStdBase64 } from '@bluezone/protocol';
import { BleRadio, type CentralManager, type ScannedDevice } from './ble-radio';
import type { RadioSighting } from './radio';

function fakeLibraries(state = 'PoweredOn') {
  let listener: ((error: unknown, device: ScannedDevice | null) => void) | undefined;
  const reads: string[] = [];
  const advertised: string[] = [];
  const payload = Uint8Array.from({ length: 20 }, (_, i) => i + 1);
  const central: CentralManager = {
    state: async () => state,
    onStateChange: () => ({ remove: () => {} }),
    startDeviceScan: (uuids, _options, l) => {
      expect(uuids).toEqual([BLUEZONE_SERVICE_UUID128]);
      listener = l;
    },
    stopDeviceScan: () => {
      listener = undefined;
    },
    connectToDevice: async () => ({ discoverAllServicesAndCharacteristics: async () => undefined }),
    readCharacteristicForDevice: async (id, service, characteristic) => {
      expect([service, characteristic]).toEqual([BLUEZONE_SERVICE_UUID128, BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128]);
      reads.push(id);
      return { value: encodeStdBase64(payload) };
    },
    cancelDeviceConnection: async () => undefined,
  };
  const peripheral = {
    isAdvertisingSupported: () => true,
    startAdvertising: async (b64: string) => void advertised.push(b64),
    stopAdvertising: async () => undefined,
    startForegroundService: async () => undefined,
    stopForegroundService: async () => undefined,
    excludeFromBackup: async () => undefined,
  };
  return { libraries: { central, peripheral, hasPermissions: async () => true }, emit: (d: ScannedDevice) => listener?.(null, d), reads, advertised, payload };
}

describe('BleRadio', () => {
  it('reads Android service data at once and iOS phones over GATT, once per interval', async () => {
    const fake = fakeLibraries();
    let now = 0;
    const radio = new BleRadio(async () => fake.libraries, () => now);
    expect(await radio.state()).toBe('ready');
    const heard: RadioSighting[] = [];
    await radio.startScan((s) => heard.push(s));
    fake.emit({ id: 'android', rssi: -60, serviceUUIDs: [BLUEZONE_SERVICE_UUID128], serviceData: { [BLUEZONE_SERVICE_UUID128.toUpperCase()]: encodeStdBase64(fake.payload) } });
    fake.emit({ id: 'iphone', rssi: -70, serviceUUIDs: [BLUEZONE_SERVICE_UUID128.toUpperCase()], serviceData: null });
    fake.emit({ id: 'headphones', rssi: -50, serviceUUIDs: ['0000180d-0000-1000-8000-00805f9b34fb'], serviceData: null });
    await new Promise((r) => setTimeout(r, 0));
    fake.emit({ id: 'iphone', rssi: -71, serviceUUIDs: [BLUEZONE_SERVICE_UUID128], serviceData: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(heard.map((h) => h.rssi)).toEqual([-60, -70]);
    expect(heard.every((h) => encodeStdBase64(h.serviceData) === encodeStdBase64(fake.payload))).toBe(true);
    expect(fake.reads).toEqual(['iphone']);
    now += 5 * 60_000;
    fake.emit({ id: 'iphone', rssi: -72, serviceUUIDs: [BLUEZONE_SERVICE_UUID128], serviceData: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.reads).toEqual(['iphone', 'iphone']);
  });

  it('advertises base64 of the 20 bytes, and maps Bluetooth states', async () => {
    const fake = fakeLibraries('PoweredOff');
    const radio = new BleRadio(async () => fake.libraries);
    expect(await radio.state()).toBe('off');
    await radio.advertise(fake.payload);
    expect(fake.advertised).toEqual([encodeStdBase64(fake.payload)]);
    const denied = new BleRadio(async () => ({ ...fakeLibraries().libraries, hasPermissions: async () => false }));
    expect(await denied.state()).toBe('unauthorized');
  });
});
