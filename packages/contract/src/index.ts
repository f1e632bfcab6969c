/**
 * The HTTP contract of the Bluezone API (`/api/v1`): zod schemas of every request and response, and the error codes.
 * Shared by the server (validation, OpenAPI) and its clients (console, app). Imports nothing from Node, so it runs
 * in the browser.
 */
export * from './errors.js';
export * from './common.js';
export * from './dates.js';
export * from './pagination.js';
export * from './identity.js';
export * from './units.js';
export * from './agencies.js';
export * from './audit.js';
export * from './health.js';
export * from './export.js';
export * from './verification.js';
export * from './publish.js';
export * from './app-config.js';
export * from './notices.js';
// Campaign reporting and the notifications it sends.
export * from './campaigns.js';
// Health declarations, epidemic areas, places and notifications.
export * from './bilingual.js';
export * from './places.js';
export * from './epidemic-areas.js';
export * from './declarations.js';
export * from './declaration-draft.js';
export * from './declaration-form-text.js';
export * from './notifications.js';

export const API_PREFIX = '/api/v1';
export const SESSION_COOKIE = 'bz_session';
export const CSRF_HEADER = 'x-csrf-token';
