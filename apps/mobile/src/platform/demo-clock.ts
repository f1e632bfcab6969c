import type { Clock } from './clock';

/**
 * The web demo's clock. At speed s it replays the recent past s times faster than real time and then runs at real
 * time, so that two browser tabs "meet" for 20 minutes in 20 seconds:
 *
 *   time(real) = min(real, anchorSim + (real − anchorReal) · speed)
 *
 * It never runs ahead of the real clock on purpose: the key server refuses keys that start in the future and holds
 * back a key until its last interval has ended, so a phone living in the future could never publish its day. Every
 * tab of the demo reads the same settings (the browser's localStorage), so all phones of one machine agree on the
 * time, as real phones agree with the network's.
 */
export interface DemoClockSettings {
  /** Real unix ms at which these settings took effect. */
  anchorRealMs: number;
  /** Demo time at that moment. */
  anchorSimMs: number;
  /** 1 = real time; 60 = a minute a second. */
  speed: number;
}

/** Real time: speed 1 from any anchor. */
export function realTimeSettings(realMs: number): DemoClockSettings {
  return { anchorRealMs: realMs, anchorSimMs: realMs, speed: 1 };
}

/** The demo time at real time `realMs`. */
export function demoTime(settings: DemoClockSettings, realMs: number): number {
  return Math.min(realMs, settings.anchorSimMs + (realMs - settings.anchorRealMs) * settings.speed);
}

/**
 * New settings for another speed. A speed above 1 starts a replay `rewindMs` back from now; speed 1 continues from
 * the current demo time (and so catches up at once, never jumping back).
 */
export function changeDemoSpeed(current: DemoClockSettings, realMs: number, speed: number, rewindMs: number): DemoClockSettings {
  if (!Number.isFinite(speed) || speed < 1 || speed > 3600) throw new RangeError(`speed must be in 1..3600, got ${speed}`);
  if (speed === 1) return realTimeSettings(realMs);
  const now = demoTime(current, realMs);
  return { anchorRealMs: realMs, anchorSimMs: Math.min(now, realMs - rewindMs), speed };
}

/** A clock that follows settings which may change while it runs (another tab changed the speed). */
export class DemoClock implements Clock {
  constructor(
    private readonly settings: () => DemoClockSettings,
    private readonly real: Clock,
  ) {}

  now(): number {
    return demoTime(this.settings(), this.real.now());
  }

  /** How fast demo time runs now: the speed while replaying, 1 once caught up. */
  rate(): number {
    const settings = this.settings();
    const real = this.real.now();
    return demoTime(settings, real) < real ? settings.speed : 1;
  }

  setTimer(delayMs: number, callback: () => void): () => void {
    // Waits in real time for the demo time to pass; a long wait re-checks, since the clock may catch up meanwhile.
    const target = this.now() + Math.max(0, delayMs);
    let cancel: () => void = () => {};
    const wait = () => {
      const left = target - this.now();
      if (left <= 0) return callback();
      cancel = this.real.setTimer(Math.max(1, left / this.rate()), wait);
    };
    wait();
    return () => cancel();
  }
}
