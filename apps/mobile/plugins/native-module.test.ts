/**
 * @jest-environment node
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128, BLUEZONE_SERVICE_UUID128 } from '@bluezone/protocol';

// The local module's Swift and Kotlin are compiled only by a developer's `expo run:ios` / `expo run:android` (no
// Xcode or Android SDK here). What can be checked without them is checked here: the files autolinking needs are
// present, each platform defines the module under the name JavaScript loads and every function the TypeScript
// interface declares, and the native constants are the protocol's.
const moduleDir = join(__dirname, '..', 'modules', 'bluezone-peripheral');
const read = (path: string) => readFileSync(join(moduleDir, path), 'utf8');
const swift = read('ios/BluezonePeripheralModule.swift');
const kotlin = read('android/src/main/java/vn/bluezone/peripheral/BluezonePeripheralModule.kt');
const service = read('android/src/main/java/vn/bluezone/peripheral/TracingService.kt');
const typescript = read('index.ts');

/** The names between `Function("` or `AsyncFunction("` and `"` in a module definition. */
const definedFunctions = (source: string) => [...source.matchAll(/\b(?:Async)?Function\("(\w+)"/g)].map((m) => m[1]).sort();

/** The methods of the `BluezonePeripheral` interface in index.ts. */
function declaredFunctions(): string[] {
  const body = /export interface BluezonePeripheral \{([\s\S]*?)\n\}/.exec(typescript)?.[1] ?? '';
  return [...body.matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]).sort();
}

describe('the local native module', () => {
  it('has what autolinking builds on each platform', () => {
    const config = JSON.parse(read('expo-module.config.json')) as { apple: { modules: string[] }; android: { modules: string[] } };
    expect(config.apple.modules).toEqual(['BluezonePeripheralModule']);
    expect(swift).toMatch(/public class BluezonePeripheralModule: Module \{/);
    expect(read('ios/BluezonePeripheral.podspec')).toMatch(/s\.dependency 'ExpoModulesCore'/);
    expect(config.android.modules).toEqual(['vn.bluezone.peripheral.BluezonePeripheralModule']);
    expect(kotlin).toMatch(/^package vn\.bluezone\.peripheral$/m);
    expect(kotlin).toMatch(/class BluezonePeripheralModule : Module\(\)/);
    expect(read('android/build.gradle')).toMatch(/namespace "vn\.bluezone\.peripheral"/);
    expect(existsSync(join(moduleDir, 'android/src/main/AndroidManifest.xml'))).toBe(true);
  });

  it('defines, on both platforms, the module JavaScript loads with every function its interface declares', () => {
    const loaded = /requireNativeModule<BluezonePeripheral>\('(\w+)'\)/.exec(typescript)?.[1];
    expect(loaded).toBe('BluezonePeripheral');
    expect(swift).toContain(`Name("${loaded}")`);
    expect(kotlin).toContain(`Name("${loaded}")`);
    const declared = declaredFunctions();
    expect(declared).toEqual(['excludeFromBackup', 'isAdvertisingSupported', 'startAdvertising', 'startForegroundService', 'stopAdvertising', 'stopForegroundService']);
    expect(definedFunctions(swift)).toEqual(declared);
    expect(definedFunctions(kotlin)).toEqual(declared);
  });

  it('advertises and serves under the protocol’s service and characteristic', () => {
    expect(swift).toContain(`CBUUID(string: "${BLUEZONE_SERVICE_UUID128}")`);
    expect(swift).toContain(`CBUUID(string: "${BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128}")`);
    expect(kotlin).toContain(`UUID.fromString("${BLUEZONE_SERVICE_UUID128}")`);
    for (const source of [swift, kotlin]) expect(source).toMatch(/payloadBytes = 20|PAYLOAD_BYTES = 20/);
  });

  it('runs the foreground service the config plugin declares, with the type it declares', () => {
    const plugin = readFileSync(join(__dirname, 'with-bluezone-tracing.js'), 'utf8');
    expect(plugin).toContain("const SERVICE = 'vn.bluezone.peripheral.TracingService';");
    expect(service).toMatch(/^package vn\.bluezone\.peripheral$/m);
    expect(service).toMatch(/class TracingService : Service\(\)/);
    expect(service).toContain('ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE');
    expect(kotlin).toContain('Intent(context, TracingService::class.java)');
  });
});
