import type { UnitBoundaries } from '@bluezone/contract';
import langSon from './data/boundaries/20.json' with { type: 'json' };

/** The province maps shipped with the server, by province code (see data/SOURCE.md to add one). */
const SHIPPED = { '20': langSon } as Record<string, unknown>;

export function provinceBoundaries(province: string): UnitBoundaries | undefined {
  return SHIPPED[province] as UnitBoundaries | undefined;
}
