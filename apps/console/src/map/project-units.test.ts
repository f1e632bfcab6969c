import type { UnitBoundaries } from '@bluezone/contract';
import { describe, expect, it } from 'vitest';
// The map the server ships for Lạng Sơn (apps/server/src/units/data/SOURCE.md).
import langSon from '../../../server/src/units/data/boundaries/20.json' with { type: 'json' };
import { projectUnits } from './project-units.js';

/** The bounding box of an SVG path's absolute coordinates. */
function extent(d: string): { width: number; height: number } {
  const numbers = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

describe('province map projection', () => {
  const units = projectUnits(langSon as unknown as UnitBoundaries, 400, 400);

  it('draws every ward and commune, each a small part of the province (none turned inside out)', () => {
    expect(units).toHaveLength(65);
    for (const { code, d } of units) {
      expect(d.length, code).toBeGreaterThan(20);
      const box = extent(d);
      expect(box.width, code).toBeLessThan(200);
      expect(box.height, code).toBeLessThan(200);
    }
  });

  it('fits the province into the box', () => {
    const all = extent(units.map((u) => u.d).join(' '));
    expect(Math.max(all.width, all.height)).toBeGreaterThan(390);
    expect(Math.max(all.width, all.height)).toBeLessThanOrEqual(400.5);
  });
});
