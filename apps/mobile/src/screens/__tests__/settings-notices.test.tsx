import { fireEvent, screen } from '@testing-library/react-native';
import { renderApp } from '../../test-support/render-app';
import licences from '../settings/licences.gen.json';
import { reflow } from '../settings/licences-screen';
import { T0, testPhone } from '../../test-support/test-platform';

const notice = (id: number, extra: object = {}) => ({
  id,
  title: `Thông báo số ${id}`,
  body: 'Người dân hạn chế ra khỏi nhà.',
  titleEn: null,
  bodyEn: null,
  publisher: 'Tỉnh Lạng Sơn',
  publisherEn: 'Lang Son Province',
  publishedAt: '2023-11-14T08:00:00.000Z',
  ...extra,
});

describe('settings', () => {
  it('pauses tracing and says so on the home screen; resumes from there (vi)', async () => {
    const phone = await testPhone({ granted: true });
    await renderApp(phone, { onboarded: true });
    fireEvent.press(await screen.findByTestId('tab-settings'));
    fireEvent(await screen.findByTestId('pause-switch'), 'valueChange', true);
    fireEvent.press(screen.getByTestId('tab-home'));
    expect(await screen.findByText('Bạn đã tạm dừng truy vết.')).toBeTruthy();
    fireEvent.press(screen.getByTestId('resume-tracing'));
    expect(await screen.findByText('Truy vết đang bật')).toBeTruthy();
    await phone.services.tracing.stop();
  });

  it('deletes all my data after a confirmation, and starts over (en)', async () => {
    const phone = await testPhone({ granted: true });
    await renderApp(phone, { onboarded: true, language: 'en' });
    await phone.services.sightings.add({ rpi: new Uint8Array(16), aem: new Uint8Array(4), timestamp: T0 / 1000, rssi: -60 });
    fireEvent.press(await screen.findByText('Settings'));
    fireEvent.press(await screen.findByTestId('delete-data'));
    expect(await phone.services.sightings.count()).toBe(1);
    fireEvent.press(await screen.findByText('Delete everything, I understand'));
    expect(await screen.findByText('What Bluezone does')).toBeTruthy();
    expect(await phone.services.sightings.count()).toBe(0);
    expect(phone.secrets.values.size).toBe(0);
  });

  it('shows the version, the privacy notice and the licences', async () => {
    const phone = await testPhone({ granted: true });
    await renderApp(phone, { onboarded: true });
    fireEvent.press(await screen.findByTestId('tab-settings'));
    expect(await screen.findByText(/^Phiên bản .* · cấu hình 1$/)).toBeTruthy();
    fireEvent.press(screen.getByText('Chính sách quyền riêng tư'));
    expect(await screen.findByText(/chỉ được lưu trên máy bạn và tự xóa sau 14 ngày/)).toBeTruthy();
    await phone.services.tracing.stop();
  });

  it('lists the shipped packages, transitive ones too, and opens the licence text of each (en)', async () => {
    const phone = await testPhone({ granted: true });
    await renderApp(phone, { onboarded: true, language: 'en' });
    fireEvent.press(await screen.findByText('Settings'));
    fireEvent.press(await screen.findByText('Open-source licences'));
    // scheduler ships inside react-native and is no dependency of the app's own package.json.
    const scheduler = licences.packages.find((p) => p.name === 'scheduler')!;
    const row = await screen.findByTestId(`licence-scheduler@${scheduler.version}`);
    expect(screen.queryByText(/Permission is hereby granted/)).toBeNull();
    fireEvent.press(row);
    expect(await screen.findByText(/Permission is hereby granted, free of charge/)).toBeTruthy();
    fireEvent.press(row);
    expect(screen.queryByText(/Permission is hereby granted/)).toBeNull();
    const bare = licences.packages.find((p) => p.text === null)!;
    fireEvent.press(screen.getByTestId(`licence-${bare.name}@${bare.version}`));
    expect(await screen.findByText(`This package carries no licence text of its own; it declares ${bare.license}.`)).toBeTruthy();
    await phone.services.tracing.stop();
  });
});

describe('licence texts on a phone', () => {
  it('joins the hard-wrapped lines of a paragraph, and keeps blank lines, indented lines and list items', () => {
    const text = 'Permission is hereby granted,\nfree of charge:\n\n1. Redistributions of source\ncode must retain\n   the notice.\n- a list item\n(a) another';
    expect(reflow(text)).toBe('Permission is hereby granted, free of charge:\n\n1. Redistributions of source code must retain\n   the notice.\n- a list item\n(a) another');
  });
});

describe('notices', () => {
  it('lists notices newest first with unread ones marked, opens one, and shows English when written (vi, en)', async () => {
    const phone = await testPhone({ granted: true });
    phone.server.notices = [notice(2, { titleEn: 'Notice 2', bodyEn: 'Please stay at home.' }), notice(1)];
    await renderApp(phone, { onboarded: true });
    fireEvent.press(await screen.findByTestId('tab-notices'));
    expect(await screen.findByText('Thông báo số 2')).toBeTruthy();
    expect(screen.getByLabelText('Chưa đọc: Thông báo số 1')).toBeTruthy();
    fireEvent.press(screen.getByTestId('notice-1'));
    expect(await screen.findByText('Người dân hạn chế ra khỏi nhà.')).toBeTruthy();
    expect(screen.getByText('Tỉnh Lạng Sơn · Thứ Ba, 14/11/2023')).toBeTruthy();
    expect((await phone.services.notices.list()).map((n) => n.read)).toEqual([false, true]);
  });

  it('in English, falls back to Vietnamese for notices written only in Vietnamese, and names the unit in English when it can', async () => {
    const phone = await testPhone({ granted: true });
    phone.server.notices = [notice(2, { titleEn: 'Notice 2', bodyEn: 'Please stay at home.' }), notice(1, { publisher: 'Thôn Nà Lầu', publisherEn: null })];
    await renderApp(phone, { onboarded: true, language: 'en' });
    fireEvent.press(await screen.findByText('Notices'));
    expect(await screen.findByText('Notice 2')).toBeTruthy();
    expect(screen.getByText('Thông báo số 1')).toBeTruthy();
    expect(screen.getByText(/^Lang Son Province · /)).toBeTruthy();
    expect(screen.getByText(/^Thôn Nà Lầu · /)).toBeTruthy();
  });
});
