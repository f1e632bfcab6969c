import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/session.js';
import { UnitBrowser, type UnitPlace } from '../units/unit-browser.js';

/**
 * The unit tree for administrators. The open unit and the search live in the URL (`/units?unit=06184&q=dong`), so
 * a link opens the same unit for a colleague, a reload keeps it, and the back button walks back up.
 */
export function UnitsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const place: UnitPlace = { code: params.get('unit') || undefined, q: params.get('q') || undefined };
  const onPlace = (next: UnitPlace) => {
    const search = new URLSearchParams();
    if (next.code) search.set('unit', next.code);
    if (next.q) search.set('q', next.q);
    setParams(search);
  };
  return (
    <>
      <h1>{t('units.title')}</h1>
      <UnitBrowser searchable manageAgencies manageUnitsWithin={user.unitCode} place={place} onPlace={onPlace} />
    </>
  );
}
