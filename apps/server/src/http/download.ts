import type { FastifyReply } from 'fastify';

/** Content types of the files the server hands out. */
export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
} as const;

export type DownloadKind = keyof typeof CONTENT_TYPES;

/**
 * `Content-Disposition` for a file name in Vietnamese (RFC 6266 with RFC 5987's `filename*`): browsers show
 * "Nhật ký 2026-11-28.xlsx"; old clients fall back to the plain-ASCII `filename` ("Nhat ky 2026-11-28.xlsx").
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a generated file as a download; never cached, since such files hold what only this viewer may read. */
export function sendDownload(reply: FastifyReply, kind: DownloadKind, fileName: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', CONTENT_TYPES[kind])
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'no-store')
    .send(body);
}
