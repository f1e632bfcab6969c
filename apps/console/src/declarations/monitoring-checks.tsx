import type { Declaration, Symptom } from '@bluezone/contract';
import { monitoringDaysSoFar } from '@bluezone/contract/declaration-draft';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { formatDay, vietnamDay } from '../components/format.js';
import { DayCheckFields } from './day-check-fields.js';
import { useFormCheck } from '../forms/use-form-check.js';

const SPECS = { day: { labelKey: 'declaration.checkDay' }, symptoms: { labelKey: 'declaration.checkSymptoms' }, note: { labelKey: 'declaration.checkNote', maxLength: 1000 } };

/** An arrival's 14-day monitoring: one check a day; symptoms judge the declaration again at once. */
export function MonitoringChecks({ declaration }: { declaration: Declaration }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  // Oldest first, as a calendar reads; the day offered first is the latest not checked yet.
  const days = monitoringDaysSoFar({ declaredDay: vietnamDay(new Date(declaration.declaredAt)), monitoringUntil: declaration.monitoringUntil, today: vietnamDay(new Date()) }).reverse();
  const checked = new Map(declaration.checks.map((c) => [c.day, c]));
  const [day, setDay] = useState(days.filter((d) => !checked.has(d)).at(-1) ?? days.at(-1) ?? '');
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => api.addCheck(declaration.id, { day, symptoms, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['declaration', declaration.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['declarations'] });
      setSymptoms([]);
      setNote('');
    },
  });
  const check = useFormCheck(SPECS, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    if (check.check({ note })) save.mutate();
  };
  const describe = (list: readonly Symptom[]) => (list.length === 0 ? t('declaration.checkNone') : list.map((s) => t(`declare.symptomNames.${s}`)).join(', '));
  return (
    <section className="card" aria-labelledby="checks-title">
      <h2 id="checks-title">{t('declaration.checks')}</h2>
      <p className="hint">{t('declaration.checksHint')}</p>
      {declaration.checks.length > 0 ? (
        <ul className="checks-list" aria-label={t('declaration.checksCaption')}>
          {declaration.checks.map((c) => (
            <li key={c.day}>
              {t('declaration.checkDone', { day: formatDay(c.day, i18n.language), symptoms: describe(c.symptoms) })}
              {c.selfReported ? ` ${t('declaration.checkSelfReported')}` : ''}
              {c.note ? ` — ${c.note}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {days.length > 0 ? (
        <form onSubmit={submit} noValidate>
          <DayCheckFields
            days={days}
            checked={checked}
            day={day}
            onDay={setDay}
            symptoms={symptoms}
            onSymptoms={setSymptoms}
            note={note}
            onNote={setNote}
            labels={{ day: t('declaration.checkDay'), symptoms: t('declaration.checkSymptoms'), hint: t('declare.symptomsHint'), note: t('declaration.checkNote') }}
            check={check}
          />
          <ErrorMessage error={save.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
          <SuccessMessage>{save.isSuccess ? t('declaration.checkSaved') : null}</SuccessMessage>
          <div className="form-actions">
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('declaration.checkSave')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
