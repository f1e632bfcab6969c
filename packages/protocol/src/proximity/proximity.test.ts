import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyCloseContact,
  DEFAULT_PROXIMITY_CALIBRATION,
  findProximityDeviceCalibration,
  fitProximityDeviceOffsets,
  fitProximityPathLoss,
  isValidProximityRssi,
  PROXIMITY_DEVICE_CALIBRATIONS,
  PROXIMITY_MAX_ESTIMATED_DISTANCE_M,
  PROXIMITY_RULE,
  proximityAttenuation,
  proximityAttenuationAtDistance,
  proximityContactWeight,
  proximityDistanceFromAttenuation,
  proximityMedian,
  proximityQuantile,
  proximityRuleAttenuationAt,
  proximityRuleDistance,
  proximityWindowAttenuation,
  resolveProximityCalibration,
  type ProximityReading,
  type ProximityRule,
} from '../index.js';

const model = { attenuationAt1mDb: 40, pathLossExponent: 2 };
const calibration = { txPowerDbm: -20, rssiCorrectionDb: 0 };
/** RSSI at which the shipped rule, with `calibration`, puts distance d. */
const rssiAt = (d: number) => calibration.txPowerDbm - proximityRuleAttenuationAt(d);
const series = (startS: number, minutes: number, distanceM: number, everyS = 10): ProximityReading[] =>
  Array.from({ length: (minutes * 60) / everyS }, (_, i) => ({ timestampS: startS + i * everyS, rssi: rssiAt(distanceM) }));
const classify = (readings: readonly ProximityReading[], extra = {}) =>
  classifyCloseContact(readings, { receiver: calibration, sender: calibration, ...extra });

// Real model strings of both platforms (test-vectors/proximity/SOURCE.md).
const modelNames = readFileSync(new URL('../../test-vectors/proximity/device-model-names.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

describe('attenuation and path loss', () => {
  it('follows the Exposure Notification formula tx − (rssi + correction)', () => {
    expect(proximityAttenuation(-70, -26, 4)).toBe(40);
    expect(() => proximityAttenuation(Number.NaN, -26, 4)).toThrow(/finite/);
  });
  it('treats 127 and 0 as missing readings', () => {
    expect(isValidProximityRssi(127)).toBe(false);
    expect(isValidProximityRssi(0)).toBe(false);
    expect(isValidProximityRssi(-60)).toBe(true);
    expect(isValidProximityRssi(-200)).toBe(false);
  });
  it('inverts the log-distance law: 10·n dB more per decade', () => {
    expect(proximityDistanceFromAttenuation(40, model)).toBeCloseTo(1, 12);
    expect(proximityDistanceFromAttenuation(60, model)).toBeCloseTo(10, 12);
    expect(proximityDistanceFromAttenuation(proximityAttenuationAtDistance(2.5, model), model)).toBeCloseTo(2.5, 12);
    expect(() => proximityDistanceFromAttenuation(40, { attenuationAt1mDb: 40, pathLossExponent: 0 })).toThrow(/pathLossExponent/);
  });
});

describe('robust statistics', () => {
  it('takes interpolated quantiles and the median', () => {
    expect(proximityMedian([-60, -90, -70])).toBe(-70);
    expect(proximityMedian([1, 2, 3, 4])).toBe(2.5);
    expect(proximityQuantile([0, 10], 0.25)).toBe(2.5);
    expect(() => proximityMedian([])).toThrow(/no values/);
    expect(() => proximityQuantile([1], 2)).toThrow(/q must be/);
  });
});

describe('the proximity rule', () => {
  it('puts its close attenuation at 2 m and spreads distance by its slope, capped at 10 m', () => {
    const { closeAttenuationDb, pathLossExponent } = PROXIMITY_RULE;
    expect(proximityRuleDistance(closeAttenuationDb)).toBeCloseTo(2, 12);
    // A decade more attenuation slope is ten times the distance: 20 m, reported as the 10 m that only means "far".
    expect(proximityRuleDistance(closeAttenuationDb + 10 * pathLossExponent)).toBe(PROXIMITY_MAX_ESTIMATED_DISTANCE_M);
    expect(proximityRuleDistance(closeAttenuationDb - 10 * pathLossExponent * Math.log10(2))).toBeCloseTo(1, 12);
    expect(proximityRuleAttenuationAt(2)).toBe(closeAttenuationDb);
    expect(() => proximityRuleAttenuationAt(0)).toThrow(/distanceM/);
  });

  it('takes the mean received power of a window: a body-shadowed reading barely moves it, a median would', () => {
    expect(proximityWindowAttenuation([50])).toBe(50);
    expect(proximityWindowAttenuation([50, 50, 50])).toBeCloseTo(50, 12);
    // Two readings at 40 dB and one 20 dB weaker: the median says 40, the power mean 41.7; the mean would say 46.7.
    expect(proximityWindowAttenuation([40, 60, 40])).toBeCloseTo(40 - 10 * Math.log10((1 + 1 + 0.01) / 3), 12);
    const median: ProximityRule = { ...PROXIMITY_RULE, windowStatistic: 'median' };
    expect(proximityWindowAttenuation([40, 60, 60], median)).toBe(60);
    expect(proximityWindowAttenuation([40, 60, 60])).toBeLessThan(46);
    expect(() => proximityWindowAttenuation([])).toThrow(/at least one/);
    expect(() => proximityWindowAttenuation([40, Number.NaN])).toThrow(/finite/);
  });

  it('weighs time 1 within 2 m, ½ to 3 m and 0 beyond, or around another distance', () => {
    expect(proximityContactWeight(proximityRuleAttenuationAt(1.9))).toBe(1);
    expect(proximityContactWeight(proximityRuleAttenuationAt(2))).toBe(1);
    expect(proximityContactWeight(proximityRuleAttenuationAt(2.9))).toBe(0.5);
    expect(proximityContactWeight(proximityRuleAttenuationAt(3.1))).toBe(0);
    expect(proximityContactWeight(proximityRuleAttenuationAt(2.9), 3)).toBe(1);
    expect(proximityContactWeight(proximityRuleAttenuationAt(1.1), 1)).toBe(0.5);
  });
});

describe('calibration table', () => {
  it('holds Google Exposure Notification rows and OpenTrace measurements with plausible values', () => {
    expect(PROXIMITY_DEVICE_CALIBRATIONS.filter((d) => d.source === 'en')).toHaveLength(551);
    expect(PROXIMITY_DEVICE_CALIBRATIONS.filter((d) => d.source === 'opentrace')).toHaveLength(10);
    for (const d of PROXIMITY_DEVICE_CALIBRATIONS) {
      expect(d.txPowerDbm).toBeGreaterThanOrEqual(-50);
      expect(d.txPowerDbm).toBeLessThanOrEqual(5);
      expect(Math.abs(d.rssiCorrectionDb)).toBeLessThanOrEqual(30);
    }
    expect(DEFAULT_PROXIMITY_CALIBRATION).toEqual({ txPowerDbm: -26, rssiCorrectionDb: 4 });
  });

  it('finds a model by Build.MODEL, marketing name or iOS identifier, with or without the maker', () => {
    expect(findProximityDeviceCalibration('SM-A205F')?.name).toBe('Galaxy A20');
    expect(findProximityDeviceCalibration('samsung galaxy a20')?.model).toBe('SM-A205F');
    expect(findProximityDeviceCalibration('Galaxy S9+')?.name).toBe('Galaxy S9+');
    expect(findProximityDeviceCalibration('galaxy s9 plus')?.name).toBe('Galaxy S9+');
    expect(findProximityDeviceCalibration('SM-G973F')).toMatchObject({ txPowerDbm: -29, rssiCorrectionDb: 2, source: 'en' });
    expect(findProximityDeviceCalibration('iPhone10,3')?.name).toBe('iPhone X');
    expect(findProximityDeviceCalibration('Pixel 2')).toBeUndefined();
  });

  it('falls back in steps: the model, its family, its maker, the default', () => {
    expect(resolveProximityCalibration('SM-G973F')).toMatchObject({ txPowerDbm: -29, rssiCorrectionDb: 2, confidence: 'high' });
    expect(resolveProximityCalibration('SM-G973F').basis).toMatch(/Galaxy S10/);
    // Regional variants of one model share a code base; an unlisted one gets their average.
    expect(resolveProximityCalibration('SM-G973U1')).toMatchObject({ txPowerDbm: -27.5, rssiCorrectionDb: 0.5, confidence: 'medium' });
    expect(resolveProximityCalibration('iPhone 8')).toMatchObject({ confidence: 'medium', basis: expect.stringMatching(/iPhone\*.*Apple/) });
    expect(resolveProximityCalibration('iPhone10,1')).toEqual(resolveProximityCalibration('iPhone 8'));
    expect(resolveProximityCalibration('Galaxy S21')).toMatchObject({ confidence: 'medium', basis: expect.stringMatching(/Galaxy S\*/) });
    expect(resolveProximityCalibration('Redmi Note 9 Pro')).toMatchObject({ confidence: 'medium', basis: expect.stringMatching(/Redmi Note\*/) });
    expect(resolveProximityCalibration('HTC One M9')).toMatchObject({ confidence: 'low', basis: expect.stringMatching(/^HTC: average/) });
    expect(resolveProximityCalibration('gryphonelab')).toMatchObject({ ...DEFAULT_PROXIMITY_CALIBRATION, confidence: 'low' });
    expect(resolveProximityCalibration(undefined)).toMatchObject({ ...DEFAULT_PROXIMITY_CALIBRATION, basis: expect.stringMatching(/^default/) });
  });

  it('answers for every real model name of both platforms, and for nonsense', () => {
    expect(modelNames.length).toBeGreaterThan(100);
    for (const name of [...modelNames, '', ' ', 'x'.repeat(300), 'SM-', 'iPhone,', '\u0000']) {
      const resolved = resolveProximityCalibration(name);
      expect(Number.isFinite(resolved.txPowerDbm) && Number.isFinite(resolved.rssiCorrectionDb), name).toBe(true);
      expect(['high', 'medium', 'low'], name).toContain(resolved.confidence);
      expect(resolved.basis.length, name).toBeGreaterThan(0);
      const result = classifyCloseContact(series(0, 16, 1), { receiver: resolved, sender: resolved });
      expect(result.readings, name).toBe(96);
    }
    const confidences = modelNames.map((n) => resolveProximityCalibration(n).confidence);
    // Most real names are found or placed in a family; only odd ones fall to the maker or the default.
    expect(confidences.filter((c) => c !== 'low').length).toBeGreaterThan(modelNames.length * 0.6);
  });
});

describe('fitting (used by the evaluation)', () => {
  const distances = [0.25, 0.5, 1, 1.5, 2, 3];
  it('recovers the two path-loss parameters and ignores a fading dip', () => {
    const samples = distances.flatMap((d) => [1, 2, 3].map(() => ({ attenuationDb: proximityAttenuationAtDistance(d, model), distanceM: d })));
    samples.push({ attenuationDb: proximityAttenuationAtDistance(1, model) + 25, distanceM: 1 });
    const fit = fitProximityPathLoss(samples);
    expect(fit.attenuationAt1mDb).toBeCloseTo(40, 1);
    expect(fit.pathLossExponent).toBeCloseTo(2, 2);
    expect(() => fitProximityPathLoss([{ attenuationDb: 40, distanceM: 1 }])).toThrow(/two or more distances/);
  });
  it('learns per-model corrections that explain a pair offset', () => {
    const samples = ['quiet', 'loud'].flatMap((sender) =>
      distances.flatMap((d) =>
        Array.from({ length: 20 }, () => ({
          attenuationDb: proximityAttenuationAtDistance(d, model) - (sender === 'loud' ? 8 : 0),
          distanceM: d,
          receiver: 'r',
          sender,
        })),
      ),
    );
    const { offsets, pathLoss } = fitProximityDeviceOffsets(samples, { shrinkage: 1 });
    expect((offsets.tx.get('loud') as number) - (offsets.tx.get('quiet') as number)).toBeCloseTo(8, 0);
    expect(pathLoss.pathLossExponent).toBeCloseTo(2, 1);
  });
});

describe('classifyCloseContact', () => {
  it('counts close minutes and needs the minimum duration', () => {
    const result = classify(series(1_000, 16, 1));
    expect(result).toMatchObject({ closeMinutes: 16, weightedMinutes: 16, durationMinutes: 16, closeContact: true });
    expect(result.estimatedDistanceMedianM).toBeCloseTo(1, 6);
    expect(result.attenuationMedianDb).toBeCloseTo(proximityRuleAttenuationAt(1), 6);
    expect(classify(series(1_000, 14, 1)).closeContact).toBe(false);
  });
  it('never calls a single sighting a contact, and far minutes count nothing', () => {
    expect(classify([{ timestampS: 0, rssi: rssiAt(0.5) }]).closeContact).toBe(false);
    const far = classify(series(0, 30, 4));
    expect(far).toMatchObject({ closeMinutes: 0, weightedMinutes: 0, closeContact: false });
  });
  it('counts 2 to 3 m half, as the risk preset does: 30 minutes there are a close contact, 20 are not', () => {
    expect(classify(series(0, 30, 2.5))).toMatchObject({ closeMinutes: 0, weightedMinutes: 15, closeContact: true });
    expect(classify(series(0, 20, 2.5))).toMatchObject({ weightedMinutes: 10, closeContact: false });
  });
  it('leans on the strong readings of a minute, so body-shadowing dips do not push it far', () => {
    const readings = series(0, 15, 1.5, 5).map((r, i) => (i % 3 === 0 ? { ...r, rssi: r.rssi - 25 } : r));
    expect(classify(readings).closeMinutes).toBe(15);
  });
  it('skips invalid readings and honours per-reading tx power', () => {
    const readings = [...series(0, 15, 1), { timestampS: 30, rssi: 127 }, { timestampS: 31, rssi: 0 }];
    const result = classify(readings);
    expect(result.readings).toBe(90);
    expect(result.skippedReadings).toBe(2);
    // An advertised tx power 30 dB lower makes the same RSSI mean a much shorter path: still close.
    const quieter = series(0, 15, 5).map((r) => ({ ...r, txPowerDbm: -50 }));
    expect(classify(quieter).closeContact).toBe(true);
  });
  it('bridges duty-cycled gaps between close minutes, but not long gaps', () => {
    // One reading every 4 minutes for an hour, all at 1 m: the 61 one-minute buckets from the first scan to the last.
    const sparse = Array.from({ length: 16 }, (_, i) => ({ timestampS: i * 240, rssi: rssiAt(1) }));
    expect(classify(sparse).closeMinutes).toBe(61);
    const gapped = [...series(0, 10, 1), ...series(3_600, 4, 1)];
    expect(classify(gapped)).toMatchObject({ closeMinutes: 14, closeContact: false });
  });
  it('adds up close minutes over separate encounters (cumulative rule)', () => {
    const result = classify([...series(0, 8, 1), ...series(7_200, 8, 1)]);
    expect(result).toMatchObject({ closeMinutes: 16, closeContact: true });
  });
  it('rejects empty input and bad options', () => {
    expect(() => classify([])).toThrow(/no valid RSSI/);
    expect(() => classify([{ timestampS: 0, rssi: 127 }])).toThrow(/no valid RSSI/);
    expect(() => classify(series(0, 1, 1), { maxDistanceM: 0 })).toThrow(/maxDistanceM/);
    expect(() => classify(series(0, 1, 1), { rule: { ...PROXIMITY_RULE, windowStatistic: 'mean' as never } })).toThrow(/window statistic/);
    expect(() => classify([{ timestampS: Number.NaN, rssi: -60 }])).toThrow(/timestampS/);
  });
});
