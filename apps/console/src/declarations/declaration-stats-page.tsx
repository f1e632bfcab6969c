import type { DeclarationStatsQuery } from '@bluezone/contract';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { useCurrentUser } from '../auth/session.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatDay, parseDay } from '../components/format.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { Field } from '../forms/field.js';
import { DAY } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { ProvinceMap } from '../map/province-map.js';
import { formatCount } from '../stats/format.js';
import { UnitPicker } from '../units/unit-picker.js';
import type { UnitRef } from '../units/unit-queries.js';
import { DayInput } from '../forms/day-input.js';

const SPECS = { unit: { labelKey: 'declarationStats.unit' }, from: { ...DAY, labelKey: 'declarationStats.from' }, to: { ...DAY, labelKey: 'declarationStats.to' } };

/** Counts for health officers: declarations, suspected cases and arrivals, by day and by ward or commune, on the map. */
export function DeclarationStatsPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const [draft, setDraft] = useState<{ unit: UnitRef | null; from: string; to: string }>({ unit: null, from: '', to: '' });
  const [query, setQuery] = useState<DeclarationStatsQuery>({});
  const stats = useQuery({ queryKey: ['declaration-stats', query], queryFn: () => api.declarationStats(query) });
  const unitCode = query.unit ?? user.unitCode;
  const unit = useQuery({ queryKey: ['units', 'detail', unitCode], queryFn: () => api.unit(unitCode) });
  const check = useFormCheck(SPECS, stats.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check.check({ from: draft.from, to: draft.to })) return;
    const from = parseDay(draft.from);
    const to = parseDay(draft.to);
    setQuery({ ...(draft.unit ? { unit: draft.unit.code } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
  };
  const count = (n: number) => formatCount(n, i18n.language);
  const data = stats.data;
  const names = Object.fromEntries((data?.units ?? []).map((u) => [u.unitCode, i18n.language === 'en' ? u.unitNameEn : u.unitName]));
  const values = Object.fromEntries((data?.units ?? []).map((u) => [u.unitCode, u.suspected]));
  return (
    <>
      <h1>{t('declarationStats.title')}</h1>
      <p className="hint">{t('declarationStats.intro')}</p>
      <form role="search" className="card" aria-label={t('declarationStats.title')} onSubmit={submit} noValidate>
        <UnitPicker label={t('declarationStats.unit')} id={check.idOf('unit')} error={check.errorOf('unit')} value={draft.unit} onChange={(value) => setDraft({ ...draft, unit: value })} />
        <div className="filters">
          {(['from', 'to'] as const).map((name) => (
            <Field key={name} label={t(SPECS[name].labelKey)} hint={t('fields.dayHint')} id={check.idOf(name)} error={check.errorOf(name)} plain>
              {(control) => (
                <DayInput
                  {...control}
                  value={draft[name]}
                  onChange={(e) => {
                    check.touched(name);
                    setDraft({ ...draft, [name]: e.target.value });
                  }}
                />
              )}
            </Field>
          ))}
          <div className="form-actions">
            <button type="submit">{t('declarationStats.show')}</button>
          </div>
        </div>
      </form>
      <ErrorMessage error={stats.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
      {stats.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {data ? (
        <>
          <p>
            <strong>{t('declarationStats.total', { declarations: count(data.total.declarations), suspected: count(data.total.suspected), arrivals: count(data.total.arrivals) })}</strong>{' '}
            <span className="muted">
              ({formatDay(data.from, i18n.language)} – {formatDay(data.to, i18n.language)})
            </span>
          </p>
          {unit.data?.level === 'province' ? (
            <ProvinceMap title={t('declarationStats.mapTitle')} values={values} names={names} format={count} noDataLabel={t('declarationStats.noData')} />
          ) : null}
          <div className="grid-2">
            <section aria-labelledby="by-unit-title">
              <h2 id="by-unit-title">{t('declarationStats.byUnit')}</h2>
              <ResponsiveTable
                caption={t('declarationStats.byUnit')}
                rows={[...data.units].sort((a, b) => b.suspected - a.suspected || b.declarations - a.declarations || a.unitCode.localeCompare(b.unitCode))}
                rowKey={(u) => u.unitCode}
                columns={[
                  { label: t('declarationStats.unitColumn'), render: (u) => names[u.unitCode] ?? u.unitCode },
                  { label: t('declarationStats.declarations'), render: (u) => count(u.declarations), className: 'numeric' },
                  { label: t('declarationStats.suspected'), render: (u) => count(u.suspected), className: 'numeric' },
                  { label: t('declarationStats.arrivals'), render: (u) => count(u.arrivals), className: 'numeric' },
                ]}
              />
            </section>
            <section aria-labelledby="by-day-title">
              <h2 id="by-day-title">{t('declarationStats.byDay')}</h2>
              <ResponsiveTable
                caption={t('declarationStats.byDay')}
                rows={[...data.days].reverse()}
                rowKey={(d) => d.date}
                columns={[
                  { label: t('declarationStats.date'), render: (d) => formatDay(d.date, i18n.language) },
                  { label: t('declarationStats.declarations'), render: (d) => count(d.declarations), className: 'numeric' },
                  { label: t('declarationStats.suspected'), render: (d) => count(d.suspected), className: 'numeric' },
                  { label: t('declarationStats.arrivals'), render: (d) => count(d.arrivals), className: 'numeric' },
                ]}
              />
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}
