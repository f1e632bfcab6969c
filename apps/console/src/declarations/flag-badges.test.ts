import { describe, expect, it } from 'vitest';
import { inSentence } from './flag-badges.js';

describe('a unit named inside a sentence', () => {
  it('reads "xã Đồng Đăng" in Vietnamese, as the names of stations are written, and stays as it is in English', () => {
    expect(inSentence('Xã Đồng Đăng', 'vi')).toBe('xã Đồng Đăng');
    expect(inSentence('Phường Đông Kinh', 'vi')).toBe('phường Đông Kinh');
    expect(inSentence('Xãnh', 'vi')).toBe('Xãnh');
    expect(inSentence('Dong Dang Commune', 'en')).toBe('Dong Dang Commune');
  });
});
