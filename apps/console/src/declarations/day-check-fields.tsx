import type { Symptom } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';
import { SYMPTOMS } from '../api/contract-values.js';
import { formatDay } from '../components/format.js';
import { Choice, Field } from '../forms/field.js';

interface DayCheckFieldsProps {
  /** The days to choose from, and those checked already (marked ✓: a new check replaces theirs). */
  days: readonly string[];
  checked: { has(day: string): boolean };
  day: string;
  onDay: (day: string) => void;
  symptoms: readonly Symptom[];
  onSymptoms: (symptoms: Symptom[]) => void;
  note: string;
  onNote: (note: string) => void;
  labels: { day: string; symptoms: string; hint: string; note: string };
  /** The form's check (useFormCheck), whose ids and errors the fields take under `day`, `symptoms` and `note`. */
  check: { idOf(field: 'day' | 'symptoms' | 'note'): string; errorOf(field: 'day' | 'symptoms' | 'note'): string | undefined };
}

/**
 * A day of an arrival's monitoring, its symptoms and an optional note: the fields of an official's check (monitoring-checks.tsx) and
 * of the declarant's own report (public/self-report-page.tsx). "Other" is not offered: a check asks the symptoms the
 * suspected-case rule reads. Ticked symptoms keep the contract's order, whatever order they were ticked in.
 */
export function DayCheckFields({ days, checked, day, onDay, symptoms, onSymptoms, note, onNote, labels, check }: DayCheckFieldsProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Field label={labels.day} id={check.idOf('day')} error={check.errorOf('day')}>
        {(control) => (
          <select {...control} value={day} onChange={(e) => onDay(e.target.value)}>
            {days.map((d) => (
              <option key={d} value={d}>
                {formatDay(d, i18n.language)}
                {checked.has(d) ? ' ✓' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={labels.symptoms} hint={labels.hint} id={check.idOf('symptoms')} error={check.errorOf('symptoms')} kind="choices">
        {() =>
          SYMPTOMS.filter((s) => s !== 'other').map((symptom) => (
            <Choice key={symptom} label={t(`declare.symptomNames.${symptom}`)}>
              <input
                type="checkbox"
                checked={symptoms.includes(symptom)}
                onChange={(e) => onSymptoms(e.target.checked ? SYMPTOMS.filter((s) => s === symptom || symptoms.includes(s)) : symptoms.filter((s) => s !== symptom))}
              />
            </Choice>
          ))
        }
      </Field>
      <Field label={labels.note} id={check.idOf('note')} error={check.errorOf('note')} optional>
        {(control) => <input {...control} value={note} onChange={(e) => onNote(e.target.value)} />}
      </Field>
    </>
  );
}
