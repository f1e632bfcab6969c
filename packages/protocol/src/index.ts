// Isomorphic entry: no node:* imports here or below, except in ./node (the fast Node backends).
export { ProtocolError } from './errors.js';
export { assertBytes, assertInteger, assertFiniteNumber } from './assert.js';
export { toHex, fromHex } from './hex.js';
export { encodeStdBase64, decodeStdBase64 } from './base64.js';
export * from './identifiers/index.js';
export * from './ble/index.js';
export * from './export/index.js';
export * from './verification/index.js';
export * from './matching/index.js';
export * from './risk/index.js';
export * from './proximity/index.js';
