// Lists the app's runtime dependencies with their versions and licences, from the installed packages, into
// src/screens/settings/licences.gen.json (shown by the Licences screen). Run after changing dependencies:
//   node scripts/licences.mjs
// `--check` exits 1 when the file is out of date (the tests run it).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const list = Object.keys(own.dependencies)
  .sort()
  .map((name) => {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
    const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see package');
    return { name, version: pkg.version, license };
  });
const text = JSON.stringify(list, null, 2) + '\n';
const target = join(root, 'src/screens/settings/licences.gen.json');
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== text) {
    console.error('licences.gen.json is out of date: run node scripts/licences.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`${list.length} packages → ${target}`);
}
