import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { resources } from '../i18n/index.js';
import { AGENCY_CODE, DISPLAY_NAME, NEW_PASSWORD, USERNAME } from './specs.js';
import { checkText, issueMessage, serverIssues } from './validation.js';

let vi: TFunction;
let en: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'vi', fallbackLng: 'vi', interpolation: { escapeValue: false } });
  vi = i18n.getFixedT('vi');
  en = i18n.getFixedT('en');
});

describe('checkText', () => {
  it('applies the contract rules of a username after trimming and lower-casing', () => {
    expect(checkText(USERNAME, '')).toEqual({ problem: 'required' });
    expect(checkText(USERNAME, '  ab ')).toEqual({ problem: 'too_short', limit: 3 });
    expect(checkText(USERNAME, 'x'.repeat(65))).toEqual({ problem: 'too_long', limit: 64 });
    expect(checkText(USERNAME, 'lê văn')).toEqual({ problem: 'invalid_format' });
    expect(checkText(USERNAME, ' Hoa.Nguyen ')).toBeNull();
  });

  it('counts characters as people do and leaves passwords untrimmed', () => {
    expect(checkText(DISPLAY_NAME, 'Lạng Sơn'.padEnd(200, 'ơ'))).toBeNull();
    expect(checkText(DISPLAY_NAME, '   ')).toEqual({ problem: 'required' });
    expect(checkText(NEW_PASSWORD, '         a')).toBeNull();
    expect(checkText(AGENCY_CODE, '')).toBeNull();
  });
});

describe('issueMessage', () => {
  it('names the field in the reader language', () => {
    expect(issueMessage(vi, USERNAME, { problem: 'too_short', limit: 3 })).toBe('Tên đăng nhập: cần ít nhất 3 ký tự');
    expect(issueMessage(en, USERNAME, { problem: 'too_short', limit: 3 })).toBe('Username: at least 3 characters');
    expect(issueMessage(vi, DISPLAY_NAME, { problem: 'required' })).toBe('Họ và tên: cần điền');
  });

  it('says plainly that a username is taken, and which characters a username may have', () => {
    expect(issueMessage(vi, USERNAME, { problem: 'taken' })).toBe('Tên đăng nhập này đã có người dùng.');
    expect(issueMessage(en, USERNAME, { problem: 'taken' })).toBe('This username is taken.');
    expect(issueMessage(en, USERNAME, { problem: 'invalid_format' })).toBe('Username: use only lower-case letters a–z, digits and . - _');
  });

  it('uses a field\'s own sentence for a refused value', () => {
    const current = { labelKey: 'password.current', invalidKey: 'password.currentWrong' };
    expect(issueMessage(vi, current, { problem: 'invalid_value' })).toBe('Mật khẩu hiện tại không đúng.');
    expect(issueMessage(en, DISPLAY_NAME, { problem: 'invalid_value' })).toBe('Full name: not a valid value');
  });

  it('reads a one-character floor as a missing value', () => {
    expect(issueMessage(en, DISPLAY_NAME, { problem: 'too_short', limit: 1 })).toBe('Full name: required');
  });
});

describe('serverIssues', () => {
  const specs = { username: USERNAME, displayName: DISPLAY_NAME };

  it('puts the server field problems at the form fields, and words the others without the server English', () => {
    const error = new ApiError('conflict', 'username "hoa" is taken', 409, [
      { field: 'username', problem: 'taken' },
      { field: 'rounds.0.deadline', problem: 'invalid_format' },
    ]);
    const issues = serverIssues(vi, error, specs);
    expect(issues.byField).toEqual({ username: 'Tên đăng nhập này đã có người dùng.' });
    expect(issues.others).toEqual(['Một ô khác: không đúng định dạng']);
    expect(JSON.stringify(issues)).not.toContain('taken');
  });

  it('finds nothing in an error without fields or in something that is not an API error', () => {
    expect(serverIssues(vi, new ApiError('forbidden', 'no', 403), specs)).toEqual({ byField: {}, others: [] });
    expect(serverIssues(vi, new Error('boom'), specs)).toEqual({ byField: {}, others: [] });
  });
});
