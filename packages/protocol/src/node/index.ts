export {};
export * from './crypto-backend.js';
export * from './export-signing.js';
export * from './parallel-matcher.js';
export * from './export-zip.js';
