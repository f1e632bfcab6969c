// Rebuilds src/units/data/vn-units.json from the upstream list (thanglequoc/vietnamese-provinces-database JSON export):
//   node apps/server/scripts/compact-units.mjs path/to/vn-units-YYYY-MM-DD.json > apps/server/src/units/data/vn-units.json
// Keeps only the fields the server uses, as arrays, to halve the size; see src/units/data/SOURCE.md.
import { readFileSync } from 'node:fs';

const source = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function wardLevel(fullName) {
  const lower = fullName.toLowerCase();
  if (lower.startsWith('phường ')) return 'ward';
  if (lower.startsWith('xã ')) return 'commune';
  if (lower.startsWith('đặc khu ')) return 'special_zone';
  throw new Error(`unknown unit kind: ${fullName}`);
}

// Upstream spells one commune "xã Bắc Sơn" (lower case): capitalise the first letter so lists read the same.
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

const provinces = source.map((p) => [
  p.Code,
  p.Name,
  p.NameEn,
  p.FullName,
  p.FullNameEn,
  p.Wards.map((w) => [w.Code, w.Name, w.NameEn, capitalise(w.FullName), w.FullNameEn, wardLevel(w.FullName)]),
]);

const out = {
  source: 'thanglequoc/vietnamese-provinces-database, JSON export of 2026-07-25 (MIT)',
  fields: {
    province: ['code', 'name', 'nameEn', 'fullName', 'fullNameEn', 'units'],
    unit: ['code', 'name', 'nameEn', 'fullName', 'fullNameEn', 'level'],
  },
  provinces,
};
// One province per line: small diffs when the list is updated.
process.stdout.write(
  '{"source":' + JSON.stringify(out.source) + ',\n"fields":' + JSON.stringify(out.fields) + ',\n"provinces":[\n' +
    provinces.map((p) => JSON.stringify(p)).join(',\n') + '\n]}\n',
);
