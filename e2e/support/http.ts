/** A tiny cookie-keeping HTTP client, so end-to-end tests speak to the server exactly as a browser would. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(private readonly baseUrl: string) {}

  /** The raw Set-Cookie headers of the last response, to check their attributes. */
  lastSetCookies: string[] = [];

  async request(method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if ((options.csrf ?? true) && this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    this.lastSetCookies = response.headers.getSetCookie();
    for (const header of this.lastSetCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json: json as Record<string, unknown> | undefined, text };
  }

  async login(username: string, password: string) {
    const result = await this.request('POST', '/api/v1/auth/login', { username, password });
    const token = result.json?.csrfToken;
    if (typeof token === 'string') this.csrfToken = token;
    return result;
  }

  get cookieNames(): string[] {
    return [...this.cookies.keys()];
  }
}

/** The `code` of an `{ error: { code, message } }` body, or undefined. */
export function errorCode(json: Record<string, unknown> | undefined): unknown {
  const error = json?.error as Record<string, unknown> | undefined;
  return error?.code;
}
