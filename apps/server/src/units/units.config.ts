import type { EnvReader } from '../platform/env-reader.js';
import { OFFICIAL_PROVINCE_CODES } from './units.seed.js';

export interface UnitsConfig {
  /** Official code of the province this installation serves (20 = Lạng Sơn). Its subtree is seeded at start. */
  province: string;
}

export function readUnitsConfig(env: EnvReader): UnitsConfig {
  const province = env.string('BLUEZONE_PROVINCE', '20');
  if (!OFFICIAL_PROVINCE_CODES.includes(province)) {
    env.problem(`BLUEZONE_PROVINCE: "${province}" is not an official province code (e.g. 20 for Lạng Sơn, 01 for Hà Nội)`);
  }
  return { province };
}
