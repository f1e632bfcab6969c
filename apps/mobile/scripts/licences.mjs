// Lists the packages the app ships, each with its version, licence and licence text, into
// src/screens/settings/licences.gen.json, which the Licences screen shows. Run after changing dependencies:
//   node scripts/licences.mjs            exports the Android, iOS and web bundles with source maps into a temporary
//                                        directory (a minute or two) and lists what they hold
//   node scripts/licences.mjs --check [FILE]   fast, for the tests: exits 1 when the file (by default the one
//                                              above) is out of date
//
// What ships: every package with a file in one of the three bundles (each source map names the files Metro put in,
// under their package's directory), so the transitive packages that ship are listed and tooling that never ships
// (the Expo CLI's commands, Babel, Metro) is not; and every runtime dependency of package.json, since Expo links the
// native code of each module it finds there whether or not its JavaScript is imported. The licence text is the
// package's own LICENSE (or LICENCE, COPYING) file, as MIT, BSD and Apache-2.0 ask to be carried with the copies.
//
// --check cannot bundle in a test's time; it checks what can go stale without a bundle: each listed package is
// installed at its listed version with the same licence and text, and each runtime dependency is listed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'src/screens/settings/licences.gen.json');
const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const PLATFORMS = ['android', 'ios', 'web'];
const LICENCE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;

/** A package as listed: `dir` is its directory under the app (node_modules/…), where its files were found. */
function describe(dir) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? pkg.licenses?.map((l) => l.type).join(' OR ') ?? 'UNKNOWN');
  const file = readdirSync(join(root, dir))
    .filter((name) => LICENCE_FILE.test(name))
    .sort()[0];
  const text = file === undefined ? null : readFileSync(join(root, dir, file), 'utf8').replace(/\r\n/g, '\n').trim();
  return { name: pkg.name, version: pkg.version, license, text, dir };
}

/** The package directories (node_modules/…/<name>) with a file in a source map's `sources`. */
function packageDirs(sources) {
  const dirs = new Set();
  for (const source of sources) {
    const at = source.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const parts = source.slice(at + 'node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    dirs.add(`${source.slice(0, at).replace(/^\/+/, '')}node_modules/${name}`);
  }
  return dirs;
}

function shippedDirs() {
  const out = mkdtempSync(join(tmpdir(), 'bluezone-licences-'));
  try {
    const dirs = new Set();
    for (const platform of PLATFORMS) {
      const dir = join(out, platform);
      const result = spawnSync('npx', ['expo', 'export', '--platform', platform, '--source-maps', '--output-dir', dir], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, EXPO_OFFLINE: '1', EXPO_NO_TELEMETRY: '1' },
      });
      if (result.status !== 0) throw new Error(`expo export --platform ${platform} failed (exit ${result.status})`);
      const maps = join(dir, '_expo/static/js', platform);
      for (const map of readdirSync(maps).filter((name) => name.endsWith('.map'))) {
        for (const d of packageDirs(JSON.parse(readFileSync(join(maps, map), 'utf8')).sources)) dirs.add(d);
      }
    }
    return dirs;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const byName = (a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1);

/**
 * The file: `packages` in name order, each pointing at its text in `texts` (or null), since most packages carry one of
 * a few licence texts that differ only in their copyright line, and each distinct text is kept once.
 */
function render(list) {
  const texts = [];
  const packages = list.map(({ text, ...entry }) => {
    if (text === null) return { ...entry, text: null };
    let at = texts.indexOf(text);
    if (at < 0) at = texts.push(text) - 1;
    return { ...entry, text: at };
  });
  return `${JSON.stringify({ packages, texts }, null, 1)}\n`;
}

const check = process.argv.indexOf('--check');
if (check >= 0) {
  let listed;
  try {
    const file = JSON.parse(readFileSync(process.argv[check + 1] ?? target, 'utf8'));
    listed = file.packages.map((e) => ({ ...e, text: e.text === null ? null : file.texts[e.text] }));
  } catch {
    listed = [];
  }
  const problems = [];
  for (const entry of listed) {
    if (!existsSync(join(root, entry.dir, 'package.json'))) {
      problems.push(`${entry.name}: not installed at ${entry.dir}`);
      continue;
    }
    const now = describe(entry.dir);
    const same = now.name === entry.name && now.version === entry.version && now.license === entry.license && now.text === entry.text;
    if (!same) problems.push(`${entry.name}: now ${now.version} (${now.license}), listed ${entry.version} (${entry.license}), or its licence text changed`);
  }
  for (const name of Object.keys(own.dependencies)) {
    if (!listed.some((e) => e.dir === `node_modules/${name}`)) problems.push(`${name}: a runtime dependency, not listed`);
  }
  if (problems.length > 0) {
    console.error(`licences.gen.json is out of date (run node scripts/licences.mjs):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
} else {
  const dirs = shippedDirs();
  for (const name of Object.keys(own.dependencies)) dirs.add(`node_modules/${name}`);
  const list = [...dirs].map(describe).sort(byName);
  writeFileSync(target, render(list));
  const withoutText = list.filter((e) => e.text === null).map((e) => e.name);
  console.log(`${list.length} packages → ${target}${withoutText.length > 0 ? `; no licence file in: ${withoutText.join(', ')}` : ''}`);
}
