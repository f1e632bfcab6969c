import type { Indicator, IndicatorKey, Report, SaveReportRequest } from '@bluezone/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDateTime, formatDay, formatPercent } from '../components/format.js';
import { Field } from '../forms/field.js';
import { useFormCheck } from '../forms/use-form-check.js';
import type { FieldSpec } from '../forms/validation.js';
import { CampaignDocument } from './campaign-document.js';
import { indicatorLabel, parseCount, parsePercent, StatusBadge } from './campaign-format.js';
import './campaigns.css';

interface Draft {
  staffTotal: string;
  staffInstalled: string;
  proposals: string;
  indicators: Partial<Record<IndicatorKey, { quantity: string; percent: string; note: string }>>;
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function draftOf(report: Report): Draft {
  const indicators: Draft['indicators'] = {};
  for (const indicator of report.form) {
    const value = report.indicators[indicator.key];
    indicators[indicator.key] = { quantity: text(value?.quantity), percent: indicator.target === null ? text(value?.percent) : '', note: value?.note ?? '' };
  }
  return { staffTotal: text(report.staffTotal), staffInstalled: text(report.staffInstalled), proposals: report.proposals ?? '', indicators };
}

/** The contract's rules for each field (saveReportRequestSchema), keyed as the server names them in its problems. */
function specsOf(form: readonly Indicator[]): Record<string, FieldSpec> {
  const count: Omit<FieldSpec, 'labelKey'> = { valid: (v) => parseCount(v) !== null, formatKey: 'campaigns.report.wholeNumber' };
  const specs: Record<string, FieldSpec> = {
    staffTotal: { ...count, labelKey: 'campaigns.report.staffTotal' },
    staffInstalled: { ...count, labelKey: 'campaigns.report.staffInstalled' },
    proposals: { labelKey: 'campaigns.report.proposals', maxLength: 5000 },
  };
  for (const indicator of form) {
    const labelKey = `campaigns.indicator.${indicator.key}`;
    specs[`indicators.${indicator.key}.quantity`] = { ...count, labelKey };
    specs[`indicators.${indicator.key}.percent`] = { labelKey, valid: (v) => parsePercent(v) !== null, formatKey: 'campaigns.report.percentRange' };
    specs[`indicators.${indicator.key}.note`] = { labelKey, maxLength: 1000 };
  }
  return specs;
}

function requestOf(draft: Draft, form: readonly Indicator[]): SaveReportRequest {
  const indicators: NonNullable<SaveReportRequest['indicators']> = {};
  for (const indicator of form) {
    const value = draft.indicators[indicator.key];
    const quantity = value ? parseCount(value.quantity) : null;
    // An empty row is left out: the reporter has nothing to report on that channel yet.
    if (!value || quantity === null || quantity === undefined) continue;
    const percent = indicator.target === null ? parsePercent(value.percent) : undefined;
    indicators[indicator.key] = { quantity, ...(percent !== null && percent !== undefined ? { percent } : {}), ...(value.note.trim() ? { note: value.note.trim() } : {}) };
  }
  return {
    staffTotal: parseCount(draft.staffTotal) ?? null,
    staffInstalled: parseCount(draft.staffInstalled) ?? null,
    indicators,
    ...(draft.proposals.trim() ? { proposals: draft.proposals.trim() } : {}),
  };
}

/**
 * A unit officer's or agency reporter's report for one round, made for a phone: one column, large number boxes with
 * the numeric keyboard, the install rate computed as they type, a draft saved as often as they like, then sent.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const params = useParams();
  const campaignId = Number(params.id);
  const roundNo = Number(params.roundNo);
  const campaign = useQuery({ queryKey: ['campaign', campaignId], queryFn: () => api.campaign(campaignId) });
  const report = useQuery({ queryKey: ['report', campaignId, roundNo], queryFn: () => api.ownReport(campaignId, roundNo) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [done, setDone] = useState<'saved' | 'submitted' | null>(null);
  const loaded = report.data?.report;
  useEffect(() => {
    if (loaded && draft === null) setDraft(draftOf(loaded));
  }, [loaded, draft]);

  const onSaved = (answer: { report: Report }) => {
    queryClient.setQueryData(['report', campaignId, roundNo], answer);
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
  const save = useMutation({ mutationFn: (request: SaveReportRequest) => api.saveReport(campaignId, roundNo, request), onSuccess: onSaved });
  const submit = useMutation({
    mutationFn: async (request: SaveReportRequest) => {
      await api.saveReport(campaignId, roundNo, request);
      return api.submitReport(campaignId, roundNo);
    },
    onSuccess: onSaved,
  });
  const form = loaded?.form ?? [];
  const specs = specsOf(form);
  const check = useFormCheck(specs, submit.error ?? save.error);

  if (campaign.isPending || report.isPending || !draft || !loaded) {
    return (
      <>
        <p className="muted">{t('common.loading')}</p>
        <ErrorMessage error={campaign.error ?? report.error} />
      </>
    );
  }
  const round = campaign.data?.campaign.rounds.find((r) => r.roundNo === roundNo);
  const roundName = round?.name ?? String(roundNo);
  const locked = loaded.roundClosed || loaded.status === 'submitted' || loaded.status === 'accepted';
  const staffTotal = parseCount(draft.staffTotal);
  const staffInstalled = parseCount(draft.staffInstalled);
  const installedPercent = staffTotal && staffInstalled !== null && staffInstalled !== undefined ? Math.round((staffInstalled / staffTotal) * 10_000) / 100 : null;

  const edit = (change: Partial<Draft>, key: string) => {
    check.touched(key);
    setDone(null);
    setDraft({ ...draft, ...change });
  };
  const editIndicator = (key: IndicatorKey, part: 'quantity' | 'percent' | 'note', value: string) => {
    const current = draft.indicators[key] ?? { quantity: '', percent: '', note: '' };
    edit({ indicators: { ...draft.indicators, [key]: { ...current, [part]: value } } }, `indicators.${key}.${part}`);
  };
  const valid = () => {
    const values: Record<string, string> = { staffTotal: draft.staffTotal, staffInstalled: draft.staffInstalled, proposals: draft.proposals };
    for (const indicator of form) {
      const value = draft.indicators[indicator.key];
      values[`indicators.${indicator.key}.quantity`] = value?.quantity ?? '';
      if (indicator.target === null) values[`indicators.${indicator.key}.percent`] = value?.percent ?? '';
      values[`indicators.${indicator.key}.note`] = value?.note ?? '';
    }
    const tooMany =
      staffTotal !== null && staffTotal !== undefined && staffInstalled !== null && staffInstalled !== undefined && staffInstalled > staffTotal
        ? t('fields.issue', { field: t('campaigns.report.staffInstalled'), problem: t('campaigns.report.tooMany') })
        : undefined;
    return check.check(values, { staffInstalled: tooMany });
  };
  const onSave = () => {
    if (valid()) save.mutate(requestOf(draft, form), { onSuccess: () => setDone('saved') });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (valid()) submit.mutate(requestOf(draft, form), { onSuccess: () => setDone('submitted') });
  };
  const numberInput = (key: string, value: string, onChange: (value: string) => void, decimal = false) => (control: object) => (
    <input {...control} className="number-input" inputMode={decimal ? 'decimal' : 'numeric'} autoComplete="off" value={value} disabled={locked} onChange={(e) => onChange(e.target.value)} name={key} />
  );

  return (
    <>
      <p>
        <Link to="/inbox">{t('campaigns.report.back')}</Link>
      </p>
      <div className="page-heading">
        <h1>{t('campaigns.report.title', { round: roundName })}</h1>
        <StatusBadge status={loaded.status} late={loaded.late} />
      </div>
      {round ? <p className="deadline">{t('campaigns.round.deadline', { day: formatDay(round.deadline, i18n.language) })}</p> : null}
      {campaign.data ? <CampaignDocument campaign={campaign.data.campaign} collapsed /> : null}

      {loaded.roundClosed ? <p className="message message-error">{t('campaigns.report.closed')}</p> : null}
      {loaded.status === 'returned' ? (
        <div className="message message-error" role="status">
          <p>{t('campaigns.report.returned', { comment: loaded.reviewComment ?? '' })}</p>
          <p>{t('campaigns.report.returnedHint')}</p>
        </div>
      ) : null}
      {loaded.status === 'accepted' ? <p className="message message-success">{t('campaigns.report.accepted')}</p> : null}
      {loaded.status === 'submitted' && loaded.submittedAt ? (
        <p className="message message-success" role="status">
          {t(loaded.late ? 'campaigns.report.submittedLate' : 'campaigns.report.submitted', { time: formatDateTime(loaded.submittedAt, i18n.language) })}
        </p>
      ) : null}
      {!locked && loaded.pastDeadline && loaded.status !== 'returned' ? <p className="message message-error">{t('campaigns.report.lateWarning')}</p> : null}

      <form className="report-form" aria-label={t('campaigns.report.title', { round: roundName })} onSubmit={onSubmit} noValidate>
        <fieldset className="card" disabled={locked}>
          <legend>{t('campaigns.report.installsSection')}</legend>
          <Field label={t('campaigns.report.staffTotal')} id={check.idOf('staffTotal')} error={check.errorOf('staffTotal')}>
            {numberInput('staffTotal', draft.staffTotal, (v) => edit({ staffTotal: v }, 'staffTotal'))}
          </Field>
          <Field label={t('campaigns.report.staffInstalled')} id={check.idOf('staffInstalled')} error={check.errorOf('staffInstalled')}>
            {numberInput('staffInstalled', draft.staffInstalled, (v) => edit({ staffInstalled: v }, 'staffInstalled'))}
          </Field>
          <p className="computed" aria-live="polite">
            {t('campaigns.report.installedPercent', { percent: formatPercent(installedPercent, i18n.language) })}
          </p>
        </fieldset>

        <fieldset className="card" disabled={locked}>
          <legend>{t('campaigns.report.indicatorsSection')}</legend>
          {form.map((indicator, i) => {
            const value = draft.indicators[indicator.key] ?? { quantity: '', percent: '', note: '' };
            const label = `${i + 1}. ${indicatorLabel(indicator, i18n.language)}`;
            const computed = indicator.target === null ? null : parseCount(value.quantity);
            return (
              <fieldset key={indicator.key} className="indicator-row">
                <legend>{label}</legend>
                {indicator.note ? <p className="hint">{indicator.note}</p> : null}
                <div className="indicator-fields">
                  <Field label={t('campaigns.indicator.quantity')} id={check.idOf(`indicators.${indicator.key}.quantity`)} error={check.errorOf(`indicators.${indicator.key}.quantity`)} optional>
                    {numberInput(`${indicator.key}-quantity`, value.quantity, (v) => editIndicator(indicator.key, 'quantity', v))}
                  </Field>
                  {indicator.target === null ? (
                    <Field label={t('campaigns.indicator.percent')} id={check.idOf(`indicators.${indicator.key}.percent`)} error={check.errorOf(`indicators.${indicator.key}.percent`)} optional>
                      {numberInput(`${indicator.key}-percent`, value.percent, (v) => editIndicator(indicator.key, 'percent', v), true)}
                    </Field>
                  ) : (
                    <p className="computed">
                      {t('campaigns.indicator.percentComputed', { target: indicator.target })}:{' '}
                      {formatPercent(computed === null || computed === undefined ? null : Math.round((computed / indicator.target) * 10_000) / 100, i18n.language)}
                    </p>
                  )}
                </div>
                <Field label={t('campaigns.indicator.note')} id={check.idOf(`indicators.${indicator.key}.note`)} error={check.errorOf(`indicators.${indicator.key}.note`)} optional>
                  {(control) => <input {...control} value={value.note} disabled={locked} onChange={(e) => editIndicator(indicator.key, 'note', e.target.value)} />}
                </Field>
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset className="card" disabled={locked}>
          <legend>{t('campaigns.report.proposals')}</legend>
          <Field label={t('campaigns.report.proposals')} id={check.idOf('proposals')} error={check.errorOf('proposals')} optional>
            {(control) => <textarea {...control} rows={4} value={draft.proposals} onChange={(e) => edit({ proposals: e.target.value }, 'proposals')} />}
          </Field>
        </fieldset>

        <ErrorMessage error={submit.error ?? save.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
        {done === 'saved' && loaded.updatedAt ? (
          <p className="message message-success" role="status">
            {t('campaigns.report.saved', { time: formatDateTime(loaded.updatedAt, i18n.language) })}
          </p>
        ) : null}
        {!locked ? (
          <div className="form-actions report-actions">
            <button type="button" className="button-secondary" disabled={save.isPending || submit.isPending} onClick={onSave}>
              {save.isPending ? t('campaigns.report.saving') : t('campaigns.report.save')}
            </button>
            <button type="submit" disabled={save.isPending || submit.isPending}>
              {submit.isPending ? t('campaigns.report.submitting') : t('campaigns.report.submit')}
            </button>
          </div>
        ) : null}
      </form>
    </>
  );
}
