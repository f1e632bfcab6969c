import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, codeForStatus, queryString, toApiError } from './client.js';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: string | null, calls: Call[] = []): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('toApiError', () => {
  it('keeps a documented code and the server message', () => {
    const error = toApiError(423, { error: { code: 'account_locked', message: 'locked for 15 minutes' } });
    expect(error.code).toBe('account_locked');
    expect(error.message).toBe('locked for 15 minutes');
    expect(error.status).toBe(423);
  });

  it('falls back to the status when the code is unknown or the body is not an error envelope', () => {
    expect(toApiError(403, { error: { code: 'something_new', message: 'x' } }).code).toBe('forbidden');
    expect(toApiError(502, undefined).code).toBe('internal');
    expect(toApiError(404, ['not', 'an', 'object']).code).toBe('not_found');
    expect(toApiError(418, { error: 'teapot' }).code).toBe('unexpected_response');
  });

  it('maps every status the server uses to a code', () => {
    expect([400, 401, 403, 404, 409, 413, 429, 500].map(codeForStatus)).toEqual([
      'validation_failed',
      'unauthenticated',
      'forbidden',
      'not_found',
      'conflict',
      'body_too_large',
      'rate_limited',
      'internal',
    ]);
  });
});

describe('ApiClient', () => {
  it('sends the CSRF token on state-changing requests only, always with same-origin credentials', async () => {
    const calls: Call[] = [];
    const client = new ApiClient({ fetch: fakeFetch(200, '{"ok":true}', calls) });
    client.setCsrfToken('tok-1');
    await client.get('/api/v1/auth/me');
    await client.post('/api/v1/auth/logout');
    await client.patch('/api/v1/auth/me', { locale: 'en' });

    const headers = calls.map((call) => call.init.headers as Record<string, string>);
    expect(headers[0]?.['x-csrf-token']).toBeUndefined();
    expect(headers[1]?.['x-csrf-token']).toBe('tok-1');
    expect(headers[2]?.['x-csrf-token']).toBe('tok-1');
    expect(headers[2]?.['content-type']).toBe('application/json');
    expect(calls[2]?.init.body).toBe('{"locale":"en"}');
    expect(calls.every((call) => call.init.credentials === 'same-origin')).toBe(true);
  });

  it('stops sending a token once it is cleared', async () => {
    const calls: Call[] = [];
    const client = new ApiClient({ fetch: fakeFetch(200, '{}', calls) });
    client.setCsrfToken('tok-1');
    client.setCsrfToken(null);
    await client.post('/api/v1/auth/login', { username: 'a', password: 'b' });
    expect((calls[0]?.init.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('returns parsed JSON, and undefined for an empty 204', async () => {
    expect(await new ApiClient({ fetch: fakeFetch(200, '{"user":{"id":"1"}}') }).get('/x')).toEqual({
      user: { id: '1' },
    });
    expect(await new ApiClient({ fetch: fakeFetch(204, null) }).post('/x')).toBeUndefined();
  });

  it('throws the error envelope as an ApiError', async () => {
    const body = JSON.stringify({ error: { code: 'invalid_credentials', message: 'wrong' } });
    const error = await failure(new ApiClient({ fetch: fakeFetch(401, body) }).post('/x', {}));
    expect(error).toMatchObject({ code: 'invalid_credentials', message: 'wrong', status: 401 });
  });

  it('maps a non-JSON error page by its status', async () => {
    const error = await failure(new ApiClient({ fetch: fakeFetch(502, '<html>Bad gateway</html>') }).get('/x'));
    expect(error).toMatchObject({ code: 'internal', status: 502 });
  });

  it('rejects a 2xx that is not JSON rather than returning garbage', async () => {
    const error = await failure(new ApiClient({ fetch: fakeFetch(200, '<html></html>') }).get('/x'));
    expect(error.code).toBe('unexpected_response');
  });

  it('reports a network failure as network_error', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(new ApiClient({ fetch: offline }).get('/x'));
    expect(error).toMatchObject({ code: 'network_error', status: 0, message: 'Failed to fetch' });
  });

  it('builds query strings without empty filters', async () => {
    const calls: Call[] = [];
    await new ApiClient({ fetch: fakeFetch(200, '{}', calls) }).get('/api/v1/users', { q: 'ngọc', unit: '', role: undefined });
    expect(calls[0]?.url).toBe('/api/v1/users?q=ng%E1%BB%8Dc');
    expect(queryString({ limit: 50, before: null })).toBe('?limit=50');
    expect(queryString({})).toBe('');
  });
});
