import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  DEFAULT_APP_CONFIGURATION,
  selfReportCheckRequestSchema,
  selfReportRequestSchema,
  submitDeclarationRequestSchema,
  type AppConfiguration,
  type Place,
  type PublicNotice,
  type PublishRequest,
  type SelfReportStatus,
  type SubmitDeclarationRequest,
  type Symptom,
  type SubmitDeclarationResponse,
} from '@bluezone/contract';
import { EXPORT_SIGNATURE_ALGORITHM, buildSignedExportZip, type ExportKey } from '@bluezone/protocol';
import type { Fetch } from '../api/backend-client';

interface Answer {
  status: number;
  json?: unknown;
  bytes?: Uint8Array;
}
type Handler = (body: unknown) => Answer | Promise<Answer>;

export interface SigningKey {
  keyId: string;
  version: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

export function newSigningKey(keyId = 'bluezone_vn', version = 'v1'): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    keyId,
    version,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export const error = (status: number, code: string): Answer => ({ status, json: { error: { code, message: code } } });

/**
 * A stand-in for the Bluezone server, in memory: export files signed with real P-256 keys, the upload API with
 * scriptable answers, notices and the app configuration. Every request is recorded, so a test can check what left
 * the phone.
 */
export class FakeServer {
  readonly origin = 'https://bluezone.test';
  readonly requests: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];
  readonly files = new Map<string, Uint8Array>();
  index: string[] = [];
  signingKeys: SigningKey[] = [newSigningKey()];
  /** Which of signingKeys `/export-keys` lists (all by default). */
  listedKeys: SigningKey[] | undefined;
  config: AppConfiguration = DEFAULT_APP_CONFIGURATION;
  notices: PublicNotice[] = [];
  offline = false;
  readonly handlers = new Map<string, Handler>();
  readonly published: PublishRequest[] = [];
  /** Declarations taken by `POST /api/v1/declarations`, as the server parsed them. */
  readonly declarations: SubmitDeclarationRequest[] = [];
  /** When set, every declaration is a monitored arrival until this day, and takes daily self-reports. */
  monitoredUntil: string | null = null;
  /** Today for the self-report answers (T0 is 2023-11-15 in Vietnam). */
  today = '2023-11-15';
  /** Days reported by `POST /api/v1/declarations/self-report/checks`, by receipt; symptoms make a suspected case. */
  readonly selfReports = new Map<string, { day: string; symptoms: Symptom[]; selfReported: boolean }[]>();
  /** Units the public place search finds (by a case- and accent-blind match on the name). */
  places: Place[] = [DONG_DANG, CHI_LANG];

  constructor() {
    this.handlers.set('POST /api/v1/verify', () => ({ status: 200, json: { token: 'token-1', testType: 'confirmed', padding: '' } }));
    this.handlers.set('POST /api/v1/certificate', () => ({ status: 200, json: { certificate: 'certificate-1', padding: '' } }));
    this.handlers.set('POST /api/v1/publish', (body) => {
      const request = body as PublishRequest;
      this.published.push(request);
      return { status: 200, json: { insertedExposures: request.temporaryExposureKeys.length, revisionToken: `revision-${this.published.length}`, padding: '' } };
    });
    // The contract's schema, as the real server applies it; its problems come back in the server's `fields` shape.
    this.handlers.set('POST /api/v1/declarations', (body) => {
      const parsed = submitDeclarationRequestSchema.safeParse(body);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), problem: 'invalid_value' }));
        return { status: 400, json: { error: { code: 'validation_failed', message: 'validation_failed', fields } } };
      }
      this.declarations.push(parsed.data);
      // Receipts in the server's alphabet (no 0, 1, I, O): ABCD-2222, ABCD-3333, …
      return { status: 201, json: declarationAnswer(`ABCD-${'23456789'.charAt((this.declarations.length - 1) % 8).repeat(4)}`, parsed.data, this.monitoredUntil) };
    });
    // The declarant's self-report, with the key the answer above gave: `key-` and the receipt.
    this.handlers.set('POST /api/v1/declarations/self-report', (body) => this.selfReportAnswer(selfReportRequestSchema.safeParse(body).data));
    this.handlers.set('POST /api/v1/declarations/self-report/checks', (body) => {
      const parsed = selfReportCheckRequestSchema.safeParse(body);
      if (!parsed.success) return { status: 400, json: { error: { code: 'validation_failed', message: 'validation_failed' } } };
      const answer = this.selfReportAnswer(parsed.data);
      if (answer.status !== 200) return answer;
      const days = (this.selfReports.get(parsed.data.receipt) ?? []).filter((c) => c.day !== parsed.data.day);
      this.selfReports.set(parsed.data.receipt, [...days, { day: parsed.data.day, symptoms: parsed.data.symptoms, selfReported: true }].sort((a, b) => a.day.localeCompare(b.day)));
      return this.selfReportAnswer(parsed.data);
    });
  }

  private selfReportAnswer(request: { receipt: string; key: string } | undefined): Answer {
    if (!request || request.key !== selfReportKeyOf(request.receipt)) return { status: 404, json: { error: { code: 'invalid_self_report_key', message: 'no declaration has this receipt and key' } } };
    const checks = this.selfReports.get(request.receipt) ?? [];
    const status: SelfReportStatus = {
      receipt: request.receipt,
      declaredDay: '2023-11-15',
      monitoringUntil: this.monitoredUntil,
      today: this.today,
      suspected: checks.some((c) => c.symptoms.length > 0),
      checks,
      healthStation: { unitCode: '06184', unitName: 'Xã Đồng Đăng', unitNameEn: 'Dong Dang Commune', phone: '0205 3851 234' },
    };
    return { status: 200, json: { status } };
  }

  /** Adds a signed export file holding `keys` to the index. */
  addExport(keys: ExportKey[], options: { revisedKeys?: ExportKey[]; signer?: SigningKey; name?: string } = {}): string {
    const signer = options.signer ?? (this.signingKeys[0] as SigningKey);
    const n = this.index.length + 1;
    const name = options.name ?? `VN/${1_700_000_000 + n * 3600}-${1_700_003_600 + n * 3600}-00001.zip`;
    const signatureInfo = { verificationKeyId: signer.keyId, verificationKeyVersion: signer.version, signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM };
    const { zip } = buildSignedExportZip(
      { startTimestamp: 1_700_000_000, endTimestamp: 1_700_003_600, region: 'VN', batchNum: 1, batchSize: 1, signatureInfos: [signatureInfo], keys, revisedKeys: options.revisedKeys ?? [] },
      [{ privateKeyPem: signer.privateKeyPem, signatureInfo }],
    );
    this.files.set(name, zip);
    this.index.push(name);
    return name;
  }

  readonly fetch: Fetch = async (url, init = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? (JSON.parse(init.body) as unknown) : undefined;
    const headers = init.headers ?? {};
    this.requests.push({ method, url, body, headers });
    if (this.offline) throw new TypeError('Network request failed');
    const path = url.replace(this.origin, '');
    const answer = headers['x-chaff'] === '1' ? chaffAnswer(path, body) : await this.route(method, path, body);
    const bytes = answer.bytes ?? new TextEncoder().encode(answer.json === undefined ? '' : JSON.stringify(answer.json));
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      text: async () => new TextDecoder().decode(bytes),
      arrayBuffer: async () => bytes.slice().buffer,
    };
  };

  private async route(method: string, path: string, body: unknown): Promise<Answer> {
    const handler = this.handlers.get(`${method} ${path}`);
    if (handler) return handler(body);
    if (method === 'GET' && path === '/api/v1/app-config') return { status: 200, json: this.config };
    if (method === 'GET' && path === '/api/v1/notices/public') return { status: 200, json: { notices: this.notices } };
    if (method === 'GET' && path.startsWith('/api/v1/places?')) {
      const q = fold(new URLSearchParams(path.slice(path.indexOf('?') + 1)).get('q') ?? '');
      return { status: 200, json: { places: this.places.filter((place) => fold(place.fullName).includes(q)) } };
    }
    if (method === 'GET' && path === '/api/v1/export-keys') {
      return { status: 200, json: (this.listedKeys ?? this.signingKeys).map((k) => ({ keyId: k.keyId, version: k.version, algorithm: EXPORT_SIGNATURE_ALGORITHM, publicKeyPem: k.publicKeyPem })) };
    }
    if (method === 'GET' && path === '/exports/VN/index.txt') return { status: 200, bytes: new TextEncoder().encode(this.index.join('\n') + '\n') };
    if (method === 'GET' && path.startsWith('/exports/')) {
      const file = this.files.get(path.slice('/exports/'.length));
      return file ? { status: 200, bytes: file } : error(404, 'not_found');
    }
    return error(404, 'not_found');
  }

  /** Requests that carried anything but downloads: what left the phone. */
  uploads(): { method: string; url: string; body: unknown }[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

export const DONG_DANG: Place = { code: '06184', name: 'Đồng Đăng', fullName: 'Xã Đồng Đăng', nameEn: 'Dong Dang', fullNameEn: 'Dong Dang Commune', level: 'commune', provinceCode: '20', provinceName: 'Lạng Sơn', provinceNameEn: 'Lang Son', local: true };
export const CHI_LANG: Place = { code: '06352', name: 'Chi Lăng', fullName: 'Xã Chi Lăng', nameEn: 'Chi Lang', fullNameEn: 'Chi Lang Commune', level: 'commune', provinceCode: '20', provinceName: 'Lạng Sơn', provinceNameEn: 'Lang Son', local: true };

/** The self-report key the fake server gives a receipt. */
export const selfReportKeyOf = (receipt: string) => `key-${receipt}`;

/** The server's answer to a declaration: clear unless the app warned, then a close contact to follow up. */
export function declarationAnswer(receipt: string, request: Pick<SubmitDeclarationRequest, 'warnedByApp' | 'residence'>, monitoredUntil: string | null = null): SubmitDeclarationResponse {
  const warned = request.warnedByApp === true;
  return {
    receipt,
    receiptExpiresAt: '2023-11-28T22:13:20.000Z',
    selfReportKey: selfReportKeyOf(receipt),
    assessment: { suspected: warned, arrivalFromEpidemicArea: monitoredUntil !== null, reasons: warned ? [{ code: 'app_exposure_warning' }] : [], monitoringUntil: monitoredUntil },
    routedTo: [request.residence.unitCode],
    nextSteps: warned ? ['stay_home', 'call_health_station_now', 'show_receipt'] : ['self_monitor', 'show_receipt'],
    healthStation: { unitCode: request.residence.unitCode, unitName: 'Xã Đồng Đăng', unitNameEn: 'Dong Dang Commune', phone: warned ? '0205 3851 234' : null },
  };
}

/** What the real server answers a decoy upload: the shape of a real answer, nothing written, nothing scripted. */
function chaffAnswer(path: string, body: unknown): Answer {
  if (path === '/api/v1/verify') return { status: 200, json: { token: 'chaff-token', testType: 'confirmed', padding: '' } };
  if (path === '/api/v1/certificate') return { status: 200, json: { certificate: 'chaff-certificate', padding: '' } };
  if (path === '/api/v1/publish') return { status: 200, json: { insertedExposures: (body as PublishRequest).temporaryExposureKeys.length, revisionToken: 'chaff-revision', padding: '' } };
  return { status: 404, json: { error: { code: 'not_found', message: 'not_found' } } };
}

export const secureRandomBytes = (n: number): Uint8Array => new Uint8Array(randomBytes(n));
