import type { SmallCount } from '@bluezone/contract';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { formatDay, formatPeriod } from '../components/format.js';
import { exportFileUrl, formatBytes, formatCount, isHiddenCount } from './format.js';
import './stats.css';

const SMALL_COUNT_NOTE = 'stats-small-count-note';

/** A per-day count; a hidden one reads "fewer than 10" to a screen reader, and the table points at why. */
function Count({ value }: { value: SmallCount }) {
  const { t, i18n } = useTranslation();
  if (!isHiddenCount(value)) return <>{formatCount(value, i18n.language)}</>;
  return (
    <>
      <span aria-hidden="true" title={t('stats.hiddenCount')}>
        {formatCount(value, i18n.language)}
      </span>
      <span className="visually-hidden">{t('stats.hiddenCount')}</span>
    </>
  );
}

/** Anonymous exposure-notification figures for health officers: codes and keys per day, and the live export files. */
export function StatsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const stats = useQuery({ queryKey: ['stats', 'exposure-notification'], queryFn: () => api.exposureNotificationStats() });
  // The server counts in Vietnamese days, oldest first, up to its own today; the newest reads first here, as elsewhere.
  const days = stats.data ? [...stats.data.days].reverse() : [];
  const today = stats.data?.days.at(-1)?.date;
  const files = stats.data ? [...stats.data.exportFiles].reverse() : [];

  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p className="hint">{t('stats.intro')}</p>
      {stats.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      <ErrorMessage error={stats.error} />

      {stats.data ? (
        <section aria-labelledby="stats-days-title">
          <h2 id="stats-days-title">{t('stats.daysTitle')}</h2>
          <p className="hint" id={SMALL_COUNT_NOTE}>
            {t('stats.smallCountNote')}
          </p>
          <ResponsiveTable
            className="stats-table"
            caption={t('stats.daysTitle')}
            describedBy={SMALL_COUNT_NOTE}
            rows={days}
            rowKey={(day) => day.date}
            rowCurrent={(day) => (day.date === today ? 'date' : undefined)}
            columns={[
              {
                label: t('stats.date'),
                render: (day) => (
                  <>
                    <time dateTime={day.date}>{formatDay(day.date, i18n.language)}</time>
                    {day.date === today ? <span className="badge badge-on">{t('stats.today')}</span> : null}
                  </>
                ),
              },
              { label: t('stats.codesIssued'), className: 'numeric', render: (day) => <Count value={day.codesIssued} /> },
              { label: t('stats.codesClaimed'), className: 'numeric', render: (day) => <Count value={day.codesClaimed} /> },
              { label: t('stats.keysPublished'), className: 'numeric', render: (day) => <Count value={day.keysPublished} /> },
            ]}
          />
        </section>
      ) : null}

      {stats.data ? (
        <section aria-labelledby="stats-files-title">
          <h2 id="stats-files-title">{t('stats.filesTitle')}</h2>
          <p className="hint">{t('stats.filesIntro')}</p>
          {files.length === 0 ? <p className="muted">{t('stats.noFiles')}</p> : null}
          {files.length > 0 ? (
            <ResponsiveTable
              className="stats-table"
              caption={t('stats.filesTitle')}
              rows={files}
              rowKey={(file) => file.name}
              columns={[
                {
                  label: t('stats.file'),
                  render: (file) => (
                    <a className="export-file" href={exportFileUrl(file.name)}>
                      {file.name}
                    </a>
                  ),
                },
                { label: t('stats.period'), render: (file) => formatPeriod(file.startTimestamp, file.endTimestamp, i18n.language) },
                { label: t('stats.keys'), className: 'numeric', render: (file) => formatCount(file.keys, i18n.language) },
                { label: t('stats.size'), className: 'numeric', render: (file) => formatBytes(file.bytes, i18n.language) },
              ]}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
