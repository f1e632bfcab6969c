/**
 * What other domains need of the administrative tree, as interfaces the units domain implements: a domain that files
 * things under units (accounts, agencies, reports, declarations) depends on these, never on the units domain itself.
 */
export interface UnitDirectory {
  /** The top of this installation's tree (its province). */
  readonly topCode: string;
  /** The unit, or `unknown_unit` naming `field` (default `unitCode`) as where the bad code came from. */
  require(code: string, field?: string): Promise<unknown>;
}

/** Whether `code` lies in the subtree of `root`, itself included; undefined when there is no unit `code`. */
export interface UnitScope {
  isWithin(code: string, root: string): Promise<boolean | undefined>;
}
