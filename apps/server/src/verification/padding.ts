import type { Random } from '../platform/platform.js';

/**
 * Random base64 that brings every answer of verify, certificate and publish to about the same length, so an
 * observer of encrypted traffic cannot tell a real upload from chaff or one result from another (Google's servers
 * pad the same way). Bodies (the largest, a publish answer with its revision token, is about 3 kB) are padded up to about `TARGET`.
 */
const TARGET = 4096;

export function responsePadding(random: Random, body: object): string {
  const used = JSON.stringify(body).length + 14; // ,"padding":""
  const bytes = Math.max(16, Math.floor(((TARGET - used) * 3) / 4)) + (random.bytes(1)[0]! % 16);
  return random.bytes(bytes).toString('base64');
}
