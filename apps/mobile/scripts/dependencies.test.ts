/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const read = (path: string) => JSON.parse(readFileSync(join(__dirname, '..', path), 'utf8')) as { dependencies: Record<string, string> };

describe('the app bundles the repository packages from source', () => {
  // Metro and Jest compile packages/protocol and packages/contract from TypeScript and resolve their imports from
  // this app's node_modules, so their dependencies must be this app's dependencies, in the same ranges.
  it.each(['../../packages/protocol/package.json', '../../packages/contract/package.json'])('has every dependency of %s', (path) => {
    const own = read('package.json').dependencies;
    for (const [name, range] of Object.entries(read(path).dependencies)) expect([name, own[name]]).toEqual([name, range]);
  });
});
