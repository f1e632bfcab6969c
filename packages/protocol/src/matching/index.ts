export * from './diagnosis-key.js';
export * from './sighting.js';
export * from './sighting-table.js';
export * from './rpi-lookup.js';
export * from './match-keys.js';
export * from './exposure-windows.js';
export * from './find-exposure-windows.js';
export * from './synthetic-phone.js';
