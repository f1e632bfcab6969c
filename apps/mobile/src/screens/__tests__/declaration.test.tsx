import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { navigationRef } from '../../root/app-root';
import { error } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';
import { testPhone } from '../../test-support/test-platform';
import { warnedPhone } from '../../test-support/warned-phone';

const next = () => fireEvent.press(screen.getByTestId('declaration-next'));
const checked = (testID: string) => screen.getByTestId(testID).props.accessibilityState?.checked;

/** Fills the steps up to "Confirm and send" with the answers of a woman in Đồng Đăng. */
async function fillToSend(): Promise<void> {
  fireEvent.changeText(await screen.findByTestId('field-fullName'), 'Nông Thị Lan');
  fireEvent.changeText(screen.getByTestId('field-yearOfBirth'), '1990');
  fireEvent.press(screen.getByTestId('gender-female'));
  fireEvent.changeText(screen.getByTestId('field-phone'), '0912 345 678');
  next();
  fireEvent.changeText(await screen.findByTestId('field-residence.unitCode'), 'dong dang');
  fireEvent.press(await screen.findByTestId('field-residence.unitCode-option-06184', {}, { timeout: 5000 }));
  fireEvent.changeText(screen.getByTestId('field-residence.address'), 'Thôn Pò Mã');
  next();
  await screen.findByTestId('visit-add');
  next();
  fireEvent.press(await screen.findByTestId('contactCase-no'));
  fireEvent.press(screen.getByTestId('contactArrival-no'));
  fireEvent.press(screen.getByTestId('contactFever-no'));
  next();
  await screen.findByTestId('declaration-submit');
}

/** From Settings, "my declarations", a new declaration filled and sent. */
async function declareFromSettings(): Promise<void> {
  fireEvent.press(await screen.findByTestId('tab-settings'));
  fireEvent.press(await screen.findByTestId('settings-declarations'));
  fireEvent.press(await screen.findByTestId('declarations-new'));
  await fillToSend();
  fireEvent.press(screen.getByTestId('consent'));
  fireEvent.press(screen.getByTestId('declaration-submit'));
}

describe('the health declaration', () => {
  it('opens from the warning with "warned by Bluezone" ticked, checks each step, sends, and keeps the receipt with its QR code (vi)', async () => {
    const phone = await warnedPhone();
    await renderApp(phone, { onboarded: true });
    // The check on opening verifies signed files: slow on a cold start, so give it time.
    fireEvent.press(await screen.findByTestId('open-warning', {}, { timeout: 10_000 }));
    fireEvent.press(await screen.findByTestId('warning-declare'));
    expect(await screen.findByText('Bước 1/5: Người được khai báo')).toBeTruthy();
    expect(screen.getByTestId('declaration-no-tracing-data').props.children).toBe(
      'Tờ khai chỉ gồm những gì bạn điền ở đây. Bluezone không gửi kèm mã đã ghi nhận, khóa hay lịch sử tiếp xúc của bạn.',
    );
    // The step is checked before the next: each problem beside its field, in Vietnamese.
    next();
    expect((await screen.findByTestId('field-fullName-error')).props.children).toEqual(['⚠ ', 'Cần điền']);
    expect(screen.getByTestId('field-gender-error').props.children).toEqual(['⚠ ', 'Cần chọn']);
    fireEvent.changeText(screen.getByTestId('field-phone'), 'abc');
    fireEvent.changeText(screen.getByTestId('field-yearOfBirth'), '19');
    next();
    expect((await screen.findByTestId('field-yearOfBirth-error')).props.children).toEqual(['⚠ ', 'Cần năm sinh bốn chữ số, ví dụ 1985']);
    expect(screen.getByTestId('field-phone-error').props.children).toEqual(['⚠ ', 'Cần ít nhất 6 ký tự']);
    expect(screen.getByText('Còn 4 chỗ cần sửa ở bước này, được đánh dấu bên dưới.')).toBeTruthy();

    await fillToSend();
    expect(screen.getByText('Bước 5/5: Xác nhận và gửi')).toBeTruthy();
    fireEvent.press(screen.getByTestId('declaration-previous'));
    expect(checked('warned-yes')).toBe(true);
    expect(screen.getByText('Đã chọn "Có" vì bạn mở tờ khai từ cảnh báo của Bluezone. Bạn có thể đổi.')).toBeTruthy();
    next();
    fireEvent.press(await screen.findByTestId('declaration-submit'));
    expect((await screen.findByTestId('field-consent-error')).props.children).toEqual(['⚠ ', 'Bạn cần đồng ý để gửi tờ khai.']);
    expect(phone.server.declarations).toHaveLength(0);
    fireEvent.press(screen.getByTestId('consent'));
    fireEvent.press(screen.getByTestId('declaration-submit'));

    expect(await screen.findByText('Đã nhận tờ khai')).toBeTruthy();
    expect(screen.getByTestId('receipt-code').props.children).toBe('ABCD-2222');
    expect(screen.getByLabelText('Mã QR của biên nhận ABCD-2222')).toBeTruthy();
    expect(screen.getByText('Bạn thuộc diện nghi ngờ mắc bệnh.')).toBeTruthy();
    expect(screen.getByText('Ứng dụng Bluezone cảnh báo tiếp xúc gần')).toBeTruthy();
    expect(screen.getByText('Trạm y tế xã Đồng Đăng')).toBeTruthy();
    expect(screen.getByText('Gọi 0205 3851 234')).toBeTruthy();
    expect(phone.server.declarations[0]).toMatchObject({ kind: 'domestic', fullName: 'Nông Thị Lan', yearOfBirth: 1990, residence: { unitCode: '06184', address: 'Thôn Pò Mã' }, warnedByApp: true });
    // What left the phone: the declaration, nothing of its tracing.
    expect(phone.server.uploads().map((r) => r.url)).toEqual(['https://bluezone.test/api/v1/declarations']);

    fireEvent.press(screen.getByTestId('receipt-done'));
    expect(await screen.findByText('Tờ khai của tôi (1)')).toBeTruthy();
    fireEvent.press(screen.getByTestId('home-declarations'));
    fireEvent.press(await screen.findByTestId('receipt-ABCD-2222'));
    expect(await screen.findByLabelText('Mã QR của biên nhận ABCD-2222')).toBeTruthy();
  });

  it('brings the server’s field problems back to their field, keeps the draft through a lost connection, and deletes a receipt (en)', async () => {
    const phone = await testPhone({ granted: true });
    const takes = phone.server.handlers.get('POST /api/v1/declarations')!;
    await renderApp(phone, { onboarded: true, language: 'en' });
    fireEvent.press(await screen.findByTestId('home-declare'));
    expect(await screen.findByText('Step 1 of 5: The person declared')).toBeTruthy();
    await fillToSend();
    fireEvent.press(screen.getByTestId('consent'));

    phone.server.handlers.set('POST /api/v1/declarations', () => ({
      status: 400,
      json: { error: { code: 'unknown_unit', message: 'unknown unit', fields: [{ field: 'residence.unitCode', problem: 'not_found' }] } },
    }));
    fireEvent.press(screen.getByTestId('declaration-submit'));
    expect(await screen.findByText('Step 2 of 5: Where you live')).toBeTruthy();
    expect(screen.getByTestId('field-residence.unitCode-error').props.children).toEqual(['⚠ ', 'Not in the list: pick it again']);
    expect(screen.getByText('The server found answers to fix; each is marked beside its field.')).toBeTruthy();
    phone.server.handlers.set('POST /api/v1/declarations', takes);
    fireEvent.press(screen.getByTestId('field-residence.unitCode-change'));
    fireEvent.changeText(await screen.findByTestId('field-residence.unitCode'), 'chi lang');
    fireEvent.press(await screen.findByTestId('field-residence.unitCode-option-06352', {}, { timeout: 5000 }));
    next();
    next();
    next();

    phone.server.offline = true;
    fireEvent.press(await screen.findByTestId('declaration-submit'));
    expect(await screen.findByText('The server could not be reached. Your declaration is kept on this phone; check the network, then press Send again.')).toBeTruthy();
    expect((await phone.services.declarations.draft())?.residence?.code).toBe('06352');
    phone.server.offline = false;
    fireEvent.press(screen.getByText('Send again'));
    expect(await screen.findByText('Declaration received')).toBeTruthy();
    expect(screen.getByText('You are neither a suspected case nor back from an epidemic area.')).toBeTruthy();
    expect(await phone.services.declarations.draft()).toBeUndefined();

    fireEvent.press(screen.getByTestId('receipt-done'));
    fireEvent.press(await screen.findByTestId('tab-settings'));
    fireEvent.press(await screen.findByTestId('settings-declarations'));
    fireEvent.press(await screen.findByTestId('receipt-ABCD-2222'));
    fireEvent.press(await screen.findByTestId('receipt-remove'));
    fireEvent.press(screen.getByTestId('receipt-remove-confirm'));
    expect(await screen.findByTestId('declarations-empty')).toBeTruthy();
    expect(await phone.services.declarations.receipts()).toEqual([]);
  });

  it('keeps a form left half-typed, and says a rate limit plainly (vi)', async () => {
    const phone = await testPhone({ granted: true });
    await renderApp(phone, { onboarded: true });
    fireEvent.press(await screen.findByTestId('home-declare'));
    fireEvent.changeText(await screen.findByTestId('field-fullName'), 'Hoàng Văn Tâm');
    act(() => navigationRef.goBack());
    await waitFor(async () => expect((await phone.services.declarations.draft())?.fullName).toBe('Hoàng Văn Tâm'));
    fireEvent.press(await screen.findByTestId('home-declare'));
    expect(await screen.findByText('Bạn đang điền dở tờ khai này; mọi thứ đã điền vẫn còn.')).toBeTruthy();
    expect(screen.getByTestId('field-fullName').props.value).toBe('Hoàng Văn Tâm');
    fireEvent.press(screen.getByTestId('declaration-start-over'));
    await waitFor(() => expect(screen.getByTestId('field-fullName').props.value).toBe(''));

    await fillToSend();
    fireEvent.press(screen.getByTestId('consent'));
    phone.server.handlers.set('POST /api/v1/declarations', () => error(429, 'rate_limited'));
    fireEvent.press(screen.getByTestId('declaration-submit'));
    expect(await screen.findByText('Máy chủ đang nhận quá nhiều tờ khai từ mạng này. Tờ khai vẫn được giữ trên máy; hãy thử lại sau vài phút.')).toBeTruthy();
    phone.server.handlers.set('POST /api/v1/declarations', () => error(503, 'unavailable'));
    fireEvent.press(screen.getByTestId('declaration-submit'));
    expect(await screen.findByText('Máy chủ đang gặp sự cố. Tờ khai vẫn được giữ trên máy; hãy thử lại sau ít phút.')).toBeTruthy();
    expect(await phone.services.declarations.receipts()).toEqual([]);
  });

  it('lists the receipts in Settings, and deletes them with all my data (en)', async () => {
    const phone = await testPhone({ granted: true });
    await renderApp(phone, { onboarded: true, language: 'en' });
    fireEvent.press(await screen.findByTestId('tab-settings'));
    fireEvent.press(await screen.findByTestId('settings-declarations'));
    expect(await screen.findByText('You have not sent a declaration from this phone yet.')).toBeTruthy();
    fireEvent.press(screen.getByTestId('declarations-new'));
    await fillToSend();
    fireEvent.press(screen.getByTestId('consent'));
    fireEvent.press(screen.getByTestId('declaration-submit'));
    expect(await screen.findByText('Declaration received')).toBeTruthy();
    act(() => navigationRef.navigate('Main', { screen: 'Settings' }));
    expect(await screen.findByText(/health declaration receipts/)).toBeTruthy();
    fireEvent.press(screen.getByTestId('delete-data'));
    fireEvent.press(await screen.findByTestId('delete-confirm'));
    expect(await screen.findByText('What Bluezone does')).toBeTruthy();
    expect(await phone.services.declarations.receipts()).toEqual([]);
  });
  it('lets a monitored arrival report each day from the receipt, and says to call when a day has symptoms (vi)', async () => {
    const phone = await testPhone({ granted: true });
    phone.server.monitoredUntil = '2023-11-28';
    phone.server.today = '2023-11-16';
    await renderApp(phone, { onboarded: true, language: 'vi' });
    await declareFromSettings();
    expect(await screen.findByText('Báo cáo sức khỏe hằng ngày')).toBeTruthy();
    // Today first, then the day before, not reported yet; symptoms in the contract's order.
    expect(await screen.findByText(/16\/11\/2023: chưa báo/)).toBeTruthy();
    expect(checked('self-report-day-2023-11-16')).toBe(true);
    fireEvent.press(screen.getByTestId('self-report-day-2023-11-15'));
    fireEvent.press(screen.getByTestId('self-report-send'));
    expect(await screen.findByTestId('self-report-sent')).toBeTruthy();
    expect(phone.server.selfReports.get('ABCD-2222')).toEqual([{ day: '2023-11-15', symptoms: [], selfReported: true }]);
    expect(screen.queryByTestId('self-report-day-2023-11-15')).toBeNull();
    // The next day to report is chosen for the user: the 15th is sent, today is left.
    expect(checked('self-report-day-2023-11-16')).toBe(true);
    fireEvent.press(screen.getByTestId('self-report-symptom-cough'));
    fireEvent.press(screen.getByTestId('self-report-symptom-fever'));
    fireEvent.press(screen.getByTestId('self-report-send'));
    expect(await screen.findByTestId('self-report-suspected')).toBeTruthy();
    expect(phone.server.selfReports.get('ABCD-2222')?.at(-1)).toEqual({ day: '2023-11-16', symptoms: ['fever', 'cough'], selfReported: true });
    expect(screen.getByTestId('self-report-call')).toBeTruthy();
  });

  it('shows the daily report only when the server monitors the declaration, and says when it no longer has one (en)', async () => {
    const phone = await testPhone({ granted: true });
    await renderApp(phone, { onboarded: true, language: 'en' });
    await declareFromSettings();
    expect(await screen.findByText('Declaration received')).toBeTruthy();
    // Not monitored when declared: nothing is sent until the user asks, then the server says.
    fireEvent.press(await screen.findByTestId('self-report-ask'));
    expect(await screen.findByText('This declaration is not monitored day by day: you need not report.')).toBeTruthy();
    expect(screen.queryByTestId('self-report-send')).toBeNull();
    // An epidemic area added since makes it an arrival: reopened and asked, the receipt takes the daily report.
    phone.server.monitoredUntil = '2023-11-28';
    act(() => navigationRef.navigate('Main', { screen: 'Settings' }));
    fireEvent.press(await screen.findByTestId('settings-declarations'));
    fireEvent.press(await screen.findByTestId('receipt-ABCD-2222'));
    fireEvent.press(await screen.findByTestId('self-report-ask'));
    expect(await screen.findByTestId('self-report-send')).toBeTruthy();
    act(() => navigationRef.navigate('Main', { screen: 'Settings' }));

    phone.server.handlers.set('POST /api/v1/declarations/self-report', () => error(404, 'invalid_self_report_key'));
    fireEvent.press(await screen.findByTestId('settings-declarations'));
    fireEvent.press(await screen.findByTestId('declarations-new'));
    await fillToSend();
    fireEvent.press(screen.getByTestId('consent'));
    fireEvent.press(screen.getByTestId('declaration-submit'));
    expect(await screen.findByText(/takes no more reports from this receipt/)).toBeTruthy();
    expect(screen.queryByTestId('self-report-retry')).toBeNull();
  });
});
