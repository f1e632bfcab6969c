import type { Symptom } from '@bluezone/contract';
import { useTranslation } from 'react-i18next';
import { SYMPTOMS } from '../api/contract-values.js';
import { formatDay } from '../components/format.js';
import { Choice, Field } from '../forms/field.js';

interface DayCheckFieldsProps {
  /** The days to choose from, and those checked already (marked ✓: a new check replaces theirs). */
  days: readonly string[];
  checked: ReadonlySet<string>;
  day: string;
  onDay: (day: string) => void;
  symptoms: readonly Symptom[];
  onSymptoms: (symptoms: Symptom[]) => void;
  labels: { day: string; symptoms: string; hint: string };
  ids: { day: string; symptoms: string };
  errors: { day?: string | undefined; symptoms?: string | undefined };
}

/**
 * A day of an arrival's monitoring and its symptoms: the fields of an official's check (monitoring-checks.tsx) and
 * of the declarant's own report (public/self-report-page.tsx). "Other" is not offered: a check asks the symptoms the
 * suspected-case rule reads. Ticked symptoms keep the contract's order, whatever order they were ticked in.
 */
export function DayCheckFields({ days, checked, day, onDay, symptoms, onSymptoms, labels, ids, errors }: DayCheckFieldsProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Field label={labels.day} id={ids.day} error={errors.day}>
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
      <Field label={labels.symptoms} hint={labels.hint} id={ids.symptoms} error={errors.symptoms} kind="choices">
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
    </>
  );
}
