import { fireEvent, screen } from '@testing-library/react-native';
import { renderApp } from '../../test-support/render-app';
import { testPhone } from '../../test-support/test-platform';
import { warnedPhone } from '../../test-support/warned-phone';

describe('the exposure warning', () => {
  it('checks on opening, shows the warning with the day of the contact, and what to do now (vi)', async () => {
    const phone = await warnedPhone();
    await renderApp(phone, { onboarded: true });
    expect(await screen.findByText('Bạn đã tiếp xúc gần với người nhiễm')).toBeTruthy();
    expect(screen.getByText('Ngày tiếp xúc: Thứ Ba, 14/11/2023.')).toBeTruthy();
    expect(phone.notifications).toHaveLength(1);
    fireEvent.press(screen.getByTestId('open-warning'));
    expect(await screen.findByText('Bạn đã tiếp xúc gần với người nhiễm COVID-19')).toBeTruthy();
    expect(screen.getByTestId('exposure-date').props.children).toBe('Ngày tiếp xúc: Thứ Ba, 14/11/2023');
    expect(screen.getByText('Ở nhà, hạn chế tiếp xúc với người khác và đeo khẩu trang khi cần gặp ai.')).toBeTruthy();
    expect(screen.getByText(/Gọi trạm y tế phường, xã nơi bạn ở/)).toBeTruthy();
    expect(screen.getByText('Khai báo y tế và ghi rõ bạn được Bluezone cảnh báo.')).toBeTruthy();
    // The day, never the time: no hh:mm anywhere on the screen.
    expect(screen.queryByText(/\d{1,2}:\d{2}/)).toBeNull();
    // The way to act on step 3: the declaration in the app (its flow is tested in declaration.test.tsx).
    expect(screen.getByTestId('warning-declare')).toBeTruthy();
    expect(screen.getByText('Khai báo y tế')).toBeTruthy();
    expect(phone.server.uploads()).toEqual([]);
  });

  it('reads the same in English', async () => {
    const phone = await warnedPhone();
    await renderApp(phone, { onboarded: true, language: 'en' });
    expect(await screen.findByText('You were in close contact with an infected person')).toBeTruthy();
    fireEvent.press(screen.getByText('See what to do'));
    expect(await screen.findByText('You were in close contact with someone who has COVID-19')).toBeTruthy();
    expect(screen.getByText('Date of contact: Tuesday, 14/11/2023')).toBeTruthy();
    expect(screen.getByText('Make a health declaration and say that Bluezone warned you.')).toBeTruthy();
    expect(screen.getByText('Health declaration')).toBeTruthy();
  });

  it('shows no exposure, and when the last check failed, why', async () => {
    const phone = await testPhone({ granted: true });
    phone.server.offline = true;
    await renderApp(phone, { onboarded: true });
    expect(await screen.findByText('Chưa phát hiện tiếp xúc gần')).toBeTruthy();
    expect(await screen.findByText('Lần kiểm tra gần nhất chưa xong: không kết nối được máy chủ')).toBeTruthy();
    phone.server.offline = false;
    fireEvent.press(screen.getByTestId('check-now'));
    expect(await screen.findByText(/^Kiểm tra lần cuối: \d\d:\d\d, 14\/11\/2023$/)).toBeTruthy();
    expect(screen.queryByText(/chưa xong/)).toBeNull();
  });
});
