import type { CreateCampaignRequest } from '@bluezone/contract';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { login, type Session, type TestApp } from './test-app.js';

/**
 * The people of the campaign tests, after the 2020 directive of UBND thành phố Lạng Sơn: an issuer at the province,
 * officers of three wards, a reporter of the province's culture centre, and an issuer of a commune elsewhere.
 */
export const PASSWORD = 'campaign password';

export const WARDS = { dongKinh: '05977', luongVanTri: '05983', tamThanh: '05986' } as const;

export interface CampaignPeople {
  issuer: Session;
  dongKinh: Session;
  luongVanTri: Session;
  tamThanh: Session;
  culture: Session;
  otherIssuer: Session;
  cultureAgencyId: number;
  womenAgencyId: number;
}

export async function campaignPeople(t: TestApp): Promise<CampaignPeople> {
  const culture = await t.services.agencies.create(SYSTEM_ACTOR, { code: 'LS-VH', name: 'Trung tâm Văn hóa, Thể thao và Truyền thông', unitCode: '20', group: 'trung tâm văn hóa' });
  const women = await t.services.agencies.create(SYSTEM_ACTOR, { code: 'LS-PN', name: 'Hội Liên hiệp Phụ nữ tỉnh', unitCode: '20', group: 'đoàn thể' });
  const users: [string, Parameters<TestApp['services']['users']['create']>[1]][] = [
    ['issuer', { username: 'sotttt', displayName: 'Sở TTTT', password: PASSWORD, role: 'campaign_issuer', unitCode: '20' }],
    ['dongKinh', { username: 'ubnd.dongkinh', displayName: 'Nguyễn Thị Hoa', password: PASSWORD, role: 'unit_officer', unitCode: WARDS.dongKinh, email: 'dongkinh@example.vn', phone: '0912 000 001' }],
    ['luongVanTri', { username: 'ubnd.luongvantri', displayName: 'Hoàng Văn Nam', password: PASSWORD, role: 'unit_officer', unitCode: WARDS.luongVanTri, email: 'luongvantri@example.vn', phone: '0912 000 002' }],
    ['tamThanh', { username: 'ubnd.tamthanh', displayName: 'Lý Thị Mai', password: PASSWORD, role: 'unit_officer', unitCode: WARDS.tamThanh }],
    ['culture', { username: 'ttvh', displayName: 'Lương Văn Bình', password: PASSWORD, role: 'agency_reporter', unitCode: '20', agencyCode: 'LS-VH', email: 'ttvh@example.vn' }],
    ['otherIssuer', { username: 'ubnd.dongdang', displayName: 'UBND xã Đồng Đăng', password: PASSWORD, role: 'campaign_issuer', unitCode: '06184' }],
  ];
  const sessions: Record<string, Session> = {};
  for (const [key, user] of users) {
    await t.services.users.create(SYSTEM_ACTOR, user);
    sessions[key] = await login(t.app, user.username, PASSWORD);
  }
  return { ...(sessions as unknown as Omit<CampaignPeople, 'cultureAgencyId' | 'womenAgencyId'>), cultureAgencyId: culture.id, womenAgencyId: women.id };
}

/** The directive of August 2020, addressed to two wards and the culture centre, with one round. */
export function directive(people: CampaignPeople, overrides: Partial<CreateCampaignRequest> = {}): CreateCampaignRequest {
  return {
    documentNumber: '1405/STTTT-TTBCXB',
    title: 'V/v tăng cường tuyên truyền phòng, chống dịch Covid-19',
    issuedOn: '2026-11-20',
    issuingBody: 'Sở Thông tin và Truyền thông',
    body: 'Đề nghị các cơ quan, đơn vị báo cáo kết quả cài đặt ứng dụng Bluezone.',
    recipients: { unitCodes: [WARDS.dongKinh, WARDS.luongVanTri], agencyIds: [people.cultureAgencyId] },
    rounds: [{ name: 'Đợt 1', periodEnd: '2026-11-25', deadline: '2026-11-25' }],
    header: { parentBody: 'UBND tỉnh Lạng Sơn', reportTo: 'Ủy ban nhân dân tỉnh Lạng Sơn', signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', signerName: 'Lê Hải Yến', symbol: 'BC-STTTT' },
    ...overrides,
  };
}
