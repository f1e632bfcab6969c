import { z } from 'zod';

/**
 * The citizen app's configuration, served at `GET /app-config` so a province can tune scan timing, thresholds and
 * addresses without a new release of the app. The app ships these defaults and keeps the last good copy it
 * fetched; a configuration that does not parse is ignored, never half applied.
 */
export const appTracingConfigurationSchema = z
  .object({
    /** A scan starts this often (seconds). The Exposure Notification framework scans about every 5 minutes. */
    scanIntervalSeconds: z.number().int().min(60).max(1800),
    /** and lasts this long. */
    scanWindowSeconds: z.number().int().min(2).max(60),
    /** The identifier (and the Bluetooth address, where the OS allows) changes at a random moment in this range. */
    rotationMinSeconds: z.number().int().min(300).max(3600),
    rotationMaxSeconds: z.number().int().min(300).max(3600),
  })
  .refine((t) => t.scanWindowSeconds < t.scanIntervalSeconds, { message: 'scanWindowSeconds must be shorter than scanIntervalSeconds' })
  .refine((t) => t.rotationMinSeconds <= t.rotationMaxSeconds, { message: 'rotationMinSeconds must not exceed rotationMaxSeconds' });

export const appExposureConfigurationSchema = z.object({
  /** A named risk configuration of @bluezone/protocol (`bluezone`: about 15 minutes within about 2 m in a day). */
  riskPreset: z.enum(['bluezone', 'cwa']),
  /** A whole risk configuration instead of the preset, in Corona-Warn-App's field names (checked by the protocol). */
  riskConfiguration: z.record(z.string(), z.unknown()).optional(),
  /** How far a sighting's time may lie outside its identifier's interval and still match (clock drift). */
  driftSeconds: z.number().int().min(0).max(14_400),
  /** The phone checks for exposures at least this often in the background (and whenever it is opened). */
  checkIntervalHours: z.number().int().min(1).max(24),
});

export const appConfigurationSchema = z.object({
  /** Raised by the operator at each change, so phones can tell which one they follow. */
  version: z.number().int().min(1),
  /** Where the app's API lives from now on (absolute https URL); absent: where this configuration came from. */
  serverUrl: z.url().optional(),
  /** Where export files are served (a CDN); absent: `<serverUrl>/exports/`. */
  exportsUrl: z.url().optional(),
  /** Region of the export files (`<exportsUrl>/<region>/index.txt`). */
  region: z.string().regex(/^[A-Za-z0-9_]{1,32}$/),
  /** `healthAuthorityID` the app names when it publishes keys. */
  healthAuthorityId: z.string().min(1).max(128),
  tracing: appTracingConfigurationSchema,
  exposure: appExposureConfigurationSchema,
});
export type AppConfiguration = z.infer<typeof appConfigurationSchema>;

/** The defaults, shipped in the app and served by a server that sets nothing else. */
export const DEFAULT_APP_CONFIGURATION: AppConfiguration = Object.freeze({
  version: 1,
  region: 'VN',
  healthAuthorityId: 'vn.bluezone',
  tracing: Object.freeze({ scanIntervalSeconds: 300, scanWindowSeconds: 4, rotationMinSeconds: 600, rotationMaxSeconds: 1200 }),
  exposure: Object.freeze({ riskPreset: 'bluezone' as const, driftSeconds: 7200, checkIntervalHours: 4 }),
});
