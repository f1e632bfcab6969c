import { EXPORT_SIGNATURE_ALGORITHM, type ExportSigner } from '@bluezone/protocol';
import type { Actor } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { Clock } from '../platform/platform.js';
import type { SigningKeysConfig } from './signing-keys.config.js';
import { publishedKeys, versionNumber, type ExportKeyInfo, type SigningKeyRecord } from './signing-keys.model.js';
import type { KeyVault } from './signing-keys.vault.js';

/** What the service needs of its store; tests pass an in-memory fake. */
export interface SigningKeysRepository {
  list(keyId: string): Promise<SigningKeyRecord[]>;
  activate(key: SigningKeyRecord, keep: () => string | null): Promise<void>;
  sealPrivateKey(keyId: string, version: string, sealed: string): Promise<void>;
}

/**
 * The P-256 keys that sign export files. One is active and signs; a rotated-out key stays published for the
 * overlap so files it signed keep verifying. Only public halves are in the database, so `GET /export-keys` answers
 * from any server process; signing needs the private file, so processes that cut exports share the key directory.
 */
export class SigningKeysService {
  constructor(
    private readonly store: SigningKeysRepository,
    private readonly vault: KeyVault,
    private readonly config: SigningKeysConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    /** Keys held in a directory before they moved into the database, adopted at start (see ensureActiveKey). */
    private readonly previousVault?: KeyVault,
  ) {}

  /** Generates `v1` when there is no key yet (first start). Returns the active key. */
  async ensureActiveKey(): Promise<SigningKeyRecord> {
    // One read decides both whether a key exists and which version to make: if another process makes v1 between
    // them, our insert of v1 collides with theirs instead of quietly making (and activating) a v2.
    const existing = await this.store.list(this.config.keyId);
    const active = activeOf(existing, this.clock.now());
    if (active) {
      await this.adoptPrevious(existing);
      return active;
    }
    try {
      return await this.createNext(existing, null);
    } catch (error) {
      // Another process made v1 at the same moment: use theirs.
      if (error instanceof AppError && error.code === 'conflict') {
        const theirs = await this.activeKey();
        if (theirs) return theirs;
      }
      throw error;
    }
  }

  /** Makes a new active key (next version); the previous one stays published for the overlap. */
  async rotate(actor: Actor): Promise<SigningKeyRecord> {
    return this.createNext(await this.store.list(this.config.keyId), actor);
  }

  /** The keys phones should trust, active first. */
  async listPublished(): Promise<ExportKeyInfo[]> {
    const keys = publishedKeys(await this.store.list(this.config.keyId), this.clock.now(), this.config.overlapSeconds);
    return keys.map((k) => ({ keyId: k.keyId, version: k.version, algorithm: k.algorithm, publicKeyPem: k.publicKeyPem }));
  }

  /** The active key with its private half, ready for buildSignedExportZip / signExportBinNode. */
  async activeSigner(): Promise<ExportSigner> {
    const active = await this.activeKey();
    if (!active) throw new Error('no active export signing key (the server creates one at start)');
    const privateKeyPem = this.vault.read(active);
    if (privateKeyPem === undefined) {
      throw new Error(`the private key of ${active.keyId} ${active.version} is not in ${this.vault.where} on this machine`);
    }
    return {
      privateKeyPem,
      signatureInfo: { verificationKeyId: active.keyId, verificationKeyVersion: active.version, signatureAlgorithm: active.algorithm },
    };
  }

  /**
   * When the keys move from a directory into the database (BLUEZONE_KEY_ENCRYPTION_KEY set on a server that had
   * none), the published keys whose private halves are still files are sealed into their rows, so files they
   * signed keep being signed by the same key and no rotation is forced.
   */
  private async adoptPrevious(keys: readonly SigningKeyRecord[]): Promise<void> {
    if (!this.previousVault) return;
    for (const key of publishedKeys(keys, this.clock.now(), this.config.overlapSeconds)) {
      if (key.privateKeySealed !== null) continue;
      const pem = this.previousVault.read(key);
      const sealed = pem === undefined ? null : this.vault.keep(key.keyId, key.version, pem);
      if (sealed !== null) await this.store.sealPrivateKey(key.keyId, key.version, sealed);
    }
  }

  private async activeKey(): Promise<SigningKeyRecord | undefined> {
    return activeOf(await this.store.list(this.config.keyId), this.clock.now());
  }

  /** Makes the version after those in `existing`; `conflict` if another process made that version first. */
  private async createNext(existing: readonly SigningKeyRecord[], actor: Actor | null): Promise<SigningKeyRecord> {
    const version = `v${Math.max(0, ...existing.map((k) => versionNumber(k.version))) + 1}`;
    const pair = this.vault.generate();
    const now = this.clock.now().toISOString();
    const key: SigningKeyRecord = {
      privateKeySealed: null,
      keyId: this.config.keyId,
      version,
      algorithm: EXPORT_SIGNATURE_ALGORITHM,
      publicKeyPem: pair.publicKeyPem,
      createdAt: now,
      activatedAt: now,
      retiredAt: null,
    };
    await this.store.activate(key, () => this.vault.keep(key.keyId, version, pair.privateKeyPem));
    if (actor) {
      await this.audit.record({ actor, action: 'signing_key.rotate', targetType: 'signing_key', targetId: `${key.keyId}/${version}` });
    }
    return key;
  }
}

function activeOf(keys: readonly SigningKeyRecord[], now: Date): SigningKeyRecord | undefined {
  return publishedKeys(keys, now, 0).find((k) => k.retiredAt === null);
}
