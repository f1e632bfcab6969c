import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * The smallest S3 the export writer needs, for tests: PUT, GET, HEAD and DELETE of objects in path-style buckets
 * (`/bucket/key`), kept in memory, with the Content-Type and Cache-Control they were put with. It checks no
 * signature. Written here because the S3 servers on npm that run offline (s3rver and its forks) are unmaintained;
 * a real deployment uses AWS S3, MinIO or another S3-compatible store with the same client code.
 */
export interface TestS3 {
  endpoint: string;
  objects: Map<string, { body: Buffer; contentType: string | undefined; cacheControl: string | undefined; etag: string }>;
  /** Every request, `METHOD /bucket/key`, in order. */
  requests: string[];
  close(): Promise<void>;
}

function body(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export async function startTestS3(): Promise<TestS3> {
  const objects: TestS3['objects'] = new Map();
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    requests.push(`${request.method} ${path}`);
    const object = objects.get(path);
    if (request.method === 'PUT') {
      const bytes = await body(request);
      const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
      objects.set(path, { body: bytes, contentType: request.headers['content-type'], cacheControl: request.headers['cache-control'], etag });
      response.writeHead(200, { etag }).end();
    } else if (request.method === 'DELETE') {
      objects.delete(path);
      response.writeHead(204).end();
    } else if ((request.method === 'GET' || request.method === 'HEAD') && object) {
      response.writeHead(200, {
        'content-length': object.body.length,
        etag: object.etag,
        ...(object.contentType ? { 'content-type': object.contentType } : {}),
        ...(object.cacheControl ? { 'cache-control': object.cacheControl } : {}),
      });
      response.end(request.method === 'GET' ? object.body : undefined);
    } else {
      response.writeHead(404, { 'content-type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
