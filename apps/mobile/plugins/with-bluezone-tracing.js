// Native configuration of Bluezone's tracing, applied by `expo prebuild` (and shown by `expo config --type
// introspect`). What react-native-ble-plx's own plugin does not cover:
// - Android: BLUETOOTH_ADVERTISE; the foreground service that keeps tracing alive while the screen is off
//   (Android 14 requires its type, connectedDevice, and the matching FOREGROUND_SERVICE_* permission);
//   notifications (Android 13+ asks for them at run time).
// - iOS: the Bluetooth background modes (central and peripheral), so that the GATT service and the scan go on
//   in the background as far as iOS allows (see the README, "What iOS allows in the background").
// The Vietnamese and English usage descriptions come from app.json (`ios.infoPlist` and `locales`).
const { AndroidConfig, withAndroidManifest, withInfoPlist, createRunOncePlugin } = require('expo/config-plugins');

const SERVICE = 'vn.bluezone.peripheral.TracingService';

const ANDROID_PERMISSIONS = [
  'android.permission.BLUETOOTH_ADVERTISE',
  'android.permission.FOREGROUND_SERVICE',
  'android.permission.FOREGROUND_SERVICE_CONNECTED_DEVICE',
  'android.permission.POST_NOTIFICATIONS',
];

function withTracingService(config) {
  return withAndroidManifest(config, (config) => {
    const application = AndroidConfig.Manifest.getMainApplicationOrThrow(config.modResults);
    application.service = (application.service ?? []).filter((s) => s.$['android:name'] !== SERVICE);
    application.service.push({
      $: { 'android:name': SERVICE, 'android:exported': 'false', 'android:foregroundServiceType': 'connectedDevice' },
    });
    return config;
  });
}

function withBackgroundModes(config) {
  return withInfoPlist(config, (config) => {
    const modes = new Set(config.modResults.UIBackgroundModes ?? []);
    modes.add('bluetooth-central');
    modes.add('bluetooth-peripheral');
    config.modResults.UIBackgroundModes = [...modes];
    return config;
  });
}

function withBluezoneTracing(config) {
  config = AndroidConfig.Permissions.withPermissions(config, ANDROID_PERMISSIONS);
  config = withTracingService(config);
  config = withBackgroundModes(config);
  return config;
}

module.exports = createRunOncePlugin(withBluezoneTracing, 'with-bluezone-tracing', '1.0.0');
