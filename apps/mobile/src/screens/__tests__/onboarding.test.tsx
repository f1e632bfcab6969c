import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { renderApp } from '../../test-support/render-app';
import { testPhone } from '../../test-support/test-platform';

describe('onboarding', () => {
  it('says what the app does and does not do, asks for Bluetooth then notifications with their reasons, then traces (vi)', async () => {
    const phone = await testPhone();
    await renderApp(phone);
    expect(await screen.findByText('Bluezone giúp bạn biết sớm nếu đã ở gần người nhiễm COVID-19')).toBeTruthy();
    expect(screen.getByText('Không dùng vị trí hay GPS: Bluezone không biết bạn đang ở đâu.')).toBeTruthy();
    expect(screen.getByText(/Không gửi gì ra khỏi máy, trừ khi bạn xét nghiệm dương tính/)).toBeTruthy();
    expect(phone.permissions.bluetoothState).toBe('undetermined');

    fireEvent.press(screen.getByTestId('welcome-continue'));
    expect(await screen.findByText(/Bluezone không dùng nó để xác định vị trí của bạn/)).toBeTruthy();
    // Nothing is asked before the user presses the button.
    expect(phone.permissions.bluetoothState).toBe('undetermined');
    fireEvent.press(screen.getByTestId('allow-bluetooth'));
    expect(await screen.findByText(/kể cả khi không mở ứng dụng/)).toBeTruthy();
    expect(phone.permissions.bluetoothState).toBe('granted');
    fireEvent.press(screen.getByTestId('allow-notifications'));

    expect(await screen.findByText('Truy vết đang bật')).toBeTruthy();
    expect(screen.getByText('Chưa phát hiện tiếp xúc gần')).toBeTruthy();
    expect(phone.permissions.notificationState).toBe('granted');
    expect(await phone.services.state.get('settings.onboarded')).toBe(true);
    await phone.services.tracing.stop();
  });

  it('switches to English from the first screen, and says why tracing is off when Bluetooth was not allowed (en)', async () => {
    const phone = await testPhone();
    phone.permissions.bluetoothState = 'denied';
    await renderApp(phone);
    fireEvent.press(await screen.findByTestId('language-switch'));
    expect(await screen.findByText('Bluezone lets you know early if you were near someone with COVID-19')).toBeTruthy();
    expect(screen.getByText('What Bluezone does not do')).toBeTruthy();
    fireEvent.press(screen.getByTestId('welcome-continue'));
    fireEvent.press(await screen.findByTestId('allow-bluetooth'));
    expect(await screen.findByText(/Bluetooth is not allowed yet/)).toBeTruthy();
    fireEvent.press(screen.getByText('Not now'));
    fireEvent.press(await screen.findByText('Not now'));
    expect(await screen.findByText('Tracing is off')).toBeTruthy();
    expect(screen.getByText('Bluezone is not allowed to use Bluetooth.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Notifications are off: you might not learn of a warning straight away.')).toBeTruthy());
    expect(await phone.services.state.get('settings.language')).toBe('en');
    await phone.services.tracing.stop();
  });
});
