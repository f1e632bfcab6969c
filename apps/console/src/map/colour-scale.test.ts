import { describe, expect, it } from 'vitest';
import { MAP_CLASSES, MAP_NO_DATA, mapClasses, mapColour, valueDomain } from './colour-scale.js';

describe('map colour scale', () => {
  const classes = mapClasses([0, 100]);

  it('cuts the domain into five equal classes, light to dark', () => {
    expect(classes.map((c) => [c.from, c.to])).toEqual([[0, 20], [20, 40], [40, 60], [60, 80], [80, 100]]);
    expect(mapColour(0, classes)).toBe(MAP_CLASSES[0]);
    expect(mapColour(59.9, classes)).toBe(MAP_CLASSES[2]);
    expect(mapColour(100, classes)).toBe(MAP_CLASSES[4]);
    expect(mapColour(250, classes)).toBe(MAP_CLASSES[4]);
    expect(mapColour(-5, classes)).toBe(MAP_CLASSES[0]);
  });

  it('greys out units without a figure rather than painting them as the lowest', () => {
    expect(mapColour(undefined, classes)).toBe(MAP_NO_DATA);
    expect(mapColour(null, classes)).toBe(MAP_NO_DATA);
    expect(mapColour(Number.NaN, classes)).toBe(MAP_NO_DATA);
  });

  it('takes its domain from the figures, and survives one figure or none', () => {
    expect(valueDomain([3, null, 9, undefined, 5])).toEqual([3, 9]);
    expect(valueDomain([])).toEqual([0, 1]);
    expect(mapClasses([7, 7])).toHaveLength(1);
    expect(mapColour(7, mapClasses([7, 7]))).toBe(MAP_CLASSES[2]);
  });
});
