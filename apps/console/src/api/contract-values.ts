/**
 * The few values (not types) of the contract the console reads at run time. Under Vitest this file re-exports them
 * from the contract itself; in the browser build, vite.config.ts replaces it with the same values as plain JSON,
 * because importing them would bundle zod: 100 kB more script, and zod probes `new Function`, which the server's
 * Content-Security-Policy refuses. Add a name here and the build serialises it; it must be plain data.
 */
export { AGENCY_GROUP_SUGGESTIONS, AUDIT_ACTIONS, DEFAULT_INDICATORS, FIELD_PROBLEMS, LOCAL_UNIT_LEVELS, VN_TIME_ZONE } from '@bluezone/contract';
// Health declarations.
export { DECLARATION_STATUSES, GENDERS, STATUS_TRANSITIONS, SYMPTOMS, TRANSPORTS } from '@bluezone/contract';
