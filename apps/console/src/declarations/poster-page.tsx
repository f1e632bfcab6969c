import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/api-context.js';
import { useCurrentUser } from '../auth/session.js';
import { ErrorMessage } from '../components/error-message.js';
import { QrImage } from '../components/qr-image.js';
import i18next from 'i18next';
import { UnitPicker } from '../units/unit-picker.js';
import { unitLabel } from '../units/unit-queries.js';
import './declarations.css';

/** The address a ward's poster points at: the declaration page with the ward already chosen. */
export function declarationLink(unitCode: string): string {
  return `${window.location.origin}/khai-bao?dv=${encodeURIComponent(unitCode)}`;
}

/**
 * An A4 poster per ward or commune: the QR code of its declaration page, in Vietnamese for the people who read it
 * (with a line in English for visitors), whatever the console's language. Printed alone (see declarations.css).
 */
export function PosterPage() {
  const { t } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const code = params.get('unit') ?? user.unitCode;
  const unit = useQuery({ queryKey: ['units', 'detail', code], queryFn: () => api.unit(code) });
  const vi = i18next.getFixedT('vi');
  const en = i18next.getFixedT('en');
  const ward = unit.data ? unitLabel(unit.data, 'vi') : code;
  return (
    <>
      <h1>{t('poster.title')}</h1>
      <p className="hint">{t('poster.intro')}</p>
      <div className="card">
        <UnitPicker label={t('poster.unit')} value={unit.data ? { code, name: unitLabel(unit.data) } : null} onChange={(value) => setParams({ unit: value.code })} />
        <div className="form-actions">
          <button type="button" onClick={() => window.print()}>
            {t('poster.print')}
          </button>
        </div>
      </div>
      <ErrorMessage error={unit.error} />
      <article className="poster" lang="vi" aria-label={t('poster.title')}>
        <p className="poster-headline">{vi('poster.headline')}</p>
        <p className="poster-subhead">{vi('poster.subhead')}</p>
        <p className="poster-unit">{ward}</p>
        <QrImage text={declarationLink(code)} alt={t('poster.qrAlt', { unit: ward })} size={416} className="poster-qr" />
        <p className="poster-scan">{vi('poster.scan')}</p>
        <p>
          {vi('poster.orVisit')} <span className="poster-url">{declarationLink(code)}</span>
        </p>
        <p>{vi('poster.steps')}</p>
        <p className="poster-english" lang="en">
          {en('poster.scan')}
        </p>
      </article>
    </>
  );
}
