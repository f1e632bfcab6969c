import { isUniqueViolation } from '../db/database.js';
import { Store } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { SigningKeyRecord } from './signing-keys.model.js';
import type { SigningKeysRepository } from './signing-keys.service.js';

export class SigningKeysStore extends Store implements SigningKeysRepository {
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
    }));
  }

  /**
   * Adds `key` as the active key and retires every other active key of its id, in one transaction, calling
   * `beforeCommit` (which saves the private key) inside it: the key is active only if its private half was saved,
   * and its file is written only by the process that won its (id, version). A key with the same (id, version)
   * already there (another process made it at the same moment) is `conflict`.
   */
  async activate(key: SigningKeyRecord, beforeCommit: () => void): Promise<void> {
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
        beforeCommit();
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `signing key ${key.keyId} ${key.version} already exists`);
      throw error;
    }
  }
}
