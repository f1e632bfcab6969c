import type { S3Client } from '@aws-sdk/client-s3';
import { EXPORT_FILE_CACHE_CONTROL, EXPORT_INDEX_CACHE_CONTROL } from './export.cache.js';
import type { ObjectStoreConfig } from './export.config.js';
import { indexText, type ExportFiles } from './export.directory.js';

/** The SDK's module and the client made with it. */
interface S3 {
  client: S3Client;
  sdk: typeof import('@aws-sdk/client-s3');
}

/**
 * Export files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Cloudflare R2, …), with the AWS SDK, so a CDN
 * serves them and every server process writes to the same place. An object becomes visible only when its upload
 * completes, so a phone never reads half a file; each carries the Content-Type and Cache-Control the CDN passes on.
 * Credentials come from the SDK's usual chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an
 * instance role). The SDK is loaded at the first write, so a process that writes to a directory does not carry it.
 */
export class ObjectStoreExportFiles implements ExportFiles {
  private sdk?: Promise<S3>;

  constructor(private readonly config: ObjectStoreConfig) {}

  private connect(): Promise<S3> {
    return (this.sdk ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: this.config.region,
        ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
        forcePathStyle: this.config.forcePathStyle,
        // Checksums only where S3 requires them: S3-compatible stores differ in which newer checksum headers they take.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  }

  private key(name: string): string {
    return `${this.config.prefix}${name}`;
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    const { client, sdk } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({ Bucket: this.config.bucket, Key: this.key(name), Body: bytes, ContentType: 'application/zip', CacheControl: EXPORT_FILE_CACHE_CONTROL }),
    );
  }

  async writeIndex(region: string, names: readonly string[]): Promise<void> {
    const { client, sdk } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.key(`${region}/index.txt`),
        Body: indexText(names),
        ContentType: 'text/plain; charset=utf-8',
        CacheControl: EXPORT_INDEX_CACHE_CONTROL,
      }),
    );
  }

  async remove(name: string): Promise<void> {
    const { client, sdk } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(name) }));
  }

  close(): void {
    void this.sdk?.then(({ client }) => client.destroy()).catch(() => undefined);
  }
}
