// Evaluation of the proximity rule on two independent data sets, each held out from what is fitted on the other.
//
//   npm run eval:proximity -- [--data DIR]        (or BLUEZONE_EVAL_DATA=DIR; default ../shared/data beside the repo)
//
// DIR holds herald-edison-rssi/ (robot, line of sight) and ng-body-rssi/ (people, phones in hand, pocket or bag).
// Every figure is per one-minute window at a known distance; see README.md beside this file for what each means.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PROXIMITY_MAX_ESTIMATED_DISTANCE_M,
  PROXIMITY_RULE,
  classifyCloseContact,
  proximityContactWeight,
  fitProximityDeviceOffsets,
  fitProximityPathLoss,
  proximityDistanceFromAttenuation,
  proximityRuleDistance,
  proximityWindowAttenuation,
  resolveProximityCalibration,
} from '../dist/index.js';
import { heraldDatasetWindows, heraldRecordings, heraldStays, HERALD_PHONE_MODELS } from './herald-data.mjs';
import { ngPositions, ngWindows } from './ng-body-data.mjs';
import { CLOSE_M, scoreWindows } from './metrics.mjs';
import { selectRule, statisticOf, STATISTICS } from './rule-selection.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataRoot = resolve(option('--data', process.env.BLUEZONE_EVAL_DATA ?? join(repoRoot, '../shared/data')));
const sources = [
  ['herald', join(dataRoot, 'herald-edison-rssi'), 'metadata.csv', heraldDatasetWindows],
  ['ng-body', join(dataRoot, 'ng-body-rssi'), 'RSS_humanHH.csv', ngWindows],
];
const missing = sources.filter(([, dir, probe]) => !existsSync(join(dir, probe)));
if (missing.length > 0) {
  console.log(`skipped: ${missing.map(([name, dir]) => `${name} not found at ${dir}`).join('; ')} (pass --data DIR)`);
  process.exit(0);
}

const started = Date.now();
// Each window gets the calibration its phones' names get in use, and its attenuations under every statistic.
const calibrations = new Map();
const calibrationOf = (name) => {
  if (!calibrations.has(name)) calibrations.set(name, resolveProximityCalibration(name));
  return calibrations.get(name);
};
const datasets = sources.map(([name, dir, , load]) => {
  const windows = load(dir).map((w) => {
    const rx = calibrationOf(w.receiver);
    const tx = calibrationOf(w.sender);
    const attenuations = Array.from(w.rssi, (rssi) => tx.txPowerDbm - (rssi + rx.rssiCorrectionDb)).sort((a, b) => a - b);
    const statistics = Object.fromEntries(STATISTICS.map((s) => [s, statisticOf(attenuations, s)]));
    return { ...w, attenuations, statistics, medianRssi: quantile(w.rssi, 0.5) };
  });
  return { name, windows };
});

function quantile(sorted, q) {
  const position = (sorted.length - 1) * q;
  const low = sorted[Math.floor(position)];
  return low + (sorted[Math.ceil(position)] - low) * (position - Math.floor(position));
}
const cap = (d) => Math.min(PROXIMITY_MAX_ESTIMATED_DISTANCE_M, d);

/**
 * The methods compared. `fit(train)` returns an estimator of a window: { distanceM (capped at 10 m, as reported),
 * score (grows with distance, before the cap: what AUC ranks) }. Methods marked fixed ignore their training data.
 */
const methods = [
  {
    name: 'textbook (floor)',
    fixed: true,
    // −62 dBm at 1 m, exponent 2, on the median RSSI of the minute, no calibration: chosen without looking at data.
    fit: () => (w) => ({ distanceM: cap(10 ** ((-62 - w.medianRssi) / 20)), score: -w.medianRssi }),
  },
  {
    name: 'constant 2 m',
    fixed: true,
    // Says "2 m, close" for everything: the accuracy a rule gets by calling every window close.
    fit: () => () => ({ distanceM: CLOSE_M, score: 0 }),
  },
  {
    name: 'per-model fit (before)',
    fixed: false,
    // What shipped before: median, table, and a path-loss curve fitted together with a correction per phone model.
    fit: (train) => {
      const { pathLoss, offsets } = fitProximityDeviceOffsets(
        train.map((w) => ({ attenuationDb: w.statistics.median, distanceM: w.distanceM, receiver: w.receiver, sender: w.sender })),
      );
      return (w) => {
        const a = w.statistics.median + (offsets.tx.get(w.sender) ?? 0) - (offsets.rx.get(w.receiver) ?? 0);
        return { distanceM: cap(proximityDistanceFromAttenuation(a, pathLoss)), score: a };
      };
    },
  },
  {
    name: 'fitted curve',
    fixed: false,
    // The shipped statistic and table, with the two path-loss numbers fitted on the training data.
    fit: (train) => {
      const s = PROXIMITY_RULE.windowStatistic;
      const pathLoss = fitProximityPathLoss(train.map((w) => ({ attenuationDb: w.statistics[s], distanceM: w.distanceM })));
      return (w) => ({ distanceM: cap(proximityDistanceFromAttenuation(w.statistics[s], pathLoss)), score: w.statistics[s] });
    },
  },
  {
    name: 'shipped rule',
    fixed: true,
    // Exactly what ships: the protocol's functions with PROXIMITY_RULE.
    fit: () => (w) => {
      const a = proximityWindowAttenuation(w.attenuations);
      return { distanceM: proximityRuleDistance(a), score: a };
    },
  },
];

const groupsOf = (windows) => [...new Set(windows.map((w) => w.group))].sort();
/** Leave one group (Herald phone pair, body-position session) out: fit on the others, estimate the one left out. */
function leaveOneGroupOut(method, windows) {
  if (method.fixed) {
    const estimate = method.fit([]);
    return windows.map(estimate);
  }
  const estimates = new Array(windows.length);
  for (const group of groupsOf(windows)) {
    const estimate = method.fit(windows.filter((w) => w.group !== group));
    windows.forEach((w, i) => {
      if (w.group === group) estimates[i] = estimate(w);
    });
  }
  return estimates;
}

const f2 = (x) => x.toFixed(2);
const pct = (x) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
const row = (cells) => `| ${cells.join(' | ')} |`;
const header = ['method', 'MAE (m)', 'acc@2m', 'AUC', 'recall', 'specificity', 'balanced'];
// A group with no far (or no close) window has no AUC, specificity or balanced accuracy: shown as "–".
const figures = (s) => [f2(s.mae), pct(s.accuracy), Number.isNaN(s.auc) ? '–' : s.auc.toFixed(3), pct(s.recall), pct(s.specificity), pct(s.balanced)];
const printTable = (rows) => {
  console.log(row(header));
  console.log(row(header.map((_, i) => (i === 0 ? '---' : '---:'))));
  for (const [name, s] of rows) console.log(row([name, ...figures(s)]));
};

for (const { name, windows } of datasets) {
  const close = windows.filter((w) => w.distanceM <= CLOSE_M).length;
  console.log(
    `\n## ${name}: ${windows.length} one-minute windows, ${groupsOf(windows).length} groups, ${pct(close / windows.length)} within 2 m` +
      `\nFitted methods: leave one ${name === 'herald' ? 'phone pair' : 'session'} out; fixed methods: as they are.\n`,
  );
  printTable(methods.map((m) => [m.fixed ? m.name : `${m.name} (held-out ${name === 'herald' ? 'pair' : 'session'})`, scoreWindows(windows, leaveOneGroupOut(m, windows))]));
}

console.log('\n## Leave one data set out: fitted on one data set, scored on the other\n');
const lodo = [];
for (const test of datasets) {
  for (const train of datasets.filter((d) => d !== test)) {
    for (const m of methods) {
      const estimate = m.fit(m.fixed ? [] : train.windows);
      lodo.push([`${m.name}${m.fixed ? '' : `, fitted on ${train.name}`} → ${test.name}`, scoreWindows(test.windows, test.windows.map(estimate))]);
    }
  }
}
printTable(lodo);

// How the shipped numbers were chosen, and whether choosing them on one data set alone would have carried over.
console.log('\n## Choosing the rule: every candidate, scored on both data sets; the one whose worst data set does best\n');
const selection = selectRule(datasets);
for (const line of selection.report) console.log(line);
const shipped = PROXIMITY_RULE;
const same = ['windowStatistic', 'closeAttenuationDb', 'pathLossExponent'].every((k) => selection.rule[k] === shipped[k]);
console.log(
  `\nselected: ${JSON.stringify(selection.rule)}; shipped PROXIMITY_RULE: ${JSON.stringify(shipped)}` +
    (same ? ' (the same)' : '  ← DIFFERENT: update rule.ts or explain why'),
);
console.log('\nThe same choice made on one data set alone, scored on the other (leave one data set out for the choice itself):\n');
const choiceRows = [];
for (const test of datasets) {
  for (const train of datasets.filter((d) => d !== test)) {
    const chosen = selectRule([train]).rule;
    const estimates = test.windows.map((w) => {
      const a = w.statistics[chosen.windowStatistic];
      return { distanceM: proximityRuleDistance(a, chosen), score: a };
    });
    choiceRows.push([`chosen on ${train.name} (${chosen.windowStatistic}, ${chosen.closeAttenuationDb} dB, n ${chosen.pathLossExponent}) → ${test.name}`, scoreWindows(test.windows, estimates)]);
  }
}
printTable(choiceRows);

console.log('\n## Shipped rule by group: where it works and where it fails\n');
for (const { name, windows } of datasets) {
  const estimate = methods.find((m) => m.name === 'shipped rule').fit([]);
  printTable(
    groupsOf(windows).map((g) => {
      const ws = windows.filter((w) => w.group === g);
      return [`${name} ${name === 'ng-body' ? `${g} (${ngPositions(g)})` : g}`, scoreWindows(ws, ws.map(estimate))];
    }),
  );
  console.log('');
}

// Phones that scan in short bursts see a few readings a minute, not dozens: keep 3 readings drawn at random.
console.log('## Missed scans: the shipped rule when a window keeps only 3 of its readings, drawn at random\n');
let seed = 1;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31); // fixed seed: same figures each run
const thin = (w) => {
  const pool = [...w.attenuations];
  return Array.from({ length: Math.min(3, pool.length) }, () => pool.splice(Math.floor(random() * pool.length), 1)[0]);
};
printTable(
  datasets.map(({ name, windows }) => [
    `${name}, 3 readings a window`,
    scoreWindows(windows, windows.map((w) => {
      const a = proximityWindowAttenuation(thin(w));
      return { distanceM: proximityRuleDistance(a), score: a };
    })),
  ]),
);

// Half weight: windows between 2 and 3 m by the rule count half a minute towards the 15 (as the risk preset does).
console.log('\n## Weights: share of windows the shipped rule counts fully (weight 1) and at least half (weight ≥ ½)\n');
console.log(row(['data set', 'close windows, weight 1', 'close, weight ≥ ½', 'far windows, weight 1', 'far, weight ≥ ½']));
console.log(row(['---', '---:', '---:', '---:', '---:']));
for (const { name, windows } of datasets) {
  const weights = windows.map((w) => proximityContactWeight(proximityWindowAttenuation(w.attenuations)));
  const share = (closeSide, test) => {
    const idx = windows.map((w, i) => i).filter((i) => (windows[i].distanceM <= CLOSE_M) === closeSide);
    return pct(idx.filter((i) => test(weights[i])).length / idx.length);
  };
  console.log(row([name, share(true, (x) => x === 1), share(true, (x) => x >= 0.5), share(false, (x) => x === 1), share(false, (x) => x >= 0.5)]));
}

// Whole contacts through classifyCloseContact, the code `bluezone proximity classify` runs: every stay of a Herald
// recording at one distance that lasted 15 minutes or more is one contact, close when the distance was ≤ 2 m.
console.log('\n## Whole contacts: Herald stays of 15 minutes or more at one distance, through classifyCloseContact\n');
const herald = join(dataRoot, 'herald-edison-rssi');
const contacts = [];
for (const recording of heraldRecordings(herald)) {
  const receiver = calibrationOf(HERALD_PHONE_MODELS[recording.receiver] ?? recording.receiver);
  const sender = calibrationOf(HERALD_PHONE_MODELS[recording.sender] ?? recording.sender);
  for (const stay of heraldStays(herald, recording)) {
    const minutes = (stay.readings.at(-1).timestampS - stay.readings[0].timestampS) / 60;
    if (minutes < 15 || !stay.readings.some((r) => r.rssi !== 127 && r.rssi !== 0)) continue;
    const shipped = classifyCloseContact(stay.readings, { receiver, sender });
    // The floor through the same code: attenuation = −RSSI, median, 2 m at 62 + 20·log10 2 dB, counted unweighted.
    const floorRule = { windowStatistic: 'median', closeAttenuationDb: 62 + 20 * Math.log10(2), closeDistanceM: 2, pathLossExponent: 2 };
    const floor = classifyCloseContact(stay.readings, { receiver: { txPowerDbm: 0, rssiCorrectionDb: 0 }, sender: { txPowerDbm: 0, rssiCorrectionDb: 0 }, rule: floorRule });
    contacts.push({ close: stay.distanceM <= CLOSE_M, weighted: shipped.closeContact, unweighted: shipped.closeMinutes >= 15, floor: floor.closeMinutes >= 15 });
  }
}
console.log(row(['decision', 'contacts', 'accuracy', 'recall', 'specificity', 'balanced']));
console.log(row(['---', '---:', '---:', '---:', '---:', '---:']));
for (const [label, key] of [['textbook (floor), 15 close minutes', 'floor'], ['shipped rule, 15 close minutes', 'unweighted'], ['shipped rule, 15 weighted minutes (shipped)', 'weighted']]) {
  const tp = contacts.filter((c) => c.close && c[key]).length;
  const tn = contacts.filter((c) => !c.close && !c[key]).length;
  const positives = contacts.filter((c) => c.close).length;
  const recall = tp / positives;
  const specificity = tn / (contacts.length - positives);
  console.log(row([label, String(contacts.length), pct((tp + tn) / contacts.length), pct(recall), pct(specificity), pct((recall + specificity) / 2)]));
}

// Two ideas measured and not kept; see README.md ("What did not work").
console.log('\n## Also measured, not kept\n');
console.log(row(['idea', ...datasets.map((d) => d.name)]));
console.log(row(['---', ...datasets.map(() => '---:')]));
const strongest = (attenuations) => ({ distanceM: proximityRuleDistance(attenuations[0]), score: attenuations[0] });
console.log(row(['strongest reading of the minute (max RSSI) at 44 dB: recall with all readings / with 3', ...datasets.map(({ windows }) => {
  const all = scoreWindows(windows, windows.map((w) => strongest(w.attenuations)));
  const few = scoreWindows(windows, windows.map((w) => strongest([...thin(w)].sort((a, b) => a - b))));
  return `${pct(all.recall)} / ${pct(few.recall)}`;
})]));
console.log(row(['readings in the minute (missed scans) as a sign of distance: AUC', ...datasets.map(({ windows }) =>
  scoreWindows(windows, windows.map((w) => ({ distanceM: 0, score: -w.rssi.length }))).auc.toFixed(3))]));

console.log('\nCalibration the phones of each data set got (as `bluezone proximity classify` would give them):');
for (const [name, c] of calibrations) console.log(`  ${name}: ${c.basis} (${c.confidence}; tx ${c.txPowerDbm} dBm, rssi correction ${c.rssiCorrectionDb} dB)`);
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
