import { z } from 'zod';

/**
 * zod compiles a faster parser for object schemas with `new Function()` when the runtime allows it, and probes for
 * that with `new Function("")` at the first parse. The app's web demo runs under a Content-Security-Policy without
 * 'unsafe-eval' (apps/server/src/http/content-security-policy.ts), where the probe is refused and reported as a
 * violation. The app parses a few small answers a day, so it always takes zod's interpreted path, on every platform
 * alike. Imported first by index.js, before any schema is parsed.
 */
z.config({ jitless: true });
