// Identifier-derivation throughput: keys per second on one core, each key = RPIK (HKDF) + its 144 RPIs (one
// AES-ECB call), which is the work matching does per downloaded key. Not a test: figures depend on the machine.
//
//   npx tsc -b && node packages/protocol/bench/identifiers.bench.mjs [rounds] [seconds-per-round]
//
// Prints one JSON line per backend: the best and the median round, since other processes on a shared machine
// only ever slow a round down. `node-hkdfSync` is the Node backend with crypto.hkdfSync for the RPIK, kept
// to show why the backend writes HKDF as two HMAC calls.
import { hkdfSync } from 'node:crypto';
import { cpus } from 'node:os';
import {
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  pureCryptoBackend,
} from '../dist/index.js';
import { nodeCryptoBackend } from '../dist/node/index.js';

const rounds = Number(process.argv[2] ?? 5);
const seconds = Number(process.argv[3] ?? 1);
const KEYS = 4096;
const START = 2_650_000;

const nodeHkdfSyncBackend = {
  ...nodeCryptoBackend,
  name: 'node-hkdfSync',
  hkdfSha256: (ikm, salt, info, length) => new Uint8Array(hkdfSync('sha256', ikm, salt ?? new Uint8Array(0), info, length)),
};

const teks = Array.from({ length: KEYS }, () => pureCryptoBackend.randomBytes(16));

function run(backend, ms) {
  let keys = 0;
  let sink = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 256; i++) {
      const tek = teks[keys++ % KEYS];
      const rpis = deriveRollingProximityIdentifiers(deriveRollingProximityIdentifierKey(tek, backend), START, 144, backend);
      sink ^= rpis[2303];
    }
  }
  return { keys, sink };
}

for (const backend of [pureCryptoBackend, nodeCryptoBackend, nodeHkdfSyncBackend]) {
  run(backend, 500); // warm up the JIT and OpenSSL's tables
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const { keys } = run(backend, seconds * 1000);
    rates.push(keys / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => b - a);
  const line = {
    backend: backend.name,
    bestKeysPerSecond: Math.round(rates[0]),
    medianKeysPerSecond: Math.round(rates[Math.floor(rates.length / 2)]),
    bestRpisPerSecond: Math.round(rates[0] * 144),
    rounds,
    secondsPerRound: seconds,
    node: process.version,
    cpu: cpus()[0]?.model,
  };
  console.log(JSON.stringify(line));
}
