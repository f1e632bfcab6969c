import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';
import { Field } from '../forms/field.js';
import { LOGIN_PASSWORD, MIN_PASSWORD_LENGTH, NEW_PASSWORD } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';

// The server names the fields of changePasswordRequestSchema: currentPassword and newPassword.
const SPECS = {
  currentPassword: { ...LOGIN_PASSWORD, labelKey: 'password.current', invalidKey: 'password.currentWrong' },
  newPassword: NEW_PASSWORD,
  confirm: { labelKey: 'password.confirm', required: true, normalize: (value: string) => value },
};

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const api = useApi();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const change = useMutation({
    mutationFn: () => api.changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => setValues({ currentPassword: '', newPassword: '', confirm: '' }),
  });
  const form = useFormCheck(SPECS, change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const mismatch =
      values.confirm && values.confirm !== values.newPassword
        ? t('fields.issue', { field: t('password.confirm'), problem: t('password.mismatch') })
        : undefined;
    if (!form.check(values, { confirm: mismatch })) return;
    change.mutate();
  };
  const input = (key: keyof typeof SPECS, autoComplete: string, hint?: string) => (
    <Field label={t(SPECS[key].labelKey)} id={form.idOf(key)} hint={hint} error={form.errorOf(key)}>
      {(control) => (
        <input
          {...control}
          type="password"
          autoComplete={autoComplete}
          value={values[key]}
          onChange={(event) => {
            form.touched(key);
            setValues({ ...values, [key]: event.target.value });
          }}
        />
      )}
    </Field>
  );

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <form onSubmit={submit} noValidate>
        {input('currentPassword', 'current-password')}
        {input('newPassword', 'new-password', t('password.hint', { min: MIN_PASSWORD_LENGTH }))}
        {input('confirm', 'new-password')}
        <ErrorMessage error={change.error} fieldsShown={form.hasServerFieldIssues} others={form.otherIssues} />
        <SuccessMessage>{change.isSuccess ? t('password.changed') : null}</SuccessMessage>
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? t('common.saving') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
