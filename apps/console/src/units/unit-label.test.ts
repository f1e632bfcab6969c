import { describe, expect, it } from 'vitest';
import { unitLabel } from './unit-queries.js';

const dongKinh = { name: 'Đông Kinh', fullName: 'Phường Đông Kinh', nameEn: 'Dong Kinh', fullNameEn: 'Dong Kinh Ward' };

describe('unitLabel', () => {
  it('names a unit in the console language', () => {
    expect(unitLabel(dongKinh, 'vi')).toBe('Phường Đông Kinh');
    expect(unitLabel(dongKinh, 'en')).toBe('Dong Kinh Ward');
  });

  it('falls back to the Vietnamese name when a hand-added unit has no English one', () => {
    expect(unitLabel({ name: 'Thôn Nà Lầu', fullName: 'Thôn Nà Lầu', nameEn: '', fullNameEn: '' }, 'en')).toBe('Thôn Nà Lầu');
  });
});
