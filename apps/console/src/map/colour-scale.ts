/**
 * A sequential scale for choropleth maps: five classes of one hue, light (low) to dark (high), from ColorBrewer's
 * "Blues" (Cynthia Brewer, colorbrewer2.org, Apache-2.0), which stays readable when printed in grey and for the
 * common forms of colour blindness. Units without a figure are grey, never the lowest class.
 */
export const MAP_CLASSES = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
export const MAP_NO_DATA = '#d9d9d9';

export interface MapClass {
  colour: string;
  from: number;
  to: number;
}

/** Five equal-width classes over [min, max] (a single value gives one class). */
export function mapClasses(domain: readonly [number, number]): MapClass[] {
  const [min, max] = domain;
  if (!(max > min)) return [{ colour: MAP_CLASSES[2], from: min, to: max }];
  const step = (max - min) / MAP_CLASSES.length;
  return MAP_CLASSES.map((colour, i) => ({ colour, from: min + i * step, to: i === MAP_CLASSES.length - 1 ? max : min + (i + 1) * step }));
}

/** The colour of a value within the domain's classes; values outside are clamped to the first or last class. */
export function mapColour(value: number | null | undefined, classes: readonly MapClass[]): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MAP_NO_DATA;
  const index = classes.findIndex((c) => value < c.to);
  return (index === -1 ? classes[classes.length - 1]! : classes[index]!).colour;
}

/** The smallest and largest of the values given (0..1 when there are none). */
export function valueDomain(values: Iterable<number | null | undefined>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return min === Infinity ? [0, 1] : [min, max];
}
