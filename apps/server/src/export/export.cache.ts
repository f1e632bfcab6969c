/**
 * Caching of export files, for this server's /exports/ and for an object store behind a CDN alike. A file's name
 * holds its window and batch number and its bytes never change once index.txt lists it, so it may be cached for a
 * year; index.txt changes every export period, so caches keep it briefly and revalidate it by its ETag.
 */
export const EXPORT_FILE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const EXPORT_INDEX_CACHE_CONTROL = 'public, max-age=60, must-revalidate';

export const isExportIndex = (name: string): boolean => name.endsWith('/index.txt');
