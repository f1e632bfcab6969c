import type { EpidemicArea, Place } from '@bluezone/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { useCurrentUser } from '../auth/session.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { formatDay, parseDay, vietnamDay } from '../components/format.js';
import { LoadMore, usePagedQuery } from '../components/paged.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { Choice, Field } from '../forms/field.js';
import { DAY } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { PlacePicker } from '../places/place-picker.js';
import { DayInput } from '../forms/day-input.js';

// Keyed by the names of createEpidemicAreaRequestSchema, as the server reports its field problems.
const SPECS = {
  name: { labelKey: 'areas.name', required: true, maxLength: 200 },
  unitCode: { labelKey: 'areas.unit' },
  place: { labelKey: 'areas.place', maxLength: 200 },
  from: { ...DAY, required: true, labelKey: 'areas.from' },
  to: { ...DAY, labelKey: 'areas.to' },
  reason: { labelKey: 'areas.reason', maxLength: 1000 },
};

interface Draft {
  name: string;
  where: 'unit' | 'place';
  unit: Place | null;
  place: string;
  from: string;
  to: string;
  reason: string;
}

const EMPTY: Draft = { name: '', where: 'unit', unit: null, place: '', from: '', to: '', reason: '' };
const typed = (day: string | null) => (day ? day.split('-').reverse().join('/') : '');

/** An area as a draft to change: its unit is named again through the place search when the form opens. */
function draftOf(area: EpidemicArea): Draft {
  return {
    name: area.name,
    where: area.unitCode ? 'unit' : 'place',
    unit: area.unitCode ? ({ code: area.unitCode, name: area.unitName ?? area.unitCode, fullName: area.unitName ?? area.unitCode, nameEn: area.unitNameEn ?? area.unitCode, fullNameEn: area.unitNameEn ?? area.unitCode, level: '', provinceCode: area.unitCode, provinceName: '', provinceNameEn: '', local: false } satisfies Place) : null,
    place: area.place ?? '',
    from: typed(area.from),
    to: typed(area.to),
    reason: area.reason ?? '',
  };
}

function AreaForm({ area, onDone }: { area: EpidemicArea | null; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(area ? draftOf(area) : EMPTY);
  const save = useMutation({
    mutationFn: () => {
      const where = draft.where === 'unit' ? { unitCode: draft.unit?.code ?? '' } : { place: draft.place.trim() };
      const to = parseDay(draft.to);
      if (area) return api.updateEpidemicArea(area.id, { name: draft.name.trim(), ...where, from: parseDay(draft.from) ?? '', to: to || null, reason: draft.reason.trim() || null });
      return api.createEpidemicArea({ name: draft.name.trim(), ...where, from: parseDay(draft.from) ?? '', ...(to ? { to } : {}), ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}) });
    },
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['epidemic-areas'] });
      void queryClient.invalidateQueries({ queryKey: ['declarations'] });
      onDone(t('areas.saved', { count: answer.rescreened }));
      if (!area) setDraft(EMPTY);
    },
  });
  const check = useFormCheck(SPECS, save.error);
  const edit = <K extends keyof Draft>(key: K, value: Draft[K], field?: keyof typeof SPECS) => {
    if (field) check.touched(field);
    setDraft({ ...draft, [key]: value });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const extra: Partial<Record<keyof typeof SPECS, string>> = {};
    if (draft.where === 'unit' && !draft.unit) extra.unitCode = t('fields.issue', { field: t('areas.unit'), problem: t('declare.missing') });
    if (draft.where === 'place' && !draft.place.trim()) extra.place = t('fields.issue', { field: t('areas.place'), problem: t('fields.problems.required') });
    const from = parseDay(draft.from);
    const to = parseDay(draft.to);
    if (from && to && to < from) extra.to = t('fields.issue', { field: t('areas.to'), problem: t('declare.dayOrder') });
    if (check.check({ name: draft.name, from: draft.from, to: draft.to, reason: draft.reason }, extra)) save.mutate();
  };
  const title = area ? t('areas.editTitle', { name: area.name }) : t('areas.add');
  return (
    <form className="card" aria-label={title} onSubmit={submit} noValidate>
      <h2>{title}</h2>
      <Field label={t('areas.name')} hint={t('areas.nameHint')} id={check.idOf('name')} error={check.errorOf('name')}>
        {(control) => <input {...control} value={draft.name} onChange={(e) => edit('name', e.target.value, 'name')} />}
      </Field>
      <Field label={t('areas.where')} kind="choices">
        {() =>
          (['unit', 'place'] as const).map((where) => (
            <Choice key={where} label={t(where === 'unit' ? 'areas.inVietnam' : 'areas.abroad')}>
              <input type="radio" name={`area-where-${area?.id ?? 'new'}`} checked={draft.where === where} onChange={() => edit('where', where)} />
            </Choice>
          ))
        }
      </Field>
      {draft.where === 'unit' ? (
        <PlacePicker
          label={t('areas.unit')}
          hint={t('declare.visitUnitHint')}
          id={check.idOf('unitCode')}
          error={check.errorOf('unitCode')}
          value={draft.unit}
          onChange={(place) => edit('unit', place, 'unitCode')}
          scope="country"
          search={(q, scope) => api.searchPlaces(q, scope)}
        />
      ) : (
        <Field label={t('areas.place')} hint={t('areas.placeHint')} id={check.idOf('place')} error={check.errorOf('place')}>
          {(control) => <input {...control} value={draft.place} onChange={(e) => edit('place', e.target.value, 'place')} />}
        </Field>
      )}
      <div className="grid-2">
        <Field label={t('areas.from')} hint={t('fields.dayHint')} id={check.idOf('from')} error={check.errorOf('from')}>
          {(control) => <DayInput {...control} value={draft.from} onChange={(e) => edit('from', e.target.value, 'from')} />}
        </Field>
        <Field label={t('areas.to')} hint={t('areas.toHint')} id={check.idOf('to')} error={check.errorOf('to')} optional>
          {(control) => <DayInput {...control} value={draft.to} onChange={(e) => edit('to', e.target.value, 'to')} />}
        </Field>
      </div>
      <Field label={t('areas.reason')} id={check.idOf('reason')} error={check.errorOf('reason')} optional>
        {(control) => <textarea {...control} rows={2} value={draft.reason} onChange={(e) => edit('reason', e.target.value, 'reason')} />}
      </Field>
      <ErrorMessage error={save.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('areas.save')}
        </button>
        {area ? (
          <button type="button" className="button-secondary" onClick={() => onDone('')}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The list of epidemic areas: every official reads it; health officers keep it. */
export function EpidemicAreasPage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const keeper = user.role === 'health_officer';
  const [inForce, setInForce] = useState(false);
  const on = inForce ? vietnamDay(new Date()) : undefined;
  const list = usePagedQuery(['epidemic-areas', on], (cursor) => api.epidemicAreas(on, cursor));
  const [editing, setEditing] = useState<EpidemicArea | null>(null);
  const [removing, setRemoving] = useState<EpidemicArea | null>(null);
  const [message, setMessage] = useState('');
  const remove = useMutation({
    mutationFn: (area: EpidemicArea) => api.removeEpidemicArea(area.id),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['epidemic-areas'] });
      void queryClient.invalidateQueries({ queryKey: ['declarations'] });
      setMessage(t('areas.removed', { count: answer.rescreened }));
    },
  });
  const day = (value: string) => formatDay(value, i18n.language);
  const columns = [
    { label: t('areas.name'), render: (a: EpidemicArea) => a.name },
    { label: t('areas.where'), render: (a: EpidemicArea) => (a.unitCode ? ((i18n.language === 'en' ? a.unitNameEn : a.unitName) ?? a.unitCode) : a.place) },
    { label: t('areas.period'), render: (a: EpidemicArea) => (a.to ? t('areas.between', { from: day(a.from), to: day(a.to) }) : t('areas.ongoing', { from: day(a.from) })) },
    { label: t('areas.reason'), render: (a: EpidemicArea) => a.reason ?? '' },
    ...(keeper
      ? [
          {
            label: t('areas.actions'),
            render: (a: EpidemicArea) => (
              <div className="form-actions">
                <button type="button" className="button-small button-secondary" aria-label={t('areas.edit', { name: a.name })} onClick={() => setEditing(a)}>
                  {t('common.edit')}
                </button>
                <button type="button" className="button-small button-danger" aria-label={t('areas.remove', { name: a.name })} onClick={() => setRemoving(a)}>
                  {t('areas.removeButton')}
                </button>
              </div>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <h1>{t('areas.title')}</h1>
      <p>{t('areas.intro')}</p>
      <SuccessMessage>{message || null}</SuccessMessage>
      <ErrorMessage error={remove.error} />
      {keeper ? (
        editing ? (
          <AreaForm
            key={editing.id}
            area={editing}
            onDone={(text) => {
              setEditing(null);
              setMessage(text);
            }}
          />
        ) : (
          <AreaForm area={null} onDone={setMessage} />
        )
      ) : null}
      <Field label={t('areas.inForceOnly')} kind="check">
        {(control) => <input {...control} type="checkbox" checked={inForce} onChange={(e) => setInForce(e.target.checked)} />}
      </Field>
      <ErrorMessage error={list.error} />
      {list.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {list.data && list.items.length === 0 ? <p>{t('areas.empty')}</p> : null}
      {list.items.length > 0 ? <ResponsiveTable caption={t('areas.caption')} rows={list.items} rowKey={(a) => a.id} columns={columns} /> : null}
      <LoadMore query={list} />
      <ConfirmDialog
        open={removing !== null}
        title={t('areas.remove', { name: removing?.name ?? '' })}
        body={t('areas.confirmRemove', { name: removing?.name ?? '' })}
        confirmLabel={t('areas.removeButton')}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
