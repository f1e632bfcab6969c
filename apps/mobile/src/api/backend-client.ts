import {
  API_PREFIX,
  appConfigurationSchema,
  certificateResponseSchema,
  errorResponseSchema,
  exportKeySchema,
  listPublicNoticesResponseSchema,
  publishResponseSchema,
  searchPlacesResponseSchema,
  selfReportStatusResponseSchema,
  submitDeclarationResponseSchema,
  verifyResponseSchema,
  type AppConfiguration,
  type CertificateResponse,
  type ExportKeyInfo,
  type Place,
  type PlaceScope,
  type PublicNotice,
  type PublishRequest,
  type PublishResponse,
  type SelfReportCheckRequest,
  type SelfReportRequest,
  type SelfReportStatus,
  type SubmitDeclarationRequest,
  type SubmitDeclarationResponse,
  type VerifyResponse,
} from '@bluezone/contract';
import { z } from 'zod';
import { ApiError } from './api-error';

export type Fetch = (input: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

export interface BackendEndpoints {
  /** The API's origin, e.g. `https://bluezone.langson.gov.vn` (no trailing slash). */
  serverUrl: string;
  /** Where export files are served, ending in `/`. */
  exportsUrl: string;
}

const exportKeysSchema = z.array(exportKeySchema);

export interface UploadCallOptions {
  /** A decoy upload (upload/cover-traffic.ts): the server answers it as a real one and writes nothing. */
  chaff?: boolean;
}
const TIMEOUT_MS = 30_000;

/**
 * Every call the app makes, each answer checked against the contract's zod schema (so a wrong answer is a
 * `bad_response`, never a crash further in). The phone sends no identity, cookie or device identifier.
 */
export class BackendClient {
  constructor(
    private readonly endpoints: () => BackendEndpoints,
    private readonly fetch: Fetch,
    private readonly padding: (targetBytes: number, body: object) => string = () => '',
  ) {}

  appConfiguration(): Promise<AppConfiguration> {
    return this.getJson(`${this.api()}/app-config`, appConfigurationSchema);
  }

  exportKeys(): Promise<ExportKeyInfo[]> {
    return this.getJson(`${this.api()}/export-keys`, exportKeysSchema);
  }

  async exportIndex(region: string): Promise<string[]> {
    const text = new TextDecoder().decode(await this.getBytes(`${this.endpoints().exportsUrl}${region}/index.txt`, 1 << 20));
    const names = text.split('\n').map((line) => line.trim()).filter(Boolean);
    for (const name of names) {
      // Lines are paths under the exports folder, as Google's index: region/start-end-batch.zip.
      if (!/^[A-Za-z0-9_]{1,32}\/[A-Za-z0-9_.-]{1,100}\.zip$/.test(name)) throw new ApiError('bad_response', `index.txt lists an unexpected path "${name.slice(0, 80)}"`);
    }
    return names;
  }

  exportFile(name: string): Promise<Uint8Array> {
    return this.getBytes(`${this.endpoints().exportsUrl}${name}`, 64 << 20);
  }

  verify(code: string, options?: UploadCallOptions): Promise<VerifyResponse> {
    return this.postJson(`${this.api()}/verify`, { code }, verifyResponseSchema, options);
  }

  certificate(token: string, ekeyhmac: string, options?: UploadCallOptions): Promise<CertificateResponse> {
    return this.postJson(`${this.api()}/certificate`, { token, ekeyhmac }, certificateResponseSchema, options);
  }

  publish(request: Omit<PublishRequest, 'padding'>, options?: UploadCallOptions): Promise<PublishResponse> {
    return this.postJson(`${this.api()}/publish`, request, publishResponseSchema, options);
  }

  async notices(): Promise<PublicNotice[]> {
    return (await this.getJson(`${this.api()}/notices/public`, listPublicNoticesResponseSchema)).notices;
  }

  /**
   * A health declaration. Not padded like the upload calls: its schema is strict (a `padding` field would be refused),
   * and it carries a name and a telephone anyway, so its length hides nothing worth hiding.
   */
  submitDeclaration(request: SubmitDeclarationRequest): Promise<SubmitDeclarationResponse> {
    return this.postPlain(`${this.api()}/declarations`, request, submitDeclarationResponseSchema);
  }

  /** What the declarant's monitoring shows: the days reported, by them or an official (the receipt and its key). */
  async selfReportStatus(request: SelfReportRequest): Promise<SelfReportStatus> {
    return (await this.postPlain(`${this.api()}/declarations/self-report`, request, selfReportStatusResponseSchema)).status;
  }

  /** A day of the declarant's monitoring, reported from the phone; the answer is the monitoring afterwards. */
  async selfReport(request: SelfReportCheckRequest): Promise<SelfReportStatus> {
    return (await this.postPlain(`${this.api()}/declarations/self-report/checks`, request, selfReportStatusResponseSchema)).status;
  }

  /** Wards and communes by name, with or without diacritics (the public place search the console's form uses). */
  async searchPlaces(q: string, scope: PlaceScope, limit = 8): Promise<Place[]> {
    const query = new URLSearchParams({ q, scope, limit: String(limit) });
    return (await this.getJson(`${this.api()}/places?${query.toString()}`, searchPlacesResponseSchema)).places;
  }

  private api(): string {
    return `${this.endpoints().serverUrl}${API_PREFIX}`;
  }

  /** A JSON POST without padding, for the declaration calls (strict schemas; see submitDeclaration). */
  private async postPlain<T>(url: string, body: object, schema: z.ZodType<T>): Promise<T> {
    return this.parse(await this.send(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) }), schema);
  }

  private async getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
    return this.parse(await this.send(url, { method: 'GET', headers: { accept: 'application/json' } }), schema);
  }

  /**
   * Upload requests carry random padding to one size, so their length does not tell which step this is, nor a decoy
   * (`X-Chaff: 1`, a header of the same length on every call, so the decoy's requests are as long as real ones).
   */
  private async postJson<T>(url: string, body: object, schema: z.ZodType<T>, options: UploadCallOptions = {}): Promise<T> {
    const padded = { ...body, padding: this.padding(4096, body) };
    const headers = { 'content-type': 'application/json', accept: 'application/json', 'x-chaff': options.chaff ? '1' : '0' };
    const response = await this.send(url, { method: 'POST', headers, body: JSON.stringify(padded) });
    return this.parse(response, schema);
  }

  private async getBytes(url: string, limit: number): Promise<Uint8Array> {
    const response = await this.send(url, { method: 'GET' });
    if (!response.ok) throw await errorOf(response);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > limit) throw new ApiError('bad_response', `${url} is larger than ${limit} bytes`);
    return bytes;
  }

  private async send(url: string, init: { method: string; headers?: Record<string, string>; body?: string }) {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : undefined;
    try {
      return await this.fetch(url, { ...init, signal: controller?.signal });
    } catch (error) {
      throw new ApiError('network_error', `no answer from the server: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  private async parse<T>(response: Awaited<ReturnType<Fetch>>, schema: z.ZodType<T>): Promise<T> {
    if (!response.ok) throw await errorOf(response);
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch {
      throw new ApiError('bad_response', 'the answer is not JSON', response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiError('bad_response', `the answer does not match the contract: ${parsed.error.issues[0]?.message ?? ''}`, response.status);
    return parsed.data;
  }
}

async function errorOf(response: Awaited<ReturnType<Fetch>>): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The body is lost; the status still says what happened.
  }
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(text));
    if (parsed.success) return new ApiError(parsed.data.error.code, parsed.data.error.message, response.status, parsed.data.error.fields ?? []);
  } catch {
    // Not JSON: a proxy's error page.
  }
  return new ApiError(response.status >= 500 ? 'unavailable' : response.status === 404 ? 'not_found' : 'bad_response', `HTTP ${response.status}`, response.status);
}

/** Random base64 bringing a JSON body to about `targetBytes` (nothing when it is already larger). */
export function paddingFor(randomBytes: (n: number) => Uint8Array, encode: (bytes: Uint8Array) => string) {
  return (targetBytes: number, body: object): string => {
    const length = JSON.stringify(body).length + 14;
    const missing = targetBytes - length;
    if (missing <= 4) return '';
    return encode(randomBytes(Math.floor((missing * 3) / 4))).slice(0, missing);
  };
}
