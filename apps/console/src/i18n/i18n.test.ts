import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELD_PROBLEMS } from '../api/contract-values.js';
import { ERROR_CODES, ROLES } from '../api/types.js';
import { en } from './en.js';
import { vi } from './vi.js';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const viKeys = flatten(vi);
const enKeys = flatten(en);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('translations', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect([...enKeys.keys()].sort()).toEqual([...viKeys.keys()].sort());
  });

  it('have no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of viKeys) {
      const other = enKeys.get(key) ?? '';
      expect(text.trim(), `vi ${key}`).not.toBe('');
      expect(other.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('translate every error code the server documents, and the client-side ones', () => {
    for (const code of [...ERROR_CODES, 'network_error', 'unexpected_response']) {
      expect(viKeys.has(`errors.${code}`), code).toBe(true);
    }
  });

  it('word every field problem the contract names', () => {
    for (const problem of FIELD_PROBLEMS) {
      expect(viKeys.has(`fields.problems.${problem}`), problem).toBe(true);
    }
  });

  it('name every role', () => {
    for (const role of ROLES) expect(viKeys.has(`roles.${role}`), role).toBe(true);
  });

  it('hold every literal key the console asks for', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      // t('a.b'), and key: 'a.b' or labelKey: 'a.b' (navigation items, field specs); dynamic keys like
      // t(`roles.${x}`) are checked above.
      for (const match of text.matchAll(/\bt\(\s*'([\w.]+)'|\b(?:key|\w+Key): '([\w.]+)'/g)) used.add(match[1] ?? match[2] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !viKeys.has(key));
    expect(missing).toEqual([]);
  });
});
