// Loads the Herald robot RSSI data (theheraldproject/herald-analysis, reference-data/rssi-raw-edison, Apache-2.0)
// and cuts it into one-minute windows at a fixed distance, for proximity.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Herald phone names → the model names the phones report (Build.MODEL on Android, the marketing name on iOS). Each
 * gets whatever calibration that name gets in use: its own row, its family's or the default.
 */
export const HERALD_PHONE_MODELS = {
  '4S': 'iPhone 4S',
  Germany: 'iPhone 5S',
  Denmark: 'iPhone 6S',
  Netherlands: 'iPhone 6 Plus',
  '6S+': 'iPhone 6S Plus',
  '8+': 'iPhone 8 Plus',
  X: 'iPhone X',
  P2: 'Pixel 2',
  P3: 'Pixel 3',
  J6: 'SM-J600FN',
  A10: 'SM-A105F',
  A20: 'SM-A205F',
  N8: 'SM-N950F',
  'S9+': 'SM-G965F',
};

/**
 * Test 20210315 (S9+ and P2, 0–340 cm) is in the upstream README's table and its files are in the data set, but not
 * in metadata.csv; this row restores it from the README.
 */
const MISSING_METADATA = [
  { testid: '27', date: '20210315', phoneaname: 'S9+', phonebname: 'P2', durationmins: '4',
    filenamephonea: '20210315-1040-A.csv', filenamephoneb: '20210315-1040-B.csv' },
];

function readCsv(path) {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = header.split(',').map((s) => s.trim());
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v.trim()])));
}

/** The recordings present: one per file, with who received (the file's phone) and who sent (the other phone). */
export function heraldRecordings(dataDir) {
  const tests = [...readCsv(join(dataDir, 'metadata.csv')), ...MISSING_METADATA];
  const recordings = [];
  for (const test of tests) {
    for (const [file, receiver, sender] of [
      [test.filenamephonea, test.phoneaname, test.phonebname],
      [test.filenamephoneb, test.phonebname, test.phoneaname],
    ]) {
      if (!file || !existsSync(join(dataDir, file))) continue;
      recordings.push({
        file,
        receiver,
        sender,
        dwellMinutes: Number(test.durationmins),
        pair: [receiver, sender].sort().join(' + '),
      });
    }
  }
  return recordings;
}

/**
 * One-minute windows of one recording: readings grouped by clock minute (the first 16 characters of
 * "YYYY-MM-DD HH:MM:SS") and distance, so a window never spans a move. Invalid readings (127, 0) are dropped;
 * windows with fewer than minReadings readings are dropped (too few to take a median of).
 * Returns { distanceM, minute, rssi: Float64Array sorted ascending }.
 */
export function heraldWindows(dataDir, recording, minReadings = 3) {
  const text = readFileSync(join(dataDir, recording.file), 'utf8');
  const groups = new Map();
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const c1 = line.indexOf(',');
    const c2 = line.indexOf(',', c1 + 1);
    if (c1 < 0 || c2 < 0) continue;
    const rssi = Number(line.slice(c1 + 1, c2));
    const distance = Number(line.slice(c2 + 1));
    if (!Number.isFinite(rssi) || rssi === 127 || rssi === 0 || !Number.isFinite(distance)) continue;
    const key = `${distance}|${line.slice(0, 16)}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = []));
    group.push(rssi);
  }
  const windows = [];
  for (const [key, values] of groups) {
    if (values.length < minReadings) continue;
    const [distance, minute] = key.split('|');
    windows.push({ distanceM: Number(distance) / 100, minute, rssi: Float64Array.from(values).sort() });
  }
  return windows;
}

/** Every one-minute window of the data set, with its phone pair and the models that received and sent. */
export function heraldDatasetWindows(dataDir) {
  const windows = [];
  for (const recording of heraldRecordings(dataDir)) {
    for (const w of heraldWindows(dataDir, recording)) {
      windows.push({
        dataset: 'herald',
        group: recording.pair,
        receiver: HERALD_PHONE_MODELS[recording.receiver] ?? recording.receiver,
        sender: HERALD_PHONE_MODELS[recording.sender] ?? recording.sender,
        distanceM: w.distanceM,
        rssi: w.rssi,
      });
    }
  }
  return windows;
}

/**
 * The stays of one recording at one distance, as series of timestamped readings: what a contact between the two
 * phones would give `classifyCloseContact`. A stay ends where the distance changes or readings stop for 2 minutes.
 * Returns { distanceM, readings: [{ timestampS, rssi }] } in time order.
 */
export function heraldStays(dataDir, recording) {
  const lines = readFileSync(join(dataDir, recording.file), 'utf8').split('\n');
  const stays = [];
  let current;
  for (let i = 1; i < lines.length; i++) {
    const [time, rssiText, distanceText] = lines[i].split(',');
    if (distanceText === undefined) continue;
    const timestampS = Date.parse(`${time.trim().replace(' ', 'T')}Z`) / 1000;
    const rssi = Number(rssiText);
    const distanceM = Number(distanceText) / 100;
    if (!Number.isFinite(timestampS) || !Number.isFinite(rssi) || !Number.isFinite(distanceM)) continue;
    const last = current?.readings.at(-1);
    if (current === undefined || current.distanceM !== distanceM || timestampS - last.timestampS > 120) {
      current = { distanceM, readings: [] };
      stays.push(current);
    }
    current.readings.push({ timestampS, rssi });
  }
  return stays;
}
