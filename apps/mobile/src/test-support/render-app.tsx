import { render } from '@testing-library/react-native';
import { initI18n, type Language } from '../i18n';
import { loadInitialState } from '../root/app-model';
import { AppRoot } from '../root/app-root';
import type { TestPhone } from './test-platform';

/** Draws the whole app over a test phone, as the phone would after boot. */
export async function renderApp(phone: TestPhone, options: { language?: Language; onboarded?: boolean } = {}) {
  const { services } = phone;
  if (options.language) await services.state.set('settings.language', options.language);
  if (options.onboarded) {
    await services.state.set('settings.onboarded', true);
    await phone.permissions.requestBluetooth();
    await phone.permissions.requestNotifications();
    await services.tracing.start();
  }
  const initial = await loadInitialState(services);
  const i18n = await initI18n(initial.language);
  return render(<AppRoot services={services} i18n={i18n} initial={initial} />);
}
