// Test-only (outside src, so never built): loads the vectors beside this file; see SOURCE.md.
import { readFileSync } from 'node:fs';

export interface GaenVectors {
  key_generation_unix_seconds: number;
  interval_number_of_generated_key: number;
  key_rolling_period: number;
  tek: string;
  rpik: string;
  aemk: string;
  ble_metadata: string;
  advertised_data: { index: number; interval_number: number; rpi: string; aem: string }[];
  verification_hmac_vectors: {
    secret_hex: string;
    cases: {
      name: string;
      keys: { key: string; rollingStartNumber: number; rollingPeriod: number; transmissionRisk?: number }[];
      cleartext: string;
      hmac_b64: string;
    }[];
  };
  example_ble_adv_payload_NOT_OFFICIAL: { hex: string; length: number };
}

export const gaenVectors: GaenVectors = JSON.parse(
  readFileSync(new URL('./gaen-test-vectors.json', import.meta.url), 'utf8'),
) as GaenVectors;
