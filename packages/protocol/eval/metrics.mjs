// Scores of distance estimates against the truth, per one-minute window. "Close" means within 2 m, both for the
// truth (the distance the phones were set at) and for the estimate.

export const CLOSE_M = 2;

/**
 * AUC: the probability that a random close window gets a lower score (a shorter distance, a weaker attenuation) than
 * a random far one, ties counting half (Mann–Whitney U / (n_close · n_far)). 0.5 is a coin, 1 a perfect ranking. It
 * ignores where the threshold sits, so it tells how well a method discriminates apart from how it is calibrated.
 */
export function auc(scores, close) {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSumFar = 0;
  let far = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j) / 2 + 1; // average rank of ties
    for (let k = i; k <= j; k++) {
      if (close[order[k]]) continue;
      rankSumFar += rank;
      far++;
    }
    i = j + 1;
  }
  const near = order.length - far;
  if (near === 0 || far === 0) return Number.NaN;
  // Far windows should rank above close ones; U_far counts the (close, far) pairs ordered that way.
  return (rankSumFar - (far * (far + 1)) / 2) / (near * far);
}

/**
 * Every figure of one method on a set of windows. `estimates[i]` = { distanceM (as reported, capped), score (any
 * number that grows with the estimated distance, before any cap) }.
 */
export function scoreWindows(windows, estimates) {
  const close = windows.map((w) => w.distanceM <= CLOSE_M);
  let absError = 0;
  let truePositive = 0;
  let trueNegative = 0;
  estimates.forEach((e, i) => {
    absError += Math.abs(e.distanceM - windows[i].distanceM);
    const saysClose = e.distanceM <= CLOSE_M;
    if (saysClose && close[i]) truePositive++;
    if (!saysClose && !close[i]) trueNegative++;
  });
  const positives = close.filter(Boolean).length;
  const negatives = close.length - positives;
  const recall = truePositive / positives;
  const specificity = trueNegative / negatives;
  return {
    windows: windows.length,
    mae: absError / windows.length,
    accuracy: (truePositive + trueNegative) / windows.length,
    auc: auc(estimates.map((e) => e.score), close),
    recall,
    specificity,
    balanced: (recall + specificity) / 2,
  };
}
