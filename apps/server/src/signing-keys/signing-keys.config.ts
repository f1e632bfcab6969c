import path from 'node:path';
import type { BaseConfig } from '../platform/base-config.js';
import type { EnvReader } from '../platform/env-reader.js';

export interface SigningKeysConfig {
  /** Where the private keys live, one PEM file per version, owner-only (0600 files in a 0700 directory). */
  dir: string;
  /** verification_key_id written in every file's signatureInfo; export.proto allows only [A-Za-z0-9_]. */
  keyId: string;
  /** How long a rotated-out key stays listed at /api/v1/export-keys, so files it signed still verify on phones. */
  overlapSeconds: number;
}

/**
 * The default overlap is one day longer than export files are kept (14 days): every file still served was signed
 * by a key that is still published.
 */
export function readSigningKeysConfig(env: EnvReader, { dataDir, region }: BaseConfig): SigningKeysConfig {
  const config: SigningKeysConfig = {
    dir: path.resolve(env.string('BLUEZONE_SIGNING_KEYS_DIR', path.join(dataDir, 'signing-keys'))),
    keyId: env.string('BLUEZONE_EXPORT_KEY_ID', `bluezone_${region.toLowerCase()}`),
    overlapSeconds: env.duration('BLUEZONE_SIGNING_KEY_OVERLAP', 15 * 86400, { min: 0, max: 365 * 86400 }),
  };
  if (!/^[A-Za-z0-9_]{1,64}$/.test(config.keyId)) {
    env.problem(`BLUEZONE_EXPORT_KEY_ID: "${config.keyId}" may hold only letters, digits and "_" (export.proto)`);
  }
  return config;
}
