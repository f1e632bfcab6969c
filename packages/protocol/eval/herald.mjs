// Leave-one-pair-out evaluation of the proximity model on the Herald robot data.
//
//   npx tsc -b packages/protocol && node packages/protocol/eval/herald.mjs [--data DIR] [--quantile 0.5]
//
// For each phone pair: fit on every other pair, estimate the distance of each one-minute window of the held-out
// pair, and score the mean absolute distance error and the close (≤ 2 m) / far decision. See README.md.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_PROXIMITY_CALIBRATION,
  findProximityDeviceCalibration,
  fitProximityDeviceOffsets,
  fitProximityPathLoss,
  proximityDistanceFromAttenuation,
  proximityQuantileOfSorted,
} from '../dist/index.js';
import { HERALD_PHONE_MODELS, heraldRecordings, heraldWindows } from './herald-data.mjs';

const CLOSE_M = 2;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = resolve(option('--data', resolve(repoRoot, '../shared/data/herald-edison-rssi')));
const quantile = Number(option('--quantile', '0.5'));
if (!existsSync(resolve(dataDir, 'metadata.csv'))) {
  console.log(`skipped: Herald data not found at ${dataDir} (pass --data DIR)`);
  process.exit(0);
}

const manufacturerOf = (phone) => {
  const model = HERALD_PHONE_MODELS[phone] ?? phone;
  return model.startsWith('iPhone') ? 'Apple' : (findProximityDeviceCalibration(model)?.manufacturer ?? (model.startsWith('Pixel') ? 'Google' : 'unknown'));
};
// Rows of the table that were themselves fitted on this data (source "herald") are left out: a held-out pair must
// not see its own measurements. The evaluated table is the Exposure Notification and OpenTrace rows alone.
const calibrationOf = (phone) => {
  const row = findProximityDeviceCalibration(HERALD_PHONE_MODELS[phone] ?? phone);
  return row !== undefined && row.source !== 'herald' ? row : DEFAULT_PROXIMITY_CALIBRATION;
};

// Windows of every recording, each with the attenuations the methods need.
const started = Date.now();
const windows = [];
for (const recording of heraldRecordings(dataDir)) {
  const rx = calibrationOf(recording.receiver);
  const tx = calibrationOf(recording.sender);
  for (const w of heraldWindows(dataDir, recording)) {
    const rssi = proximityQuantileOfSorted(w.rssi, quantile);
    windows.push({
      pair: recording.pair,
      receiver: recording.receiver,
      sender: recording.sender,
      distanceM: w.distanceM,
      rssi,
      rawAttenuationDb: -rssi,
      attenuationDb: tx.txPowerDbm - (rssi + rx.rssiCorrectionDb),
    });
  }
}

/** The methods compared: each fits on training windows and returns a distance estimator for a window. */
const methods = {
  // Baseline: no calibration at all (attenuation = −RSSI), one path-loss curve for every phone.
  uncalibrated: (train) => {
    const model = fitProximityPathLoss(train.map((w) => ({ attenuationDb: w.rawAttenuationDb, distanceM: w.distanceM })));
    return (w) => proximityDistanceFromAttenuation(w.rawAttenuationDb, model);
  },
  // The shipped model: calibration table (Exposure Notification / OpenTrace) and a fitted path-loss curve.
  table: (train) => {
    const model = fitProximityPathLoss(train.map((w) => ({ attenuationDb: w.attenuationDb, distanceM: w.distanceM })));
    return (w) => proximityDistanceFromAttenuation(w.attenuationDb, model);
  },
  // Table plus per-model corrections learnt from the training pairs (a phone never seen keeps its table value).
  'table+fitted': (train) => {
    const { pathLoss, offsets } = fitProximityDeviceOffsets(
      train.map((w) => ({ attenuationDb: w.attenuationDb, distanceM: w.distanceM, receiver: w.receiver, sender: w.sender })),
    );
    // A phone absent from training gets the mean correction of its manufacturer's phones that were there, as the
    // Exposure Notification list falls back to "sister devices" and then to the manufacturer (microG DeviceInfo.kt).
    const offset = (map, phone) => {
      if (map.has(phone)) return map.get(phone);
      const sisters = [...map].filter(([other]) => manufacturerOf(other) === manufacturerOf(phone)).map(([, v]) => v);
      return sisters.length === 0 ? 0 : sisters.reduce((a, b) => a + b, 0) / sisters.length;
    };
    return (w) =>
      proximityDistanceFromAttenuation(
        w.attenuationDb + offset(offsets.tx, w.sender) - offset(offsets.rx, w.receiver),
        pathLoss,
      );
  },
};

const pairs = [...new Set(windows.map((w) => w.pair))].sort();
const scores = Object.fromEntries(Object.keys(methods).map((m) => [m, []]));
const rows = [];
for (const pair of pairs) {
  const train = windows.filter((w) => w.pair !== pair);
  const test = windows.filter((w) => w.pair === pair);
  const row = { pair, windows: test.length };
  for (const [name, fit] of Object.entries(methods)) {
    const estimate = fit(train);
    let absError = 0;
    let correct = 0;
    for (const w of test) {
      const d = estimate(w);
      const error = Math.abs(d - w.distanceM);
      absError += error;
      if (d <= CLOSE_M === w.distanceM <= CLOSE_M) correct += 1;
      scores[name].push({ error, correct: d <= CLOSE_M === w.distanceM <= CLOSE_M });
    }
    row[name] = { mae: absError / test.length, accuracy: correct / test.length };
  }
  rows.push(row);
}

// Herald's own linear fit over all their data (distance = −17.1021 − 0.2668 · median RSSI): in-sample, for scale only.
const heraldLinear = windows.map((w) => {
  const d = Math.max(0, -17.1021 - 0.2668 * w.rssi);
  return { error: Math.abs(d - w.distanceM), correct: d <= CLOSE_M === w.distanceM <= CLOSE_M };
});

const names = Object.keys(methods);
const f2 = (x) => x.toFixed(2).padStart(6);
const pct = (x) => `${(100 * x).toFixed(1).padStart(5)}%`;
const median = (xs) => proximityQuantileOfSorted(Float64Array.from(xs).sort(), 0.5);
console.log(`Herald robot data: ${windows.length} one-minute windows, ${pairs.length} phone pairs, window statistic: quantile ${quantile} of RSSI`);
console.log('Leave-one-pair-out. MAE = mean absolute distance error (m); acc = close (≤ 2 m) / far accuracy per window.\n');
console.log(`${'pair'.padEnd(24)} ${'windows'.padStart(7)}  ${names.map((n) => `${n.padStart(12)} MAE    acc`).join('  ')}`);
for (const row of rows) {
  console.log(
    `${row.pair.padEnd(24)} ${String(row.windows).padStart(7)}  ${names
      .map((n) => `${' '.repeat(10)}${f2(row[n].mae)} ${pct(row[n].accuracy)}`)
      .join('  ')}`,
  );
}
const overall = (list) => ({
  mae: list.reduce((s, x) => s + x.error, 0) / list.length,
  medianAe: median(list.map((x) => x.error)),
  accuracy: list.filter((x) => x.correct).length / list.length,
});
console.log('');
for (const name of names) {
  const o = overall(scores[name]);
  const macro = rows.reduce((s, r) => s + r[name].mae, 0) / rows.length;
  const macroAcc = rows.reduce((s, r) => s + r[name].accuracy, 0) / rows.length;
  console.log(
    `${name.padEnd(14)} all windows: MAE ${o.mae.toFixed(3)} m, median AE ${o.medianAe.toFixed(3)} m, acc@2m ${pct(o.accuracy)};` +
      ` mean over pairs: MAE ${macro.toFixed(3)} m, acc@2m ${pct(macroAcc)}`,
  );
}
const h = overall(heraldLinear);
console.log(`${'herald-linear'.padEnd(14)} all windows: MAE ${h.mae.toFixed(3)} m, median AE ${h.medianAe.toFixed(3)} m, acc@2m ${pct(h.accuracy)} (published fit, in-sample)`);
const all = fitProximityDeviceOffsets(
  windows.map((w) => ({ attenuationDb: w.attenuationDb, distanceM: w.distanceM, receiver: w.receiver, sender: w.sender })),
);
// The fit is free to move every tx correction by c and the 1 m attenuation by −c. Anchor it so that the phones
// with an Exposure Notification row keep, on average, their published tx: the table then stays on one scale.
const anchored = [...all.offsets.tx].filter(([phone]) => calibrationOf(phone).source === 'en');
const shift = anchored.reduce((s, [, v]) => s + v, 0) / anchored.length;
console.log(
  `\nfit on all pairs, table+fitted, anchored to the en rows (tx shift ${shift.toFixed(1)} dB): attenuationAt1mDb ${(all.pathLoss.attenuationAt1mDb - shift).toFixed(1)}, pathLossExponent ${all.pathLoss.pathLossExponent.toFixed(2)}`,
);
for (const phone of [...new Set([...all.offsets.tx.keys(), ...all.offsets.rx.keys()])].sort()) {
  const base = calibrationOf(phone);
  const tx = base.txPowerDbm + (all.offsets.tx.get(phone) ?? 0) - shift;
  const rx = base.rssiCorrectionDb + (all.offsets.rx.get(phone) ?? 0);
  console.log(`  ${phone.padEnd(12)} ${(HERALD_PHONE_MODELS[phone] ?? phone).padEnd(15)} txPowerDbm ${tx.toFixed(1).padStart(6)}  rssiCorrectionDb ${rx.toFixed(1).padStart(6)}`);
}
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
