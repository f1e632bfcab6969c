// How PROXIMITY_RULE is chosen: a small grid of candidate rules, each scored on every data set; the candidate whose
// worst data set does best wins. Balanced accuracy (the mean of recall and specificity) is the score for the
// threshold, because plain accuracy rewards calling everything close on data sets that are mostly close windows
// (66% and 78% here); the worst mean absolute error then picks the distance slope.
import { PROXIMITY_RULE, proximityRuleDistance, proximityWindowAttenuation } from '../dist/index.js';
import { CLOSE_M } from './metrics.mjs';

export const STATISTICS = ['median', 'upper-quartile', 'upper-decile', 'power-mean'];
const THRESHOLDS_DB = Array.from({ length: 35 }, (_, i) => 30 + i); // 30–64 dB, whole dB
const EXPONENTS = [2, 3, 4];

/** A window's attenuation under one statistic, through the protocol's own function. */
export function statisticOf(attenuations, windowStatistic) {
  return proximityWindowAttenuation(attenuations, { ...PROXIMITY_RULE, windowStatistic });
}

export function candidateRules() {
  return STATISTICS.flatMap((windowStatistic) =>
    THRESHOLDS_DB.map((closeAttenuationDb) => ({ windowStatistic, closeAttenuationDb, closeDistanceM: CLOSE_M, pathLossExponent: 2 })),
  );
}

function balanced(windows, statistic, threshold) {
  let tp = 0, tn = 0, positives = 0;
  for (const w of windows) {
    const close = w.distanceM <= CLOSE_M;
    const saysClose = w.statistics[statistic] <= threshold;
    if (close) positives++;
    if (close && saysClose) tp++;
    if (!close && !saysClose) tn++;
  }
  return (tp / positives + tn / (windows.length - positives)) / 2;
}

function meanAbsoluteError(windows, rule) {
  let sum = 0;
  for (const w of windows) sum += Math.abs(proximityRuleDistance(w.statistics[rule.windowStatistic], rule) - w.distanceM);
  return sum / windows.length;
}

/** The best candidate for these data sets, and a report of the grid (one line per statistic, then the slopes). */
export function selectRule(datasets) {
  const report = [];
  let best;
  for (const statistic of STATISTICS) {
    let bestForStatistic;
    for (const threshold of THRESHOLDS_DB) {
      const scores = datasets.map((d) => balanced(d.windows, statistic, threshold));
      const worst = Math.min(...scores);
      const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
      if (bestForStatistic === undefined || worst > bestForStatistic.worst || (worst === bestForStatistic.worst && mean > bestForStatistic.mean)) {
        bestForStatistic = { statistic, threshold, worst, mean, scores };
      }
    }
    const b = bestForStatistic;
    report.push(
      `${statistic.padEnd(15)} best threshold ${b.threshold} dB: worst balanced accuracy ${(100 * b.worst).toFixed(1)}% ` +
        `(${datasets.map((d, i) => `${d.name} ${(100 * b.scores[i]).toFixed(1)}%`).join(', ')})`,
    );
    if (best === undefined || b.worst > best.worst) best = b;
  }
  let rule;
  for (const pathLossExponent of EXPONENTS) {
    const candidate = { windowStatistic: best.statistic, closeAttenuationDb: best.threshold, closeDistanceM: CLOSE_M, pathLossExponent };
    const maes = datasets.map((d) => meanAbsoluteError(d.windows, candidate));
    report.push(`  slope n = ${pathLossExponent}: MAE ${datasets.map((d, i) => `${d.name} ${maes[i].toFixed(2)} m`).join(', ')}`);
    const worst = Math.max(...maes);
    if (rule === undefined || worst < rule.worst) rule = { ...candidate, worst };
  }
  const { worst: _worst, ...chosen } = rule;
  return { rule: chosen, report };
}
