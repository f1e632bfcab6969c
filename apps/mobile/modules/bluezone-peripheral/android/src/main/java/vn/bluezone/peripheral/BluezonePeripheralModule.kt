package vn.bluezone.peripheral

import android.bluetooth.BluetoothManager
import android.bluetooth.le.AdvertiseCallback
import android.bluetooth.le.AdvertiseData
import android.bluetooth.le.AdvertiseSettings
import android.bluetooth.le.AdvertisingSet
import android.bluetooth.le.AdvertisingSetCallback
import android.bluetooth.le.AdvertisingSetParameters
import android.bluetooth.le.BluetoothLeAdvertiser
import android.content.Context
import android.content.Intent
import android.os.Build
import android.os.ParcelUuid
import android.util.Base64
import expo.modules.kotlin.Promise
import expo.modules.kotlin.exception.CodedException
import expo.modules.kotlin.modules.Module
import expo.modules.kotlin.modules.ModuleDefinition
import java.util.UUID

/**
 * Bluezone's peripheral half on Android: the phone's 20 bytes (RPI ‖ AEM) as service data under the Bluezone 16-bit
 * service UUID, in a legacy, non-connectable, non-scannable advertisement (flags, the UUID list and the service data
 * fill the 31 bytes, as an Exposure Notification advertisement does), and the foreground service that keeps the
 * process, and so the scan and the advertisement, alive with the screen off.
 *
 * Each startAdvertising stops the running set and starts a new one: a new advertising set gets a new random
 * (resolvable private) address, so the address changes with the identifier and a listener cannot link two
 * identifiers through it. Android 8 (API 26) and later; older phones use the single-advertisement API, whose address
 * the system rotates on its own schedule.
 */
class BluezonePeripheralModule : Module() {
  private var advertisingSetCallback: AdvertisingSetCallback? = null
  private var legacyAdvertisement: AdvertiseCallback? = null

  private val context: Context
    get() = appContext.reactContext ?: throw CodedException("ERR_NO_CONTEXT", "the app has no Android context yet", null)

  private fun advertiser(): BluetoothLeAdvertiser? {
    val manager = context.getSystemService(Context.BLUETOOTH_SERVICE) as BluetoothManager?
    return manager?.adapter?.bluetoothLeAdvertiser
  }

  override fun definition() = ModuleDefinition {
    Name("BluezonePeripheral")

    Function("isAdvertisingSupported") {
      val manager = context.getSystemService(Context.BLUETOOTH_SERVICE) as BluetoothManager?
      manager?.adapter?.isMultipleAdvertisementSupported == true
    }

    AsyncFunction("startAdvertising") { serviceDataBase64: String, promise: Promise ->
      val payload = try {
        Base64.decode(serviceDataBase64, Base64.DEFAULT)
      } catch (error: IllegalArgumentException) {
        null
      }
      if (payload == null || payload.size != PAYLOAD_BYTES) {
        promise.reject("ERR_PAYLOAD", "the service data must be $PAYLOAD_BYTES bytes, base64", null)
        return@AsyncFunction
      }
      val advertiser = advertiser()
      if (advertiser == null) {
        promise.reject("ERR_BLUETOOTH_OFF", "Bluetooth is off or cannot advertise", null)
        return@AsyncFunction
      }
      try {
        stop(advertiser)
        val data = AdvertiseData.Builder()
          .addServiceUuid(SERVICE_UUID)
          .addServiceData(SERVICE_UUID, payload)
          .setIncludeDeviceName(false)
          .setIncludeTxPowerLevel(false)
          .build()
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.O) startSet(advertiser, data, promise) else startLegacy(advertiser, data, promise)
      } catch (error: SecurityException) {
        promise.reject("ERR_PERMISSION", "the Bluetooth advertise permission is not granted", error)
      }
    }

    AsyncFunction("stopAdvertising") {
      try {
        advertiser()?.let { stop(it) }
      } catch (_: SecurityException) {
        // Without the permission nothing was advertised.
      }
      advertisingSetCallback = null
      legacyAdvertisement = null
    }

    AsyncFunction("startForegroundService") { title: String, text: String ->
      val intent = Intent(context, TracingService::class.java)
        .putExtra(TracingService.EXTRA_TITLE, title)
        .putExtra(TracingService.EXTRA_TEXT, text)
      if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.O) context.startForegroundService(intent) else context.startService(intent)
      Unit
    }

    AsyncFunction("stopForegroundService") {
      context.stopService(Intent(context, TracingService::class.java))
      Unit
    }

    // Android keeps the app's files out of backups through allowBackup="false" (app.json); nothing to do per file.
    AsyncFunction("excludeFromBackup") { _: String -> }

    OnDestroy {
      try {
        advertiser()?.let { stop(it) }
      } catch (_: Exception) {
        // The process is going away.
      }
    }
  }

  private fun stop(advertiser: BluetoothLeAdvertiser) {
    if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.O) advertisingSetCallback?.let { advertiser.stopAdvertisingSet(it) }
    legacyAdvertisement?.let { advertiser.stopAdvertising(it) }
    advertisingSetCallback = null
    legacyAdvertisement = null
  }

  private fun startSet(advertiser: BluetoothLeAdvertiser, data: AdvertiseData, promise: Promise) {
    // About every 250 ms, the 200–270 ms of the Exposure Notification Bluetooth specification; medium power, whose
    // radiated level the phone's calibration (sent in the AEM) describes.
    val parameters = AdvertisingSetParameters.Builder()
      .setLegacyMode(true)
      .setConnectable(false)
      .setScannable(false)
      .setInterval(AdvertisingSetParameters.INTERVAL_MEDIUM)
      .setTxPowerLevel(AdvertisingSetParameters.TX_POWER_MEDIUM)
      .build()
    val callback = object : AdvertisingSetCallback() {
      private var answered = false

      override fun onAdvertisingSetStarted(set: AdvertisingSet?, txPower: Int, status: Int) {
        if (answered) return
        answered = true
        if (status == AdvertisingSetCallback.ADVERTISE_SUCCESS) promise.resolve(null)
        else {
          if (advertisingSetCallback === this) advertisingSetCallback = null
          promise.reject("ERR_ADVERTISE", "advertising did not start (status $status)", null)
        }
      }
    }
    advertisingSetCallback = callback
    advertiser.startAdvertisingSet(parameters, data, null, null, null, callback)
  }

  private fun startLegacy(advertiser: BluetoothLeAdvertiser, data: AdvertiseData, promise: Promise) {
    val settings = AdvertiseSettings.Builder()
      .setAdvertiseMode(AdvertiseSettings.ADVERTISE_MODE_BALANCED)
      .setTxPowerLevel(AdvertiseSettings.ADVERTISE_TX_POWER_MEDIUM)
      .setConnectable(false)
      .setTimeout(0)
      .build()
    val callback = object : AdvertiseCallback() {
      override fun onStartSuccess(settingsInEffect: AdvertiseSettings?) = promise.resolve(null)

      override fun onStartFailure(errorCode: Int) {
        if (legacyAdvertisement === this) legacyAdvertisement = null
        promise.reject("ERR_ADVERTISE", "advertising did not start (error $errorCode)", null)
      }
    }
    legacyAdvertisement = callback
    advertiser.startAdvertising(settings, data, callback)
  }

  companion object {
    /** RPI (16 bytes) ‖ AEM (4 bytes). */
    const val PAYLOAD_BYTES = 20

    /** BLUEZONE_SERVICE_UUID128 of packages/protocol/src/ble/service-uuid.ts (a test keeps the two equal). */
    val SERVICE_UUID: ParcelUuid = ParcelUuid(UUID.fromString("0000ff5a-0000-1000-8000-00805f9b34fb"))
  }
}
