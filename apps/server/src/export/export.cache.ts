/**
 * Caching of export files, for this server's /exports/ and for an object store behind a CDN alike. A file's name
 * holds its window and batch number and its bytes never change once index.txt lists it, so it may be cached for a
 * year. index.txt changes every export period: a CDN may keep it a minute (`s-maxage`), taking the load off the
 * origin, but a phone's own cache must ask again at every check (`max-age=0`, answered 304 by its ETag when nothing
 * changed), or a phone checking twice within the minute would miss a batch cut in between.
 */
export const EXPORT_FILE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const EXPORT_INDEX_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, must-revalidate';

export const isExportIndex = (name: string): boolean => name.endsWith('/index.txt');
