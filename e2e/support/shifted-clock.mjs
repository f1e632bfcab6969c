// Loaded into a server process by `node --import` (see laterClockEnv in server.ts) to move its clock forward, so an
// end-to-end test can let a deadline pass without waiting days. Tests only: it replaces the global Date.
const shiftMs = Number(process.env.BLUEZONE_E2E_CLOCK_SHIFT_SECONDS ?? 0) * 1000;
if (Number.isFinite(shiftMs) && shiftMs !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + shiftMs);
      else super(...args);
    }
    static now() {
      return RealDate.now() + shiftMs;
    }
  }
  globalThis.Date = ShiftedDate;
}
