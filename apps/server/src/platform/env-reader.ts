/**
 * Reads typed settings from environment variables and collects every problem instead of stopping at the first, so
 * an operator fixes a bad configuration in one pass (the habit of exposure-notifications-server's `Validate()`).
 */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** The raw value, with empty strings treated as unset (a blank line in a .env file means "use the default"). */
  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name);
  }

  int(name: string, fallback: number, range: { min: number; max: number }): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) {
      this.problems.push(`${name}: "${value}" is not a whole number`);
      return fallback;
    }
    const n = Number(value);
    if (n < range.min || n > range.max) {
      this.problems.push(`${name}: ${n} is outside ${range.min}..${range.max}`);
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const v = value.toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    this.problems.push(`${name}: "${value}" is not a boolean (true/false)`);
    return fallback;
  }

  /** A duration as seconds, or with a unit: `90s`, `30m`, `12h`, `7d`. Returns seconds. */
  duration(name: string, fallbackSeconds: number, range: { min: number; max: number }): number {
    const value = this.raw(name);
    if (value === undefined) return fallbackSeconds;
    const match = /^(\d+)\s*([smhd]?)$/.exec(value);
    if (!match) {
      this.problems.push(`${name}: "${value}" is not a duration (e.g. 900, 15m, 12h, 7d)`);
      return fallbackSeconds;
    }
    const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
    const seconds = Number(match[1]) * unit;
    if (seconds < range.min || seconds > range.max) {
      this.problems.push(`${name}: ${seconds}s is outside ${range.min}..${range.max} seconds`);
      return fallbackSeconds;
    }
    return seconds;
  }

  /** Records a problem found by a cross-field check. */
  problem(message: string): void {
    this.problems.push(message);
  }
}
