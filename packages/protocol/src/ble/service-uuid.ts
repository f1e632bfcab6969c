/**
 * Bluezone's 16-bit Bluetooth service UUID, in advertisements and as the GATT service iOS phones serve.
 *
 * Why not 0xFD6F: it is the UUID the Bluetooth SIG registered for Apple and Google's Exposure Notification
 * service (EN Bluetooth Specification v1.2, "Exposure Notification Service"). The phone operating systems own it:
 * apps may not advertise it, and an OS with EN enabled would take our identifiers for its own.
 *
 * Why 0xFF5A: 16-bit UUIDs are all assigned by the SIG; member UUIDs are handed out downwards from 0xFEFF and the
 * standards-body ones sit at the top (0xFFFx), so 0xFF5A is registered to no one as far as we know, and it stays
 * clear of 0xFFE0/0xFFF0 that cheap serial modules use unofficially. It is NOT ours either: a production deployment
 * must register its own 16-bit member UUID with the Bluetooth SIG and change this one constant (the phones and the
 * decoder read it from here). Decoders also check every length, so a stray device using 0xFF5A is rejected.
 *
 * @example BLUEZONE_SERVICE_UUID16.toString(16) // "ff5a"
 */
export const BLUEZONE_SERVICE_UUID16 = 0xff5a;

/** The UUID as a 128-bit string on the Bluetooth Base UUID (Core Spec Vol 3 Part B §2.5.1), for BLE libraries. */
export const BLUEZONE_SERVICE_UUID128 = '0000ff5a-0000-1000-8000-00805f9b34fb';

/**
 * The read-only GATT characteristic, in the service above, from which an iOS phone serves its 20 bytes (RPI ‖ AEM):
 * iOS cannot put service data in an advertisement, so scanners connect and read it. A random (version 4) UUID, as
 * custom characteristics take (Core Spec Vol 3 Part G §3.3.1); like the service UUID, one constant for every phone.
 */
export const BLUEZONE_PAYLOAD_CHARACTERISTIC_UUID128 = 'e7a238c5-5566-4bc9-9d41-42b1414159c8';
