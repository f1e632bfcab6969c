import { describe, expect, it } from 'vitest';
import { officialCountryUnits } from '../units/units.seed.js';
import { NationalGazetteer } from './places.model.js';

const country = new NationalGazetteer(officialCountryUnits());

describe('the national list of places', () => {
  it('finds a province by its name without diacritics, the province first', () => {
    const found = country.search('da nang', 5);
    expect(found[0]).toMatchObject({ code: '48', level: 'province', provinceCode: '48', local: false });
  });

  it('finds wards and communes with their province, and by code', () => {
    expect(country.search('dong dang', 5).map((p) => p.code)).toContain('06184');
    expect(country.get('06184')).toMatchObject({ fullName: 'Xã Đồng Đăng', provinceCode: '20', provinceName: 'Lạng Sơn' });
    expect(country.search('0618', 5).map((p) => p.code)).toEqual(['06184', '06187']);
    expect(country.search('  ', 5)).toEqual([]);
  });

  it('knows each unit’s lineage and what a province holds', () => {
    expect(country.lineage('06184')).toEqual(['06184', '20']);
    expect(country.lineage('20')).toEqual(['20']);
    expect(country.lineage('nope')).toBeUndefined();
    expect(country.within('20')).toHaveLength(66);
    expect(country.within('06184')).toEqual(['06184']);
    expect(country.within('nope')).toEqual([]);
  });
});
