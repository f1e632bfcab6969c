import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/error-message.js';
import { Field } from './field.js';
import { useFormCheck } from './use-form-check.js';
import type { FieldSpec } from './validation.js';

export type TextValues<K extends string = string> = Record<K, string>;

/** A value a field suggests (a datalist option), with the words shown beside it, if any. */
export interface Suggestion {
  value: string;
  label?: string;
}

/**
 * A small form of text fields, one per spec in the specs' order, checked against the specs before it is sent; the
 * server's field problems show at their fields (specs are keyed by the request's field names). The agency and unit
 * forms of the units page are made of it.
 */
export function TextFieldsForm<K extends string>({
  title,
  specs,
  hints = {},
  suggestions = {},
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  specs: Record<K, FieldSpec>;
  hints?: Partial<Record<K, string>>;
  suggestions?: Partial<Record<K, readonly Suggestion[]>>;
  initial: TextValues<K>;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (value: TextValues<K>) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(initial);
  const form = useFormCheck(specs, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.check(value)) onSubmit(value);
  };
  return (
    <form className="card form-inline" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h4 id={`${id}-title`}>{title}</h4>
      {(Object.entries(specs) as [K, FieldSpec][]).map(([key, spec]) => (
        <Field key={key} label={t(spec.labelKey)} id={form.idOf(key)} error={form.errorOf(key)} hint={hints[key]} optional={!spec.required}>
          {(control) => (
            <input
              {...control}
              value={value[key]}
              list={suggestions[key] ? `${id}-${key}-suggestions` : undefined}
              onChange={(event) => {
                form.touched(key);
                setValue({ ...value, [key]: event.target.value });
              }}
            />
          )}
        </Field>
      ))}
      {(Object.entries(suggestions) as [K, readonly Suggestion[]][]).map(([key, options]) => (
        <datalist key={key} id={`${id}-${key}-suggestions`}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
      ))}
      <ErrorMessage error={error} fieldsShown={form.hasServerFieldIssues} others={form.otherIssues} />
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('common.saving') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
