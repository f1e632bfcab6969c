import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, ERROR_CODES, createUserRequestSchema, errorResponseSchema, idParamsSchema, listUnitsQuerySchema, loginRequestSchema, pageQuerySchema } from './index.js';

describe('error codes', () => {
  it('are snake_case with an HTTP error status and a meaning', () => {
    for (const [code, { status, meaning }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
      expect(meaning.length).toBeGreaterThan(10);
    }
  });

  it('error responses accept only documented codes', () => {
    expect(errorResponseSchema.safeParse({ error: { code: 'conflict', message: 'taken' } }).success).toBe(true);
    expect(errorResponseSchema.safeParse({ error: { code: 'oops', message: 'x' } }).success).toBe(false);
  });
});

describe('request schemas', () => {
  it('normalise usernames to lower case for login', () => {
    expect(loginRequestSchema.parse({ username: ' Admin ', password: 'x' }).username).toBe('admin');
  });

  it('refuse unknown fields and weak passwords when creating users', () => {
    const ok = { username: 'nva', displayName: 'Nguyễn Văn A', password: 'long enough pw', role: 'unit_officer', unitCode: '06184' };
    expect(createUserRequestSchema.safeParse(ok).success).toBe(true);
    expect(createUserRequestSchema.safeParse({ ...ok, password: 'short' }).success).toBe(false);
    expect(createUserRequestSchema.safeParse({ ...ok, isAdmin: true }).success).toBe(false);
    expect(createUserRequestSchema.safeParse({ ...ok, role: 'root' }).success).toBe(false);
  });

  it('refuse unit codes that are not codes', () => {
    expect(listUnitsQuerySchema.safeParse({ parent: '20' }).success).toBe(true);
    expect(listUnitsQuerySchema.safeParse({ parent: "20' OR 1=1" }).success).toBe(false);
  });
});

describe('paths and pages', () => {
  it('accept ids only in canonical decimal', () => {
    expect(idParamsSchema.parse({ id: '3' })).toEqual({ id: 3 });
    for (const id of ['03', '+3', '3e0', '0x3', '3.0', ' 3', '0', '-1', '1234567890123456']) {
      expect(idParamsSchema.safeParse({ id }).success, id).toBe(false);
    }
  });

  it('bound page sizes and refuse cursors that are not opaque tokens', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 50 });
    expect(pageQuerySchema.safeParse({ limit: '501' }).success).toBe(false);
    expect(pageQuerySchema.safeParse({ cursor: 'abc/def' }).success).toBe(false);
  });
});

describe('audit actions', () => {
  it('read in both languages', () => {
    for (const [action, label] of Object.entries(AUDIT_ACTIONS)) {
      expect(action).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(label.vi.length).toBeGreaterThan(3);
      expect(label.en.length).toBeGreaterThan(3);
      expect(label.vi).not.toBe(label.en);
    }
  });
});
