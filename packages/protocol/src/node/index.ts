export {};
export * from './crypto-backend.js';
