import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, codeForStatus, fileNameOf, queryString, toApiError } from './client.js';

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

describe('field problems', () => {
  it('keeps the fields of an error body that have the contract shape, and drops the rest', () => {
    const error = toApiError(409, {
      error: {
        code: 'conflict',
        message: 'username taken',
        fields: [
          { field: 'username', problem: 'taken' },
          { field: 'password', problem: 'too_short', limit: 10 },
          { field: 'x', problem: 'made_up' },
          'not an object',
          { problem: 'required' },
        ],
      },
    });
    expect(error.fields).toEqual([
      { field: 'username', problem: 'taken' },
      { field: 'password', problem: 'too_short', limit: 10 },
    ]);
    expect(toApiError(400, { error: { code: 'validation_failed', message: 'x', fields: 'nope' } }).fields).toEqual([]);
  });
});

describe('downloads', () => {
  it('read the Vietnamese file name of RFC 6266, then the plain one', () => {
    expect(fileNameOf(`attachment; filename="nhat-ky.xlsx"; filename*=UTF-8''nh%E1%BA%ADt-k%C3%BD.xlsx`)).toBe('nhật-ký.xlsx');
    expect(fileNameOf('attachment; filename="audit \\"log\\".xlsx"')).toBe('audit "log".xlsx');
    expect(fileNameOf('attachment; filename=audit.xlsx')).toBe('audit.xlsx');
    expect(fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A; filename="plain.xlsx"`)).toBe('plain.xlsx');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });

  it('return the body as a blob with its name, and an error answer as an ApiError', async () => {
    const file = async () =>
      new Response(new Uint8Array([80, 75, 3, 4]), {
        status: 200,
        headers: { 'content-disposition': `attachment; filename*=UTF-8''nh%E1%BA%ADt-k%C3%BD.xlsx` },
      });
    const done = await new ApiClient({ fetch: file }).download('/api/v1/audit/export.xlsx', { action: 'auth.login' });
    expect(done.fileName).toBe('nhật-ký.xlsx');
    expect(done.blob.size).toBe(4);

    const refused = JSON.stringify({ error: { code: 'forbidden', message: 'admins only' } });
    const error = await failure(new ApiClient({ fetch: fakeFetch(403, refused) }).download('/x'));
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
  });
});
