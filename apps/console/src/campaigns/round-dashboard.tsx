import type { Campaign, Round, SummaryResponse } from '@bluezone/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDateTime, formatNumber, formatPercent } from '../components/format.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { saveFile } from '../components/save-file.js';
import { Field } from '../forms/field.js';
import { LOCAL_UNIT_LEVELS } from '../api/contract-values.js';
import { ProvinceMap } from '../map/province-map.js';
import { indicatorLabel, StatusBadge } from './campaign-format.js';
import { InstallChart } from './install-chart.js';

type Row = SummaryResponse['rows'][number];

// Longer lists start folded, so the figures, the chart and the map stay near the top of the page.
const LONG_LIST = 20;

// The map and the chart show the local tier: the wards, communes and special zones.
const LOCAL_LEVELS: ReadonlySet<string> = new Set(LOCAL_UNIT_LEVELS);

/**
 * One round as its issuer follows it: who was expected, who sent on time or late, who is missing and how to reach
 * them, the totals in the directive's table, the roll-up by unit and by agency group, a chart and a map of the
 * install rate, and the combined report to download.
 */
export function RoundDashboard({ campaign, round }: { campaign: Campaign; round: Round }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const locale = i18n.language;
  const summary = useQuery({ queryKey: ['summary', campaign.id, round.roundNo], queryFn: () => api.summary(campaign.id, round.roundNo) });
  const [returning, setReturning] = useState<{ row: Row; comment: string } | null>(null);
  const [reviewed, setReviewed] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['summary', campaign.id] });
    void queryClient.invalidateQueries({ queryKey: ['trend', campaign.id] });
  };
  const review = useMutation({
    mutationFn: ({ row, comment }: { row: Row; comment?: string }) =>
      comment === undefined ? api.acceptReport(campaign.id, round.roundNo, row.recipient.id) : api.returnReport(campaign.id, round.roundNo, row.recipient.id, comment),
    onSuccess: (_answer, { row }) => {
      setReturning(null);
      setReviewed(t('campaigns.dashboard.reviewed', { name: row.recipient.name }));
      refresh();
    },
  });
  const download = useMutation({
    mutationFn: ({ roundNo, format }: { roundNo: number | undefined; format: 'docx' | 'xlsx' }) => api.exportRound(campaign.id, roundNo, format),
    onSuccess: ({ blob, fileName }, { format }) => saveFile(blob, fileName ?? `bao-cao.${format}`),
  });

  if (summary.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (!summary.data) return <ErrorMessage error={summary.error} />;
  const s = summary.data;
  const nameOf = (r: Row['recipient']) => (locale === 'en' ? r.nameEn : r.name);
  const localUnits = s.byUnit.filter((u) => LOCAL_LEVELS.has(u.level));
  // The chart shows the units with a figure, highest rate first; the map shows every ward and commune.
  const chartUnits = localUnits.length > 0 ? localUnits : s.byUnit;
  const charted = chartUnits
    .filter((u) => u.installedPercent !== null)
    .map((u) => ({ key: u.unitCode, label: locale === 'en' ? u.nameEn : u.name, value: u.installedPercent ?? 0 }))
    .sort((a, b) => b.value - a.value);
  const uncharted = chartUnits.length - charted.length;
  const figures: [string, string][] = [
    ['expected', formatNumber(s.expected, locale)],
    ['submitted', t('campaigns.dashboard.submittedOf', { submitted: formatNumber(s.submitted, locale), expected: formatNumber(s.expected, locale) })],
    ['onTime', formatNumber(s.onTime, locale)],
    ['late', formatNumber(s.late, locale)],
    ['missing', formatNumber(s.missing.length, locale)],
    ['returned', formatNumber(s.returned, locale)],
    ['accepted', formatNumber(s.accepted, locale)],
  ];

  return (
    <section aria-labelledby="round-dashboard-title" className="round-dashboard">
      <h2 id="round-dashboard-title">{t('campaigns.dashboard.title', { round: round.name })}</h2>
      <dl className="figure-cards">
        {figures.map(([key, value]) => (
          <div key={key} className={`figure-card figure-${key}`} data-testid={`figure-${key}`}>
            <dt>{t(`campaigns.dashboard.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <div className="card">
        <h3>{t('campaigns.dashboard.totalsTitle')}</h3>
        <dl className="facts">
          <div>
            <dt>{t('campaigns.dashboard.staffTotal')}</dt>
            <dd data-testid="total-staff">{formatNumber(s.totals.staffTotal, locale)}</dd>
          </div>
          <div>
            <dt>{t('campaigns.dashboard.staffInstalled')}</dt>
            <dd data-testid="total-installed">{formatNumber(s.totals.staffInstalled, locale)}</dd>
          </div>
          <div>
            <dt>{t('campaigns.dashboard.installedPercent')}</dt>
            <dd data-testid="total-percent">{formatPercent(s.totals.installedPercent, locale)}</dd>
          </div>
        </dl>
        <p className="hint">{t('campaigns.dashboard.percentNote')}</p>
        <ResponsiveTable
          caption={t('campaigns.dashboard.tableCaption')}
          rows={campaign.indicators.map((indicator, i) => ({ indicator, i }))}
          rowKey={({ indicator }) => indicator.key}
          columns={[
            { label: t('campaigns.dashboard.tt'), render: ({ i }) => i + 1 },
            { label: t('campaigns.dashboard.method'), render: ({ indicator }) => indicatorLabel(indicator, locale) },
            { label: t('campaigns.indicator.quantity'), className: 'numeric', render: ({ indicator }) => formatNumber(s.totals.indicators[indicator.key]?.quantity ?? 0, locale) },
            { label: t('campaigns.indicator.percent'), className: 'numeric', render: ({ indicator }) => formatPercent(s.totals.indicators[indicator.key]?.percent, locale) },
            { label: t('campaigns.indicator.note'), render: ({ indicator }) => indicator.note ?? '' },
          ]}
        />
      </div>

      <div className="card">
        <h3>{t('campaigns.dashboard.exportTitle')}</h3>
        <p className="hint">{t('campaigns.dashboard.exportHint')}</p>
        <div className="form-actions">
          <button type="button" disabled={download.isPending} onClick={() => download.mutate({ roundNo: round.roundNo, format: 'docx' })}>
            {t('campaigns.dashboard.exportRoundDocx', { round: round.name })}
          </button>
          <button type="button" className="button-secondary" disabled={download.isPending} onClick={() => download.mutate({ roundNo: round.roundNo, format: 'xlsx' })}>
            {t('campaigns.dashboard.exportRoundXlsx', { round: round.name })}
          </button>
          {campaign.rounds.length > 1 ? (
            <>
              <button type="button" className="button-secondary" disabled={download.isPending} onClick={() => download.mutate({ roundNo: undefined, format: 'docx' })}>
                {t('campaigns.dashboard.exportAllDocx')}
              </button>
              <button type="button" className="button-secondary" disabled={download.isPending} onClick={() => download.mutate({ roundNo: undefined, format: 'xlsx' })}>
                {t('campaigns.dashboard.exportAllXlsx')}
              </button>
            </>
          ) : null}
        </div>
        <ErrorMessage error={download.error} />
      </div>

      <div className="grid-2">
        <section className="card" aria-labelledby="chart-title">
          <h3 id="chart-title">{t('campaigns.dashboard.chartTitle')}</h3>
          {charted.length > 0 ? (
            <InstallChart title={t('campaigns.dashboard.chartCaption')} locale={locale} bars={charted} />
          ) : null}
          {uncharted > 0 ? <p className="hint">{t('campaigns.dashboard.withoutFigure', { count: uncharted })}</p> : null}
        </section>
        <section className="card" aria-labelledby="map-title">
          <h3 id="map-title">{t('campaigns.dashboard.mapTitle')}</h3>
          <ProvinceMap
            title={t('campaigns.dashboard.mapTitle')}
            values={Object.fromEntries(localUnits.map((u) => [u.unitCode, u.installedPercent]))}
            names={Object.fromEntries(localUnits.map((u) => [u.unitCode, locale === 'en' ? u.nameEn : u.name]))}
            format={(v) => formatPercent(v, locale)}
            noDataLabel={t('campaigns.dashboard.noFigure')}
            domain={[0, 100]}
          />
        </section>
      </div>

      <details className="dashboard-details" open={s.missing.length <= LONG_LIST}>
        <summary>
          <h3>{t('campaigns.dashboard.missingTitle')} ({formatNumber(s.missing.length, locale)})</h3>
        </summary>
        {s.missing.length === 0 ? <p className="muted">{t('campaigns.dashboard.noneMissing')}</p> : null}
        {s.missing.length > 0 ? (
          <ResponsiveTable
            caption={t('campaigns.dashboard.missingTitle')}
            rows={s.missing}
            rowKey={(m) => m.recipient.id}
            columns={[
              { label: t('campaigns.dashboard.recipient'), render: (m) => nameOf(m.recipient) },
              { label: t('campaigns.round.label'), render: (m) => <StatusBadge status={m.status} late={false} /> },
              {
                label: t('campaigns.dashboard.contacts'),
                render: (m) =>
                  m.contacts.length === 0 ? (
                    <span className="muted">{t('campaigns.dashboard.noContact')}</span>
                  ) : (
                    <ul className="contact-list">
                      {m.contacts.map((c) => (
                        <li key={c.username}>
                          {c.displayName}
                          {c.phone ? (
                            <>
                              {' · '}
                              <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
                            </>
                          ) : null}
                          {c.email ? (
                            <>
                              {' · '}
                              <a href={`mailto:${c.email}`}>{c.email}</a>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        ) : null}
      </details>

      <details className="dashboard-details" open={s.rows.length <= LONG_LIST}>
        <summary>
          <h3>{t('campaigns.dashboard.reportsTitle')} ({formatNumber(s.rows.length, locale)})</h3>
        </summary>
        {reviewed ? (
          <p className="message message-success" role="status">
            {reviewed}
          </p>
        ) : null}
        <ErrorMessage error={review.error} />
        <ResponsiveTable
          caption={t('campaigns.dashboard.reportsTitle')}
          rows={s.rows}
          rowKey={(r) => r.recipient.id}
          columns={[
            { label: t('campaigns.dashboard.recipient'), render: (r) => nameOf(r.recipient) },
            { label: t('campaigns.round.label'), render: (r) => <StatusBadge status={r.status} late={r.late} /> },
            { label: t('campaigns.dashboard.submittedAt'), render: (r) => (r.submittedAt ? formatDateTime(r.submittedAt, locale) : '—') },
            { label: t('campaigns.dashboard.staffTotal'), className: 'numeric', render: (r) => (r.staffTotal === null ? '—' : formatNumber(r.staffTotal, locale)) },
            { label: t('campaigns.dashboard.staffInstalled'), className: 'numeric', render: (r) => (r.staffInstalled === null ? '—' : formatNumber(r.staffInstalled, locale)) },
            { label: t('campaigns.dashboard.installedPercent'), className: 'numeric', render: (r) => formatPercent(r.installedPercent, locale) },
            { label: t('campaigns.dashboard.proposals'), render: (r) => r.proposals ?? '' },
            {
              label: t('common.actions'),
              render: (r) =>
                r.status === 'submitted' && round.closedAt === null ? (
                  <div className="form-actions">
                    <button type="button" className="button-small" disabled={review.isPending} onClick={() => review.mutate({ row: r })}>
                      {t('campaigns.dashboard.accept')}
                    </button>
                    <button type="button" className="button-small button-secondary" onClick={() => setReturning({ row: r, comment: '' })}>
                      {t('campaigns.dashboard.return')}
                    </button>
                  </div>
                ) : r.status === 'submitted' ? (
                  <button type="button" className="button-small" disabled={review.isPending} onClick={() => review.mutate({ row: r })}>
                    {t('campaigns.dashboard.accept')}
                  </button>
                ) : null,
            },
          ]}
        />
        {returning ? (
          <form
            className="card"
            aria-label={t('campaigns.dashboard.returnComment', { name: nameOf(returning.row.recipient) })}
            onSubmit={(event) => {
              event.preventDefault();
              if (returning.comment.trim()) review.mutate({ row: returning.row, comment: returning.comment.trim() });
            }}
          >
            <Field label={t('campaigns.dashboard.returnComment', { name: nameOf(returning.row.recipient) })}>
              {(control) => <textarea {...control} rows={3} value={returning.comment} onChange={(e) => setReturning({ ...returning, comment: e.target.value })} />}
            </Field>
            <div className="form-actions">
              <button type="submit" disabled={review.isPending || !returning.comment.trim()}>
                {t('campaigns.dashboard.returnSend')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setReturning(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </details>

      <details className="dashboard-details" open={s.byUnit.length <= LONG_LIST}>
        <summary>
          <h3>{t('campaigns.dashboard.byUnitTitle')} ({formatNumber(s.byUnit.length, locale)})</h3>
        </summary>
        <ResponsiveTable
          caption={t('campaigns.dashboard.byUnitCaption')}
          rows={s.byUnit}
          rowKey={(u) => u.unitCode}
          columns={[
            { label: t('campaigns.dashboard.unit'), render: (u) => (locale === 'en' ? u.nameEn : u.name) },
            { label: t('campaigns.dashboard.expected'), className: 'numeric', render: (u) => formatNumber(u.expected, locale) },
            { label: t('campaigns.dashboard.submitted'), className: 'numeric', render: (u) => formatNumber(u.submitted, locale) },
            { label: t('campaigns.dashboard.late'), className: 'numeric', render: (u) => formatNumber(u.late, locale) },
            { label: t('campaigns.dashboard.missing'), className: 'numeric', render: (u) => formatNumber(u.missingCount, locale) },
            { label: t('campaigns.dashboard.installedPercent'), className: 'numeric', render: (u) => formatPercent(u.installedPercent, locale) },
          ]}
        />
      </details>
      {s.byGroup.length > 0 ? (
        <>
          <h3>{t('campaigns.dashboard.byGroupTitle')}</h3>
          <ResponsiveTable
            caption={t('campaigns.dashboard.byGroupTitle')}
            rows={s.byGroup}
            rowKey={(g) => g.group ?? ''}
            columns={[
              { label: t('agencies.group'), render: (g) => g.group ?? t('campaigns.dashboard.noGroup') },
              { label: t('campaigns.dashboard.expected'), className: 'numeric', render: (g) => formatNumber(g.expected, locale) },
              { label: t('campaigns.dashboard.submitted'), className: 'numeric', render: (g) => formatNumber(g.submitted, locale) },
              { label: t('campaigns.dashboard.late'), className: 'numeric', render: (g) => formatNumber(g.late, locale) },
              { label: t('campaigns.dashboard.installedPercent'), className: 'numeric', render: (g) => formatPercent(g.installedPercent, locale) },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
