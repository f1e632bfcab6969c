import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import type { UnitDetail } from '../api/types.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { Field } from '../forms/field.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { unitLabel } from '../units/unit-queries.js';
import { inSentence } from './flag-badges.js';

const SPECS = { phone: { labelKey: 'declarations.stationPhone', minLength: 6, maxLength: 20, pattern: /^\+?[0-9][0-9 .-]*[0-9]$/, formatKey: 'declare.formats.phone' } };

/** The health station's telephone of a unit, which its declarants are told to call; empty when there is none. */
export function HealthStationCard({ unit }: { unit: UnitDetail }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const station = useQuery({ queryKey: ['health-station', unit.code], queryFn: () => api.healthStation(unit.code) });
  const [phone, setPhone] = useState('');
  useEffect(() => setPhone(station.data?.phone ?? ''), [station.data]);
  const save = useMutation({
    mutationFn: () => api.setHealthStation(unit.code, phone.trim()),
    onSuccess: (saved) => queryClient.setQueryData(['health-station', unit.code], saved),
  });
  const check = useFormCheck(SPECS, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    if (check.check({ phone })) save.mutate();
  };
  return (
    <section className="card" aria-labelledby="station-title">
      <h2 id="station-title">{t('declarations.station', { unit: inSentence(unitLabel(unit), i18n.language) })}</h2>
      <form onSubmit={submit} noValidate>
        <Field label={t('declarations.stationPhone')} hint={t('declarations.stationHint')} id={check.idOf('phone')} error={check.errorOf('phone')} optional>
          {(control) => (
            <input
              {...control}
              type="tel"
              inputMode="tel"
              value={phone}
              onChange={(e) => {
                check.touched('phone');
                setPhone(e.target.value);
              }}
            />
          )}
        </Field>
        <ErrorMessage error={save.error} fieldsShown={check.hasServerFieldIssues} others={check.otherIssues} />
        <SuccessMessage>{save.isSuccess ? t('declarations.stationSaved') : null}</SuccessMessage>
        <div className="form-actions">
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
