// The web demo has no background: a tab checks while it is open (root/lifecycle.tsx).
export const EXPOSURE_TASK = 'bluezone-exposure-check';

export async function registerExposureTask(_hours: number): Promise<void> {}
