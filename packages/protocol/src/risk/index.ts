export * from './exposure-window.js';
export * from './risk-configuration.js';
export * from './window-risk.js';
export * from './aggregate-risk.js';
export * from './cwa-preset.js';
export * from './bluezone-preset.js';
export * from './presets.js';
