import type { DeclarationFilter, DeclarationStatus, DeclarationSummary } from '@bluezone/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../api/api-context.js';
import { DECLARATION_STATUSES } from '../api/contract-values.js';
import { useCurrentUser } from '../auth/session.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { formatDateTime, formatDay, parseDay, vietnamDay } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { saveFile } from '../components/save-file.js';
import { Field } from '../forms/field.js';
import { DAY } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { UnitPicker } from '../units/unit-picker.js';
import type { UnitRef } from '../units/unit-queries.js';
import { FlagBadges } from './flag-badges.js';
import { HealthStationCard } from './health-station-card.js';
import './declarations.css';
import { DayInput } from '../forms/day-input.js';

// Keyed by the names of declarationFilterSchema, as the server reports its field problems.
const SPECS = {
  unit: { labelKey: 'declarations.unit' },
  flag: { labelKey: 'declarations.flag' },
  status: { labelKey: 'declarations.status' },
  from: { ...DAY, labelKey: 'declarations.from' },
  to: { ...DAY, labelKey: 'declarations.to' },
};

interface Draft {
  unit: UnitRef | null;
  flag: '' | 'suspected' | 'arrival';
  status: '' | 'open' | DeclarationStatus;
  from: string;
  to: string;
}

function filterOf(draft: Draft): DeclarationFilter {
  const from = parseDay(draft.from);
  const to = parseDay(draft.to);
  return {
    ...(draft.unit ? { unit: draft.unit.code } : {}),
    ...(draft.flag ? { flag: draft.flag } : {}),
    ...(draft.status ? { status: draft.status } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** A unit's queue of declarations: suspected cases first, then arrivals from epidemic areas, newest first. */
export function DeclarationsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({ unit: null, flag: '', status: 'open', from: '', to: '' });
  const [filter, setFilter] = useState<DeclarationFilter>({ status: 'open' });
  const list = usePagedQuery(['declarations', filter], (cursor) => api.declarations(filter, cursor));
  const check = useFormCheck(SPECS, list.error);
  const download = useMutation({
    mutationFn: () => api.declarationsExport(filter),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? t('declarations.exportFileName')),
  });
  const unitCode = filter.unit ?? user.unitCode;
  const unit = useQuery({ queryKey: ['units', 'detail', unitCode], queryFn: () => api.unit(unitCode) });

  const edit = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    check.touched(key);
    setDraft({ ...draft, [key]: value });
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!check.check({ from: draft.from, to: draft.to })) return;
    download.reset();
    setFilter(filterOf(draft));
    void queryClient.invalidateQueries({ queryKey: ['declarations'] });
  };

  const today = vietnamDay(new Date());
  const columns = [
    {
      label: t('declarations.person'),
      render: (d: DeclarationSummary) => (
        <>
          <Link to={`/declarations/${d.id}`}>{d.fullName}</Link>
          <br />
          <span className="muted">{t('declarations.yearOfBirth', { year: d.yearOfBirth })}</span>
        </>
      ),
    },
    { label: t('declarations.flagsColumn'), render: (d: DeclarationSummary) => <FlagBadges suspected={d.suspected} arrival={d.arrivalFromEpidemicArea} /> },
    { label: t('declarations.status'), render: (d: DeclarationSummary) => t(`declarations.statuses.${d.status}`) },
    { label: t('declarations.phone'), render: (d: DeclarationSummary) => <a href={`tel:${d.phone.replace(/[^\d+]/g, '')}`}>{d.phone}</a> },
    { label: t('declarations.residence'), render: (d: DeclarationSummary) => `${d.residence.address}, ${i18n.language === 'en' ? d.residence.unitNameEn : d.residence.unitName}` },
    { label: t('declarations.declaredAt'), render: (d: DeclarationSummary) => formatDateTime(d.declaredAt, i18n.language) },
    { label: t('declarations.nextFollowUp'), render: (d: DeclarationSummary) => (d.nextFollowUp ? formatDay(d.nextFollowUp, i18n.language) : '') },
    { label: t('declarations.lastCheck'), render: (d: DeclarationSummary) => <LastCheck declaration={d} today={today} /> },
    { label: t('declarations.receipt'), render: (d: DeclarationSummary) => <span lang="en">{d.receipt}</span> },
  ];

  return (
    <>
      <div className="page-heading">
        <h1>{t('declarations.title')}</h1>
        <Link to={`/declaration-poster${filter.unit ? `?unit=${encodeURIComponent(filter.unit)}` : ''}`}>{t('declarations.poster')}</Link>
      </div>
      <p>{t('declarations.intro')}</p>
      <form role="search" className="card" aria-label={t('declarations.filters')} onSubmit={apply} noValidate>
        <UnitPicker label={t('declarations.unit')} id={check.idOf('unit')} error={check.errorOf('unit')} value={draft.unit} onChange={(value) => edit('unit', value)} />
        <div className="filters">
          <Field label={t('declarations.flag')} id={check.idOf('flag')} error={check.errorOf('flag')} plain>
            {(control) => (
              <select {...control} value={draft.flag} onChange={(e) => edit('flag', e.target.value as Draft['flag'])}>
                <option value="">{t('declarations.flags.any')}</option>
                <option value="suspected">{t('declarations.flags.suspected')}</option>
                <option value="arrival">{t('declarations.flags.arrival')}</option>
              </select>
            )}
          </Field>
          <Field label={t('declarations.status')} id={check.idOf('status')} error={check.errorOf('status')} plain>
            {(control) => (
              <select {...control} value={draft.status} onChange={(e) => edit('status', e.target.value as Draft['status'])}>
                <option value="">{t('declarations.anyStatus')}</option>
                <option value="open">{t('declarations.openStatus')}</option>
                {DECLARATION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`declarations.statuses.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {(['from', 'to'] as const).map((name) => (
            <Field key={name} label={t(SPECS[name].labelKey)} id={check.idOf(name)} error={check.errorOf(name)} hint={t('fields.dayHint')} plain>
              {(control) => <DayInput {...control} value={draft[name]} onChange={(e) => edit(name, e.target.value)} />}
            </Field>
          ))}
          <div className="form-actions">
            <button type="submit">{t('common.search')}</button>
          </div>
        </div>
      </form>

      <div className="export-bar">
        <button type="button" className="button-secondary" aria-describedby="declarations-export-hint" disabled={download.isPending} onClick={() => download.mutate()}>
          {download.isPending ? t('declarations.exporting') : t('declarations.export')}
        </button>
        <p id="declarations-export-hint" className="hint">
          {t('declarations.exportHint')}
        </p>
      </div>
      <ErrorMessage error={download.error} />
      <SuccessMessage>{download.data ? t('declarations.exported', { file: download.data.fileName ?? t('declarations.exportFileName') }) : null}</SuccessMessage>

      <ErrorMessage error={list.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
      {list.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {list.data && list.items.length === 0 ? <p>{t('declarations.empty')}</p> : null}
      {list.items.length > 0 ? <ResponsiveTable caption={t('declarations.caption')} rows={list.items} rowKey={(d) => d.id} columns={columns} /> : null}
      <LoadMore query={list} />

      {unit.data && unit.data.level !== 'province' ? <HealthStationCard unit={unit.data} /> : null}
    </>
  );
}

/**
 * An arrival's latest daily check (an official's or the declarant's own report), and, while the monitoring runs, a
 * badge when today has none yet: the ones to call. Nothing for a declaration that is not monitored.
 */
function LastCheck({ declaration: d, today }: { declaration: DeclarationSummary; today: string }) {
  const { t, i18n } = useTranslation();
  if (d.monitoringUntil === null) return null;
  return (
    <>
      {d.lastCheckDay ? formatDay(d.lastCheckDay, i18n.language) : t('declarations.noCheck')}
      {today <= d.monitoringUntil && d.lastCheckDay !== today ? (
        <>
          <br />
          <span className="badge badge-arrival">{t('declarations.notToday')}</span>
        </>
      ) : null}
    </>
  );
}
