import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { EXPORT_FILE_CACHE_CONTROL, EXPORT_INDEX_CACHE_CONTROL } from './export.cache.js';
import type { ObjectStoreConfig } from './export.config.js';
import { indexText, type ExportFiles } from './export.directory.js';

/**
 * Export files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Cloudflare R2, …), with the AWS SDK, so a CDN
 * serves them and every server process writes to the same place. An object becomes visible only when its upload
 * completes, so a phone never reads half a file; each carries the Content-Type and Cache-Control the CDN passes on.
 * Credentials come from the SDK's usual chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an
 * instance role).
 */
export class ObjectStoreExportFiles implements ExportFiles {
  private readonly client: S3Client;

  constructor(private readonly config: ObjectStoreConfig) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      // Checksums only where S3 requires them: S3-compatible stores differ in which newer checksum headers they take.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(name: string): string {
    return `${this.config.prefix}${name}`;
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.config.bucket, Key: this.key(name), Body: bytes, ContentType: 'application/zip', CacheControl: EXPORT_FILE_CACHE_CONTROL }),
    );
  }

  async writeIndex(region: string, names: readonly string[]): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.key(`${region}/index.txt`),
        Body: indexText(names),
        ContentType: 'text/plain; charset=utf-8',
        CacheControl: EXPORT_INDEX_CACHE_CONTROL,
      }),
    );
  }

  async remove(name: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.key(name) }));
  }

  close(): void {
    this.client.destroy();
  }
}
