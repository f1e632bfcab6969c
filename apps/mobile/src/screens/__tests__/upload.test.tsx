import { fireEvent, screen, waitFor } from '@testing-library/react-native';
import { navigationRef } from '../../root/app-root';
import { error } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';
import { T0, testPhone } from '../../test-support/test-platform';

async function phoneWithTwoDays(language?: 'vi' | 'en') {
  const phone = await testPhone({ granted: true });
  await phone.services.keys.keyFor(T0 / 1000 - 86_400);
  await renderApp(phone, { onboarded: true, language });
  return phone;
}

describe('I tested positive', () => {
  it('goes from the code to consent, onset and thanks, sharing only the days left ticked (vi)', async () => {
    const phone = await phoneWithTwoDays();
    fireEvent.press(await screen.findByTestId('tested-positive'));
    expect(await screen.findByText(/Chưa có gì được gửi đi cho tới khi bạn đồng ý/)).toBeTruthy();
    fireEvent.changeText(screen.getByTestId('code-input'), '1234 5678');
    fireEvent.press(screen.getByTestId('submit-code'));
    expect(await screen.findByText('Chia sẻ khóa của những ngày này?')).toBeTruthy();
    expect(screen.getByText('Thứ Ba, 14/11/2023')).toBeTruthy();
    expect(screen.getByText('hôm nay')).toBeTruthy();
    expect(phone.server.published).toHaveLength(0);
    fireEvent.press(screen.getByTestId('day-2023-11-13')); // untick yesterday
    fireEvent.press(screen.getByTestId('consent-agree'));
    expect(await screen.findByText('Bạn bắt đầu có triệu chứng từ ngày nào?')).toBeTruthy();
    fireEvent.press(screen.getByTestId('onset-2023-11-13'));
    fireEvent.press(screen.getByTestId('upload-submit'));
    expect(await screen.findByText('Cảm ơn bạn!')).toBeTruthy();
    expect(phone.server.published).toHaveLength(1);
    expect(phone.server.published[0]!.temporaryExposureKeys).toHaveLength(1);
    expect(phone.server.published[0]!.symptomOnsetInterval).toBe(Date.parse('2023-11-13T00:00:00Z') / 600_000);
    fireEvent.press(screen.getByTestId('upload-home'));
    expect(await screen.findByText(/Bạn đã chia sẻ khóa ngày Thứ Ba, 14\/11\/2023/)).toBeTruthy();
  });

  it('says a used or unknown code cannot be used, and lets the user retry a lost connection without losing the keys (en)', async () => {
    const phone = await phoneWithTwoDays('en');
    phone.server.handlers.set('POST /api/v1/verify', () => error(400, 'invalid_code'));
    fireEvent.press(await screen.findByText('I tested positive'));
    fireEvent.changeText(await screen.findByTestId('code-input'), '12345678');
    fireEvent.press(screen.getByTestId('submit-code'));
    expect(await screen.findByText('This code cannot be used: it may be wrong, used already or expired. Ask the health worker for a new one.')).toBeTruthy();

    phone.server.handlers.delete('POST /api/v1/verify');
    phone.server.handlers.set('POST /api/v1/verify', () => ({ status: 200, json: { token: 't', testType: 'confirmed', symptomDate: '2023-11-12', padding: '' } }));
    fireEvent.press(screen.getByTestId('submit-code'));
    fireEvent.press(await screen.findByText('Agree and continue'));
    expect(await screen.findByText('The health worker noted Sunday, 12/11/2023.')).toBeTruthy();
    phone.server.offline = true;
    fireEvent.press(screen.getByText('Upload my keys'));
    expect(await screen.findByText(/The server could not be reached. The keys you chose are kept on this phone/)).toBeTruthy();
    phone.server.offline = false;
    fireEvent.press(screen.getByTestId('upload-retry'));
    expect(await screen.findByText('Thank you!')).toBeTruthy();
    expect(phone.server.published[0]!.temporaryExposureKeys).toHaveLength(2);
    expect(phone.server.published[0]!.symptomOnsetInterval).toBe(Date.parse('2023-11-12T00:00:00Z') / 600_000);
  });

  it('opens with a code from a bluezone:// link and checks it at once', async () => {
    const phone = await testPhone({ granted: true });
    await renderApp(phone, { onboarded: true });
    await screen.findByTestId('home-screen');
    await waitFor(() => expect(navigationRef.isReady()).toBe(true));
    navigationRef.navigate('UploadCode', { c: 'AbCdEfGh12345678' });
    expect(await screen.findByText('Chia sẻ khóa của những ngày này?')).toBeTruthy();
    expect(phone.server.uploads()[0]?.body).toMatchObject({ code: 'AbCdEfGh12345678' });
  });
});
