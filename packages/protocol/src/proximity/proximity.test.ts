import { describe, expect, it } from 'vitest';
import {
  classifyCloseContact,
  DEFAULT_PROXIMITY_CALIBRATION,
  findProximityDeviceCalibration,
  fitProximityDeviceOffsets,
  fitProximityPathLoss,
  isValidProximityRssi,
  PROXIMITY_DEVICE_CALIBRATIONS,
  proximityAttenuation,
  proximityAttenuationAtDistance,
  proximityDistanceFromAttenuation,
  PROXIMITY_MAX_ESTIMATED_DISTANCE_M,
  proximityMedian,
  proximityQuantile,
  requireProximityDeviceCalibration,
  type ProximityReading,
} from '../index.js';

const model = { attenuationAt1mDb: 40, pathLossExponent: 2 };
const calibration = { txPowerDbm: -20, rssiCorrectionDb: 0 };
/** RSSI that gives distance d under `model` and `calibration`. */
const rssiAt = (d: number) => calibration.txPowerDbm - proximityAttenuationAtDistance(d, model);
const series = (startS: number, minutes: number, distanceM: number, everyS = 10): ProximityReading[] =>
  Array.from({ length: (minutes * 60) / everyS }, (_, i) => ({ timestampS: startS + i * everyS, rssi: rssiAt(distanceM) }));
const classify = (readings: readonly ProximityReading[], extra = {}) =>
  classifyCloseContact(readings, { receiver: calibration, sender: calibration, pathLoss: model, ...extra });

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
    // Beyond 10 m the estimate only means "far": 80 dB would be 100 m on the log law.
    expect(proximityDistanceFromAttenuation(80, model)).toBe(PROXIMITY_MAX_ESTIMATED_DISTANCE_M);
    expect(proximityDistanceFromAttenuation(50, model)).toBeLessThan(PROXIMITY_MAX_ESTIMATED_DISTANCE_M);
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

describe('calibration table', () => {
  it('finds a model by code or by name, with or without the manufacturer', () => {
    expect(findProximityDeviceCalibration('SM-A205F')?.name).toBe('Galaxy A20');
    expect(findProximityDeviceCalibration('samsung galaxy a20')?.model).toBe('SM-A205F');
    expect(findProximityDeviceCalibration('Galaxy S9+')?.model).toBe('SM-G965F');
    expect(findProximityDeviceCalibration('Galaxy S9')?.model).toBe('SM-G960F');
    expect(findProximityDeviceCalibration('Nokia 3310')).toBeUndefined();
    expect(() => requireProximityDeviceCalibration('Nokia 3310')).toThrow(/unknown device model/);
  });
  it('has unique model codes and plausible values', () => {
    const codes = PROXIMITY_DEVICE_CALIBRATIONS.map((d) => d.model.toLowerCase());
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of PROXIMITY_DEVICE_CALIBRATIONS) {
      expect(d.txPowerDbm).toBeGreaterThanOrEqual(-50);
      expect(d.txPowerDbm).toBeLessThanOrEqual(0);
      expect(Math.abs(d.rssiCorrectionDb)).toBeLessThanOrEqual(20);
    }
    expect(DEFAULT_PROXIMITY_CALIBRATION).toEqual({ txPowerDbm: -26.5, rssiCorrectionDb: 4 });
  });
});

describe('fitting', () => {
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
    // Phone "loud" sends 8 dB stronger than the table says: its attenuations read 8 dB low.
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
    const loud = offsets.tx.get('loud') as number;
    const quiet = offsets.tx.get('quiet') as number;
    expect(loud - quiet).toBeCloseTo(8, 0);
    expect(pathLoss.pathLossExponent).toBeCloseTo(2, 1);
  });
});

describe('classifyCloseContact', () => {
  it('counts close minutes and needs the minimum duration', () => {
    const result = classify(series(1_000, 16, 1));
    expect(result.closeMinutes).toBe(16);
    expect(result.durationMinutes).toBe(16);
    expect(result.closeContact).toBe(true);
    expect(result.estimatedDistanceMedianM).toBeCloseTo(1, 6);
    expect(classify(series(1_000, 14, 1)).closeContact).toBe(false);
  });
  it('never calls a single sighting a contact, and far minutes are not close', () => {
    expect(classify([{ timestampS: 0, rssi: rssiAt(0.5) }]).closeContact).toBe(false);
    const far = classify(series(0, 30, 4));
    expect(far.closeMinutes).toBe(0);
    expect(far.closeContact).toBe(false);
  });
  it('takes the median per minute, so body-shadowing dips do not push a minute far', () => {
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
    expect(classify(gapped).closeMinutes).toBe(14);
    expect(classify(gapped).closeContact).toBe(false);
  });
  it('adds up close minutes over separate encounters (cumulative rule)', () => {
    const result = classify([...series(0, 8, 1), ...series(7_200, 8, 1)]);
    expect(result.closeMinutes).toBe(16);
    expect(result.closeContact).toBe(true);
  });
  it('rejects empty input and bad options', () => {
    expect(() => classify([])).toThrow(/no valid RSSI/);
    expect(() => classify([{ timestampS: 0, rssi: 127 }])).toThrow(/no valid RSSI/);
    expect(() => classify(series(0, 1, 1), { maxDistanceM: 0 })).toThrow(/maxDistanceM/);
    expect(() => classify([{ timestampS: Number.NaN, rssi: -60 }])).toThrow(/timestampS/);
  });
});
