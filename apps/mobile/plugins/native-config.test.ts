/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// What `expo prebuild` would write into AndroidManifest.xml and Info.plist, from Expo's own config introspection
// (offline, about a second). The permissions are the ones the app needs, and none that it does not.
const root = join(__dirname, '..');
const introspected = JSON.parse(
  execFileSync(process.execPath, [require.resolve('expo/bin/cli', { paths: [root] }), 'config', '--type', 'introspect', '--json'], {
    cwd: root,
    env: { ...process.env, EXPO_OFFLINE: '1', EXPO_NO_TELEMETRY: '1' },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  }),
) as { _internal: { modResults: { android: { manifest: { manifest: Manifest } }; ios: { infoPlist: Record<string, unknown> } } } };
const { android, ios } = introspected._internal.modResults;

interface Manifest {
  'uses-permission'?: { $: Record<string, string> }[];
  'uses-permission-sdk-23'?: { $: Record<string, string> }[];
  application: { $: Record<string, string>; service?: { $: Record<string, string> }[] }[];
}

const manifest = android.manifest.manifest;
const permissions = new Map((manifest['uses-permission'] ?? []).filter((p) => p.$['tools:node'] !== 'remove').map((p) => [p.$['android:name'], p.$]));

describe('native configuration produced by prebuild', () => {
  it('declares the Android 12+ Bluetooth permissions, scanning never for location', () => {
    expect(permissions.get('android.permission.BLUETOOTH_SCAN')).toMatchObject({ 'android:usesPermissionFlags': 'neverForLocation' });
    expect(permissions.has('android.permission.BLUETOOTH_ADVERTISE')).toBe(true);
    expect(permissions.has('android.permission.BLUETOOTH_CONNECT')).toBe(true);
  });

  it('runs tracing in a foreground service of type connectedDevice', () => {
    expect(permissions.has('android.permission.FOREGROUND_SERVICE')).toBe(true);
    expect(permissions.has('android.permission.FOREGROUND_SERVICE_CONNECTED_DEVICE')).toBe(true);
    expect(manifest.application[0]?.service).toContainEqual({
      $: { 'android:name': 'vn.bluezone.peripheral.TracingService', 'android:exported': 'false', 'android:foregroundServiceType': 'connectedDevice' },
    });
  });

  it('asks for nothing it does not need: location only where Android 11 and older demand it for scanning, no microphone', () => {
    const located = [...permissions.keys()].filter((name) => /LOCATION/.test(name));
    expect(located).toEqual([]);
    for (const p of manifest['uses-permission-sdk-23'] ?? []) expect(p.$).toMatchObject({ 'android:maxSdkVersion': '30' });
    for (const name of ['RECORD_AUDIO', 'ACCESS_BACKGROUND_LOCATION', 'READ_PHONE_STATE', 'SYSTEM_ALERT_WINDOW']) {
      expect(permissions.has(`android.permission.${name}`)).toBe(false);
    }
    expect(ios.infoPlist.NSMicrophoneUsageDescription).toBeUndefined();
    expect(ios.infoPlist.NSLocationWhenInUseUsageDescription).toBeUndefined();
    expect(ios.infoPlist.NSFaceIDUsageDescription).toBeUndefined();
  });

  it('keeps the database and keys out of Android backups', () => {
    expect(manifest.application[0]?.$['android:allowBackup']).toBe('false');
  });

  it('gives iOS the Bluetooth background modes and a Vietnamese reason for Bluetooth', () => {
    expect(ios.infoPlist.UIBackgroundModes).toEqual(expect.arrayContaining(['bluetooth-central', 'bluetooth-peripheral', 'processing']));
    expect(ios.infoPlist.NSBluetoothAlwaysUsageDescription).toMatch(/^Bluezone dùng Bluetooth để phát mã ngẫu nhiên/);
    expect(ios.infoPlist.CFBundleDevelopmentRegion).toBe('vi');
    expect(ios.infoPlist.NSCameraUsageDescription).toMatch(/chỉ để quét mã QR/);
  });
});
