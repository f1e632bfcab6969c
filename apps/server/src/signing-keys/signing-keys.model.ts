import type { ExportKeyInfo } from '@bluezone/contract';

export type { ExportKeyInfo };

/** One export signing key as the database lists it; the private half is in the key vault, by (keyId, version). */
export interface SigningKeyRecord {
  keyId: string;
  version: string;
  algorithm: string;
  publicKeyPem: string;
  createdAt: string;
  activatedAt: string;
  /** Set when a newer key became active. */
  retiredAt: string | null;
  /** The private key sealed under BLUEZONE_KEY_ENCRYPTION_KEY when keys live in the database; else null. */
  privateKeySealed: string | null;
}

/** `v1` → 1; anything else → 0, so a hand-made version never blocks the next rotation. */
export function versionNumber(version: string): number {
  const match = /^v(\d+)$/.exec(version);
  return match ? Number(match[1]) : 0;
}

/**
 * The keys phones should accept: the active one (not retired), and retired ones still within the overlap after
 * their retirement. Newest first.
 */
export function publishedKeys(keys: readonly SigningKeyRecord[], now: Date, overlapSeconds: number): SigningKeyRecord[] {
  const cutoff = new Date(now.getTime() - overlapSeconds * 1000).toISOString();
  return keys
    .filter((k) => k.retiredAt === null || k.retiredAt > cutoff)
    .sort((a, b) => (a.activatedAt === b.activatedAt ? versionNumber(b.version) - versionNumber(a.version) : a.activatedAt < b.activatedAt ? 1 : -1));
}
