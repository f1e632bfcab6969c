import type { CreateCampaignRequest, IndicatorKey } from '@bluezone/contract';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../api/api-context.js';
import { AGENCY_GROUP_SUGGESTIONS, DEFAULT_INDICATORS } from '../api/contract-values.js';
import { useCurrentUser } from '../auth/session.js';
import { ErrorMessage, ProblemMessage } from '../components/error-message.js';
import { parseDay, vietnamDay, formatDay } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { Choice, Field } from '../forms/field.js';
import { DAY } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import type { FieldSpec } from '../forms/validation.js';
import { UnitPicker } from '../units/unit-picker.js';
import type { UnitRef } from '../units/unit-queries.js';
import { indicatorLabel, parseCount } from './campaign-format.js';
import './campaigns.css';
import { DayInput } from '../forms/day-input.js';

interface RoundDraft {
  name: string;
  periodEnd: string;
  deadline: string;
}

const HEADER_FIELDS = ['parentBody', 'reportTo', 'signerTitle', 'signerName', 'symbol'] as const;
type HeaderField = (typeof HEADER_FIELDS)[number];

/** The contract's rules (createCampaignRequestSchema), keyed as the server names its field problems. */
function specsOf(rounds: number): Record<string, FieldSpec> {
  const specs: Record<string, FieldSpec> = {
    documentNumber: { labelKey: 'campaigns.document.number', required: true, maxLength: 100 },
    issuedOn: { ...DAY, required: true, labelKey: 'campaigns.document.issuedOn' },
    title: { labelKey: 'campaigns.document.title', required: true, maxLength: 500 },
    issuingBody: { labelKey: 'campaigns.document.issuingBody', maxLength: 200 },
    body: { labelKey: 'campaigns.document.body', maxLength: 20_000 },
    'header.parentBody': { labelKey: 'campaigns.form.parentBody', maxLength: 200 },
    'header.reportTo': { labelKey: 'campaigns.form.reportTo', maxLength: 300 },
    'header.signerTitle': { labelKey: 'campaigns.form.signerTitle', maxLength: 200 },
    'header.signerName': { labelKey: 'campaigns.form.signerName', maxLength: 200 },
    'header.symbol': { labelKey: 'campaigns.form.symbol', maxLength: 50 },
  };
  for (let i = 0; i < rounds; i++) {
    specs[`rounds.${i}.name`] = { labelKey: 'campaigns.form.roundName', required: true, maxLength: 200 };
    specs[`rounds.${i}.periodEnd`] = { ...DAY, required: true, labelKey: 'campaigns.form.periodEnd' };
    specs[`rounds.${i}.deadline`] = { ...DAY, required: true, labelKey: 'campaigns.form.deadline' };
  }
  for (const indicator of DEFAULT_INDICATORS) {
    specs[`indicators.${indicator.key}.target`] = { labelKey: `campaigns.indicator.${indicator.key}`, valid: (v) => parseCount(v) !== null && parseCount(v) !== 0, formatKey: 'campaigns.report.wholeNumber' };
  }
  return specs;
}

/** A campaign issuer turns a directive into a campaign: the letter, its recipients in one pick, rounds and the form. */
export function CampaignFormPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const today = vietnamDay(new Date());
  const [doc, setDoc] = useState({ documentNumber: '', issuedOn: formatDay(today, 'vi'), title: '', issuingBody: '', body: '' });
  const [allLocal, setAllLocal] = useState(false);
  const [groups, setGroups] = useState<string[]>([]);
  const [units, setUnits] = useState<UnitRef[]>([]);
  const [agencyIds, setAgencyIds] = useState<number[]>([]);
  const [rounds, setRounds] = useState<RoundDraft[]>([{ name: t('campaigns.form.roundDefault', { n: 1 }), periodEnd: '', deadline: '' }]);
  const [included, setIncluded] = useState<Record<IndicatorKey, boolean>>({ radio: true, news: true, loudspeaker: true, collaborators: true, other: true });
  const [targets, setTargets] = useState<Partial<Record<IndicatorKey, string>>>({});
  const [header, setHeader] = useState<Record<HeaderField, string>>({ parentBody: '', reportTo: '', signerTitle: '', signerName: '', symbol: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const agencies = usePagedQuery(['agencies', user.unitCode], (cursor) => api.agencies(user.unitCode, cursor));
  const create = useMutation({
    mutationFn: (request: CreateCampaignRequest) => api.createCampaign(request),
    onSuccess: ({ campaign }) => navigate(`/campaigns/${campaign.id}`),
  });
  const specs = specsOf(rounds.length);
  const check = useFormCheck(specs, create.error);

  const text = (key: string, value: string, onChange: (value: string) => void, options: { optional?: boolean; hint?: string; multiline?: boolean; label?: string } = {}) => (
    <Field key={key} label={options.label ?? t(specs[key]!.labelKey)} hint={options.hint} id={check.idOf(key)} error={check.errorOf(key)} optional={options.optional}>
      {(control) =>
        options.multiline ? (
          <textarea {...control} rows={3} value={value} onChange={(e) => {
            check.touched(key);
            onChange(e.target.value);
          }} />
        ) : (
          <input {...control} value={value} onChange={(e) => {
            check.touched(key);
            onChange(e.target.value);
          }} />
        )
      }
    </Field>
  );
  const day = (key: string, value: string, onChange: (value: string) => void, hint = t('fields.dayHint')) => (
    <Field key={key} label={t(specs[key]!.labelKey)} hint={hint} id={check.idOf(key)} error={check.errorOf(key)}>
      {(control) => (
        <DayInput
          {...control}
          value={value}
          onChange={(e) => {
            check.touched(key);
            onChange(e.target.value);
          }}
        />
      )}
    </Field>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values: Record<string, string> = { ...doc };
    for (const field of HEADER_FIELDS) values[`header.${field}`] = header[field];
    rounds.forEach((round, i) => {
      values[`rounds.${i}.name`] = round.name;
      values[`rounds.${i}.periodEnd`] = round.periodEnd;
      values[`rounds.${i}.deadline`] = round.deadline;
    });
    for (const indicator of DEFAULT_INDICATORS) if (included[indicator.key]) values[`indicators.${indicator.key}.target`] = targets[indicator.key] ?? '';
    if (!check.check(values)) return;
    const kept = DEFAULT_INDICATORS.filter((indicator) => included[indicator.key]);
    const noRecipient = !allLocal && groups.length === 0 && units.length === 0 && agencyIds.length === 0;
    const missing = noRecipient ? t('campaigns.form.noRecipient') : rounds.length === 0 ? t('campaigns.form.noRound') : kept.length === 0 ? t('campaigns.form.noIndicator') : null;
    setProblem(missing);
    if (missing) return;
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const headerValues = Object.fromEntries(HEADER_FIELDS.flatMap((field) => (optional(header[field]) ? [[field, optional(header[field])]] : [])));
    const changedForm = kept.length < DEFAULT_INDICATORS.length || kept.some((indicator) => parseCount(targets[indicator.key] ?? ''));
    create.mutate({
      documentNumber: doc.documentNumber.trim(),
      title: doc.title.trim(),
      issuedOn: parseDay(doc.issuedOn) ?? '',
      ...(optional(doc.issuingBody) ? { issuingBody: optional(doc.issuingBody) } : {}),
      ...(optional(doc.body) ? { body: optional(doc.body) } : {}),
      recipients: { unitCodes: units.map((u) => u.code), localUnitsUnder: allLocal ? [user.unitCode] : [], agencyIds, agencyGroups: groups },
      rounds: rounds.map((round) => ({ name: round.name.trim(), periodEnd: parseDay(round.periodEnd) ?? '', deadline: parseDay(round.deadline) ?? '' })),
      // The directive's form is the server's default; an adjusted one is sent whole, with each row's scope and note.
      ...(changedForm
        ? {
            indicators: kept.map((indicator) => {
              const target = parseCount(targets[indicator.key] ?? '');
              return {
                key: indicator.key,
                label: indicator.label,
                ...(indicator.appliesTo ? { appliesTo: indicator.appliesTo } : {}),
                ...(indicator.note ? { note: indicator.note } : {}),
                ...(target ? { target } : {}),
              };
            }),
          }
        : {}),
      ...(Object.keys(headerValues).length > 0 ? { header: headerValues } : {}),
    });
  };

  return (
    <>
      <h1>{t('campaigns.form.title')}</h1>
      <p className="hint">{t('campaigns.form.intro')}</p>
      <form className="campaign-form" aria-label={t('campaigns.form.title')} onSubmit={submit} noValidate>
        <fieldset className="card">
          <legend>{t('campaigns.form.documentSection')}</legend>
          {text('documentNumber', doc.documentNumber, (v) => setDoc({ ...doc, documentNumber: v }), { hint: t('campaigns.document.numberHint') })}
          {day('issuedOn', doc.issuedOn, (v) => setDoc({ ...doc, issuedOn: v }))}
          {text('title', doc.title, (v) => setDoc({ ...doc, title: v }), { hint: t('campaigns.document.titleHint') })}
          {text('issuingBody', doc.issuingBody, (v) => setDoc({ ...doc, issuingBody: v }), { optional: true, hint: t('campaigns.document.issuingBodyHint') })}
          {text('body', doc.body, (v) => setDoc({ ...doc, body: v }), { optional: true, multiline: true })}
        </fieldset>

        <fieldset className="card">
          <legend>{t('campaigns.form.recipientsSection')}</legend>
          <p className="hint">{t('campaigns.form.recipientsHint')}</p>
          <Field kind="check" label={t('campaigns.form.allLocal', { unit: user.unitName })}>
            {(control) => <input {...control} type="checkbox" checked={allLocal} onChange={(e) => setAllLocal(e.target.checked)} />}
          </Field>
          <Field kind="choices" label={t('campaigns.form.groups')} optional>
            {() =>
              AGENCY_GROUP_SUGGESTIONS.map((group) => (
                <Choice key={group} label={t('campaigns.form.group', { group })}>
                  <input type="checkbox" checked={groups.includes(group)} onChange={(e) => setGroups(e.target.checked ? [...groups, group] : groups.filter((g) => g !== group))} />
                </Choice>
              ))
            }
          </Field>
          <Field kind="group" label={t('campaigns.form.units')} optional>
            {() => (
              <>
                {units.length > 0 ? (
                  <ul className="chips">
                    {units.map((unit) => (
                      <li key={unit.code}>
                        {unit.name}{' '}
                        <button type="button" className="button-small button-secondary" aria-label={t('campaigns.form.removeUnit', { name: unit.name })} onClick={() => setUnits(units.filter((u) => u.code !== unit.code))}>
                          ×
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <UnitPicker label={t('campaigns.form.addUnit')} value={units.at(-1) ?? null} onChange={(unit) => setUnits(units.some((u) => u.code === unit.code) ? units : [...units, unit])} />
              </>
            )}
          </Field>
          <Field kind="choices" label={t('campaigns.form.agencies', { unit: user.unitName })} optional>
            {() => (
              <>
                {agencies.data && agencies.items.length === 0 ? <p className="muted">{t('campaigns.form.noAgencies')}</p> : null}
                {agencies.items.map((agency) => (
                  <Choice key={agency.id} label={agency.group ? `${agency.name} (${agency.group})` : agency.name}>
                    <input type="checkbox" checked={agencyIds.includes(agency.id)} onChange={(e) => setAgencyIds(e.target.checked ? [...agencyIds, agency.id] : agencyIds.filter((a) => a !== agency.id))} />
                  </Choice>
                ))}
                <LoadMore query={agencies} />
              </>
            )}
          </Field>
        </fieldset>

        <fieldset className="card">
          <legend>{t('campaigns.form.roundsSection')}</legend>
          <p className="hint">{t('campaigns.form.deadlineHint')}</p>
          {rounds.map((round, i) => (
            <fieldset key={i} className="round-draft">
              <legend>{round.name || t('campaigns.form.roundDefault', { n: i + 1 })}</legend>
              {text(`rounds.${i}.name`, round.name, (v) => setRounds(rounds.map((r, j) => (j === i ? { ...r, name: v } : r))))}
              {day(`rounds.${i}.periodEnd`, round.periodEnd, (v) => setRounds(rounds.map((r, j) => (j === i ? { ...r, periodEnd: v } : r))))}
              {day(`rounds.${i}.deadline`, round.deadline, (v) => setRounds(rounds.map((r, j) => (j === i ? { ...r, deadline: v } : r))))}
              {rounds.length > 1 ? (
                <button type="button" className="button-small button-secondary" onClick={() => setRounds(rounds.filter((_, j) => j !== i))}>
                  {t('campaigns.form.removeRound', { name: round.name })}
                </button>
              ) : null}
            </fieldset>
          ))}
          <button type="button" className="button-secondary" onClick={() => setRounds([...rounds, { name: t('campaigns.form.roundDefault', { n: rounds.length + 1 }), periodEnd: '', deadline: '' }])}>
            {t('campaigns.form.addRound')}
          </button>
        </fieldset>

        <fieldset className="card">
          <legend>{t('campaigns.form.formSection')}</legend>
          <p className="hint">{t('campaigns.form.formHint')}</p>
          {DEFAULT_INDICATORS.map((indicator) => {
            const label = indicatorLabel(indicator, i18n.language);
            const key = `indicators.${indicator.key}.target`;
            return (
              <div key={indicator.key} className="indicator-choice">
                <Field kind="check" label={t('campaigns.form.include', { label })} hint={indicator.note ?? undefined}>
                  {(control) => <input {...control} type="checkbox" checked={included[indicator.key]} onChange={(e) => setIncluded({ ...included, [indicator.key]: e.target.checked })} />}
                </Field>
                {included[indicator.key] ? (
                  <Field label={t('campaigns.form.target', { label })} hint={t('campaigns.form.targetHint')} id={check.idOf(key)} error={check.errorOf(key)} optional>
                    {(control) => (
                      <input {...control} className="number-input" inputMode="numeric" value={targets[indicator.key] ?? ''} onChange={(e) => {
                          check.touched(key);
                          setTargets({ ...targets, [indicator.key]: e.target.value });
                        }} />
                    )}
                  </Field>
                ) : null}
              </div>
            );
          })}
        </fieldset>

        <fieldset className="card">
          <legend>{t('campaigns.form.headerSection')}</legend>
          <p className="hint">{t('campaigns.form.headerHint')}</p>
          {text('header.parentBody', header.parentBody, (v) => setHeader({ ...header, parentBody: v }), { optional: true, hint: t('campaigns.form.parentBodyHint') })}
          {text('header.reportTo', header.reportTo, (v) => setHeader({ ...header, reportTo: v }), { optional: true })}
          {text('header.signerTitle', header.signerTitle, (v) => setHeader({ ...header, signerTitle: v }), { optional: true, multiline: true, hint: t('campaigns.form.signerTitleHint') })}
          {text('header.signerName', header.signerName, (v) => setHeader({ ...header, signerName: v }), { optional: true })}
          {text('header.symbol', header.symbol, (v) => setHeader({ ...header, symbol: v }), { optional: true, hint: t('campaigns.form.symbolHint') })}
        </fieldset>

        <ProblemMessage>{problem}</ProblemMessage>
        <ErrorMessage error={create.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
        <div className="form-actions">
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t('campaigns.form.creating') : t('campaigns.form.create')}
          </button>
        </div>
      </form>
    </>
  );
}
