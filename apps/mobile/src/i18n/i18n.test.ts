import { en } from './en';
import { formatDay, initI18n } from './index';
import { vi } from './vi';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('translations', () => {
  it('have the same keys in Vietnamese and English, none empty, none left untranslated', () => {
    expect(keys(en)).toEqual(keys(vi));
    const viTexts = new Map(keys(vi).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], vi)]));
    for (const key of keys(en)) {
      const text = key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en);
      expect(JSON.stringify(text).length).toBeGreaterThan(2);
      // Names and placeholders may match; sentences must not.
      if (typeof text === 'string' && text.length > 24) expect([key, text]).not.toEqual([key, viTexts.get(key)]);
    }
  });

  it('formats days in each language', async () => {
    const i18n = await initI18n('vi');
    expect(formatDay('2023-11-14', i18n.t)).toBe('Thứ Ba, 14/11/2023');
    await i18n.changeLanguage('en');
    expect(formatDay('2023-11-14', i18n.t)).toBe('Tuesday, 14/11/2023');
  });
});
