/**
 * Where the phone keeps its secrets: its daily keys (TEKs) and an upload that has not finished. On the phone this
 * is the system keystore (expo-secure-store: Android Keystore, iOS Keychain); in the web demo, the tab's
 * sessionStorage; in tests, memory.
 */
export interface SecretStorage {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  remove(name: string): Promise<void>;
}

export class MemorySecretStorage implements SecretStorage {
  readonly values = new Map<string, string>();

  async get(name: string): Promise<string | null> {
    return this.values.get(name) ?? null;
  }

  async set(name: string, value: string): Promise<void> {
    this.values.set(name, value);
  }

  async remove(name: string): Promise<void> {
    this.values.delete(name);
  }
}

/** The names in use, so "delete all my data" removes every one. */
export const SECRET_NAMES = ['bluezone.teks', 'bluezone.pendingUpload', 'bluezone.publishedKeys'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
