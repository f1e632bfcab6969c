import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('import nothing but kysely and the database helpers: never live model code, which changes after they ship', () => {
    const dir = new URL('./migrations/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const imports = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.filter((source) => source !== 'kysely' && source !== '../database.js'), file).toEqual([]);
    }
  });
});
