import type { Indicator, ReportStatus } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';

/** An indicator's wording in the reader's language (the campaign's own, which defaults to the directive's). */
export function indicatorLabel(indicator: Indicator, locale: string): string {
  return locale === 'en' ? indicator.label.en : indicator.label.vi;
}

/** A whole number of 0 or more as typed ("1.234" and "1 234" read as thousands); '' is undefined, nonsense null. */
export function parseCount(text: string): number | null | undefined {
  const value = text.trim().replace(/[.\s]/g, '');
  if (value === '') return undefined;
  if (!/^\d{1,8}$/.test(value)) return null;
  return Number(value);
}

/** A percentage 0–100 as typed, with a decimal comma or point ("80,5"); '' is undefined, anything else null. */
export function parsePercent(text: string): number | null | undefined {
  const value = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (value === '') return undefined;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) return null;
  const n = Number(value);
  return n <= 100 ? n : null;
}

/** A report's state as a coloured word, with "late" beside it when it was sent after the deadline. */
export function StatusBadge({ status, late }: { status: ReportStatus | 'not_started'; late: boolean }) {
  const { t } = useTranslation();
  const good = status === 'submitted' || status === 'accepted';
  return (
    <span className="status-badges">
      <span className={good ? 'badge badge-on' : 'badge badge-off'}>{t(`campaigns.status.${status}`)}</span>
      {good && late ? <span className="badge badge-late">{t('campaigns.status.late')}</span> : null}
    </span>
  );
}
