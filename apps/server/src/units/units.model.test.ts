import { describe, expect, it } from 'vitest';
import { searchText } from '../platform/search-text.js';
import { officialCountryCounts, officialProvinceUnits } from './units.seed.js';

describe('searchText', () => {
  it('strips Vietnamese diacritics, maps đ to d and lower-cases', () => {
    expect(searchText('Lạng Sơn')).toBe('lang son');
    expect(searchText('ĐỒNG  ĐĂNG ')).toBe('dong dang');
    expect(searchText('Xã Quốc Khánh')).toBe('xa quoc khanh');
    expect(searchText('Hữu Lũng')).toBe('huu lung');
  });
});

describe('the shipped official list', () => {
  it('holds the whole country: 34 provinces, 3,321 wards, communes and special zones', () => {
    expect(officialCountryCounts()).toEqual({ provinces: 34, units: 3321 });
  });

  it('gives Lạng Sơn 4 wards and 61 communes under it', () => {
    const [province, ...children] = officialProvinceUnits('20');
    expect(province).toMatchObject({ code: '20', fullName: 'Tỉnh Lạng Sơn', level: 'province', parentCode: null });
    expect(children.filter((u) => u.level === 'ward')).toHaveLength(4);
    expect(children.filter((u) => u.level === 'commune')).toHaveLength(61);
    expect(children.every((u) => u.parentCode === '20')).toBe(true);
    expect(children.find((u) => u.code === '06325')?.fullName).toBe('Xã Bắc Sơn');
  });
});
