// Rebuilds src/units/data/boundaries/<province>.json, the small map of a province's wards and communes, from the
// upstream GeoJSON folder (thanglequoc/vietnamese-provinces-database, json/geojson/<code>_<name>, one file per unit):
//   node apps/server/scripts/simplify-boundaries.mjs path/to/geojson-20-lang-son 20
// The units are put in one collection first, so simplification sees shared borders once and neighbours stay
// joined; then mapshaper (run with npx, not a dependency of the project) keeps 2% of the vertices, every unit's
// shape, the `code` property only, and three decimals (about 100 m, a third of a pixel on a 400-px map).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [folder, province] = process.argv.slice(2);
if (!folder || !/^\d{2}$/.test(province ?? '')) {
  console.error('usage: simplify-boundaries.mjs GEOJSON_FOLDER PROVINCE_CODE');
  process.exit(2);
}
const features = readdirSync(folder)
  .filter((f) => f.endsWith('.geojson') && !f.startsWith(`${province}_`))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(path.join(folder, f), 'utf8')).features);
const work = mkdtempSync(path.join(tmpdir(), 'bluezone-boundaries-'));
const input = path.join(work, 'units.json');
writeFileSync(input, JSON.stringify({ type: 'FeatureCollection', features }));
const output = fileURLToPath(new URL(`../src/units/data/boundaries/${province}.json`, import.meta.url));
execFileSync('npx', ['--yes', 'mapshaper@0.7', '-i', input, 'snap', '-simplify', '2%', 'keep-shapes', '-filter-fields', 'code', '-o', 'precision=0.001', 'format=geojson', output], {
  stdio: 'inherit',
});
console.error(`${features.length} units → ${output}`);
