import CoreBluetooth
import ExpoModulesCore

/**
 * Bluezone's peripheral half on iOS. iOS cannot put service data in an advertisement, so the phone advertises the
 * Bluezone service UUID and serves its 20 bytes (RPI ‖ AEM) from a read-only characteristic of that service,
 * answering each read with the bytes of the moment: a scanner connects, reads and disconnects (src/radio/ble-radio.ts).
 * In the background iOS moves the UUID to its "overflow area", which iPhones scanning in the foreground still find
 * (see the app's README, "What iOS allows in the background").
 *
 * The manager is restored by iOS after the app was terminated for memory (restore identifier
 * vn.bluezone.peripheral); it and every delegate call live on one serial queue.
 */
public class BluezonePeripheralModule: Module {
  private let queue = DispatchQueue(label: "vn.bluezone.peripheral")
  private lazy var peripheral = Peripheral(queue: queue)

  public func definition() -> ModuleDefinition {
    Name("BluezonePeripheral")

    // Every iPhone that runs iOS 16.4 can act as a peripheral.
    Function("isAdvertisingSupported") { () -> Bool in
      true
    }

    AsyncFunction("startAdvertising") { (serviceDataBase64: String) in
      guard let payload = Data(base64Encoded: serviceDataBase64), payload.count == Peripheral.payloadBytes else {
        throw PayloadException()
      }
      self.queue.sync { self.peripheral.advertise(payload) }
    }

    AsyncFunction("stopAdvertising") {
      self.queue.sync { self.peripheral.stop() }
    }

    // Android's foreground service; iOS keeps Bluetooth going through the background modes instead.
    AsyncFunction("startForegroundService") { (_: String, _: String) in }
    AsyncFunction("stopForegroundService") {}

    // Keeps a file or a folder (and what it holds) out of iCloud and computer backups: the sightings and exposure
    // windows in the app's database stay on this phone (Android: allowBackup="false").
    AsyncFunction("excludeFromBackup") { (path: String) in
      var url = URL(fileURLWithPath: path)
      var values = URLResourceValues()
      values.isExcludedFromBackup = true
      try url.setResourceValues(values)
    }
  }
}

final class PayloadException: Exception {
  override var reason: String {
    "the service data must be \(Peripheral.payloadBytes) bytes, base64"
  }
}

/** The CBPeripheralManager and what it serves; used on `queue` only. */
final class Peripheral: NSObject, CBPeripheralManagerDelegate {
  static let payloadBytes = 20
  /** BLUEZONE_SERVICE_UUID128 and BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128 of packages/protocol (a test keeps them equal). */
  static let serviceUUID = CBUUID(string: "0000ff5a-0000-1000-8000-00805f9b34fb")
  static let characteristicUUID = CBUUID(string: "e7a238c5-5566-4bc9-9d41-42b1414159c8")

  private let queue: DispatchQueue
  private var manager: CBPeripheralManager?
  private var payload: Data?
  private var serviceAdded = false

  init(queue: DispatchQueue) {
    self.queue = queue
    super.init()
  }

  func advertise(_ bytes: Data) {
    payload = bytes
    if manager == nil {
      manager = CBPeripheralManager(delegate: self, queue: queue, options: [CBPeripheralManagerOptionRestoreIdentifierKey: "vn.bluezone.peripheral"])
    }
    startIfReady()
  }

  func stop() {
    payload = nil
    manager?.stopAdvertising()
    manager?.removeAllServices()
    serviceAdded = false
  }

  private func startIfReady() {
    guard let manager, manager.state == .poweredOn, payload != nil else { return }
    if !serviceAdded {
      // The value is nil, so that every read comes to peripheralManager(_:didReceiveRead:) and gets the bytes of now.
      let characteristic = CBMutableCharacteristic(type: Peripheral.characteristicUUID, properties: [.read], value: nil, permissions: [.readable])
      let service = CBMutableService(type: Peripheral.serviceUUID, primary: true)
      service.characteristics = [characteristic]
      manager.add(service)
      serviceAdded = true
    }
    if !manager.isAdvertising {
      manager.startAdvertising([CBAdvertisementDataServiceUUIDsKey: [Peripheral.serviceUUID]])
    }
  }

  func peripheralManagerDidUpdateState(_ peripheral: CBPeripheralManager) {
    if peripheral.state == .poweredOn {
      startIfReady()
    } else {
      // Bluetooth off or reset: iOS drops the services; they are added again when it is back on.
      serviceAdded = false
    }
  }

  func peripheralManager(_ peripheral: CBPeripheralManager, willRestoreState dict: [String: Any]) {
    let services = dict[CBPeripheralManagerRestoredStateServicesKey] as? [CBMutableService] ?? []
    serviceAdded = services.contains { $0.uuid == Peripheral.serviceUUID }
  }

  func peripheralManager(_ peripheral: CBPeripheralManager, didReceiveRead request: CBATTRequest) {
    guard request.characteristic.uuid == Peripheral.characteristicUUID, let payload else {
      peripheral.respond(to: request, withResult: .attributeNotFound)
      return
    }
    guard request.offset <= payload.count else {
      peripheral.respond(to: request, withResult: .invalidOffset)
      return
    }
    request.value = payload.subdata(in: request.offset..<payload.count)
    peripheral.respond(to: request, withResult: .success)
  }
}
