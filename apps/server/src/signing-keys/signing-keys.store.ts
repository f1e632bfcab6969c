import { isUniqueViolation } from '../db/database.js';
import { Store } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { SigningKeyRecord } from './signing-keys.model.js';
import type { SigningKeysRepository } from './signing-keys.service.js';

export class SigningKeysStore extends Store implements SigningKeysRepository {
  /** Stores the sealed private half of a key made before the keys moved into the database. */
  async sealPrivateKey(keyId: string, version: string, sealed: string): Promise<void> {
    await this.db.updateTable('signing_keys').set({ private_key_sealed: sealed }).where('key_id', '=', keyId).where('version', '=', version).where('private_key_sealed', 'is', null).execute();
  }

  async list(keyId: string): Promise<SigningKeyRecord[]> {
    const rows = await this.db.selectFrom('signing_keys').selectAll().where('key_id', '=', keyId).orderBy('id').execute();
    return rows.map((r) => ({
      keyId: r.key_id,
      version: r.version,
      algorithm: r.algorithm,
      publicKeyPem: r.public_key_pem,
      createdAt: r.created_at,
      activatedAt: r.activated_at,
      retiredAt: r.retired_at,
      privateKeySealed: r.private_key_sealed,
    }));
  }

  /**
   * Adds `key` as the active key and retires every other active key of its id, in one transaction, calling `keep`
   * (which saves the private key, in a file or sealed for the row) inside it: the key is active only if its private
   * half was saved, and its file is written only by the process that won its (id, version). A key with the same
   * (id, version) already there (another process made it at the same moment) is `conflict`.
   */
  async activate(key: SigningKeyRecord, keep: () => string | null): Promise<void> {
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('signing_keys')
          .set({ retired_at: key.activatedAt })
          .where('key_id', '=', key.keyId)
          .where('retired_at', 'is', null)
          .execute();
        await tx
          .insertInto('signing_keys')
          .values({
            key_id: key.keyId,
            version: key.version,
            algorithm: key.algorithm,
            public_key_pem: key.publicKeyPem,
            created_at: key.createdAt,
            activated_at: key.activatedAt,
            retired_at: null,
            private_key_sealed: null,
          })
          .execute();
        // Only after the insert won (id, version): a losing process must not overwrite the winner's key file.
        const sealed = keep();
        if (sealed !== null) {
          await tx.updateTable('signing_keys').set({ private_key_sealed: sealed }).where('key_id', '=', key.keyId).where('version', '=', key.version).execute();
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `signing key ${key.keyId} ${key.version} already exists`);
      throw error;
    }
  }
}
