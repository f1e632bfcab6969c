import type { Agency } from '@bluezone/contract';

export type { Agency };

/** A government agency or organisation (cơ quan, đơn vị) attached to a unit, which reports in campaigns. */
export interface NewAgency {
  code: string;
  name: string;
  unitCode: string;
  group: string | null;
}

export interface AgencyChanges {
  code?: string;
  name?: string;
  unitCode?: string;
  group?: string | null;
}

/** Codes given when the admin leaves the field empty: the unit's code and a sequence, e.g. `20-001`. */
export function generatedAgencyCode(unitCode: string, sequence: number): string {
  return `${unitCode}-${String(sequence).padStart(3, '0')}`;
}
