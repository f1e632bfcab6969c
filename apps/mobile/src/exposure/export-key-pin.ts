import type { ExportKeyInfo } from '@bluezone/contract';

/** A public key this phone trusts to sign export files. */
export interface PinnedExportKey {
  keyId: string;
  version: string;
  publicKeyPem: string;
}

export type PinDecision =
  | { accepted: true; trusted: PinnedExportKey[] }
  /** The served list is not a continuation of the pinned one: keep the pin, trust nothing new. */
  | { accepted: false; trusted: PinnedExportKey[]; reason: 'export_keys_replaced' | 'export_key_changed' };

const same = (a: PinnedExportKey, b: PinnedExportKey) => a.keyId === b.keyId && a.version === b.version;
const samePem = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Trust on first use, then follow rotations. The first list the phone sees is pinned. Later lists are accepted
 * only as a continuation: they must still list at least one pinned key unchanged (the server keeps a rotated-out
 * key listed for its overlap, 15 days by default), and never a different public key under a pinned id and version.
 * Then new keys are added and keys the server no longer lists are dropped. A list that replaces every pinned key
 * at once is refused: files signed by the pinned keys still verify, files signed by the new keys do not, and the
 * check says so. (What this does not stop: a server already in an attacker's hands adding a key beside the real
 * one. Shipping the key in the app's configuration would, at the price of a release per rotation.)
 */
export function followExportKeys(pinned: readonly PinnedExportKey[] | undefined, served: readonly ExportKeyInfo[]): PinDecision {
  const listed = served.map((k) => ({ keyId: k.keyId, version: k.version, publicKeyPem: k.publicKeyPem }));
  if (!pinned || pinned.length === 0) return { accepted: true, trusted: listed };
  for (const key of listed) {
    const old = pinned.find((p) => same(p, key));
    if (old && !samePem(old.publicKeyPem, key.publicKeyPem)) return { accepted: false, trusted: [...pinned], reason: 'export_key_changed' };
  }
  if (!listed.some((key) => pinned.some((p) => same(p, key)))) return { accepted: false, trusted: [...pinned], reason: 'export_keys_replaced' };
  return { accepted: true, trusted: listed };
}
