import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ConfigError } from '../platform/env-reader.js';

const problems = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('campaign and e-mail configuration', () => {
  it('keeps e-mail off and reminds two days ahead by default', () => {
    const config = loadConfig({});
    expect(config.notifications.smtp).toBeUndefined();
    expect(config.campaigns).toMatchObject({ reminderDaysBefore: 2, reminderIntervalSeconds: 900, attachmentMaxBytes: 10 * 1024 * 1024, publicUrl: undefined });
    expect(config.campaigns.attachmentsDir).toBe(path.resolve('data', 'campaign-attachments'));
  });

  it('takes SMTP as one URL or as host, port and credentials', () => {
    expect(loadConfig({ BLUEZONE_SMTP_URL: 'smtps://u:p@mail.example.vn:465', BLUEZONE_SMTP_FROM: 'noreply@example.vn' }).notifications.smtp).toMatchObject({ url: 'smtps://u:p@mail.example.vn:465' });
    const parts = loadConfig({ BLUEZONE_SMTP_HOST: 'mail.example.vn', BLUEZONE_SMTP_PORT: '465', BLUEZONE_SMTP_USER: 'u', BLUEZONE_SMTP_PASSWORD: 'p', BLUEZONE_SMTP_FROM: 'Bluezone <noreply@example.vn>' });
    expect(parts.notifications.smtp).toMatchObject({ host: 'mail.example.vn', port: 465, secure: true, user: 'u', from: 'Bluezone <noreply@example.vn>' });
  });

  it('refuses to start on a half-done or contradictory SMTP setup, naming every problem', () => {
    expect(problems({ BLUEZONE_SMTP_HOST: 'mail.example.vn', BLUEZONE_SMTP_USER: 'u' })).toEqual([
      'BLUEZONE_SMTP_USER and BLUEZONE_SMTP_PASSWORD: set both or neither',
      expect.stringContaining('BLUEZONE_SMTP_FROM: required'),
    ]);
    expect(problems({ BLUEZONE_SMTP_URL: 'http://mail.example.vn', BLUEZONE_SMTP_HOST: 'x', BLUEZONE_SMTP_FROM: 'not an address' })).toEqual([
      'BLUEZONE_SMTP_URL and BLUEZONE_SMTP_HOST: set one of them, not both',
      expect.stringContaining('BLUEZONE_SMTP_URL: must look like'),
      expect.stringContaining('BLUEZONE_SMTP_FROM: "not an address"'),
    ]);
    expect(problems({ BLUEZONE_SMTP_FROM: 'noreply@example.vn' })).toEqual([expect.stringContaining('BLUEZONE_SMTP_FROM: set BLUEZONE_SMTP_URL or BLUEZONE_SMTP_HOST too')]);
    expect(problems({ BLUEZONE_PUBLIC_URL: 'bluezone.example.vn', BLUEZONE_REMINDER_DAYS_BEFORE: '40' })).toHaveLength(2);
  });
});
