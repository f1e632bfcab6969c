import { useTranslation } from 'react-i18next';
import { UnitBrowser } from '../units/unit-browser.js';

export function UnitsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('units.title')}</h1>
      <UnitBrowser searchable manageAgencies />
    </>
  );
}
