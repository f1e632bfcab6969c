import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../api/types.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorMessage } from '../components/error-message.js';
import { Field } from '../forms/field.js';
import { AGENCY_CODE, DISPLAY_NAME, NEW_PASSWORD, USERNAME } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';
import { UnitPicker } from '../units/unit-picker.js';
import type { UnitRef } from '../units/unit-queries.js';

export interface UserFormValue {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unit: UnitRef | null;
  disabled: boolean;
  /** The agency an agency reporter reports for; e-mail and phone for reminders and contacts. */
  agencyCode: string;
  email: string;
  phone: string;
}

export function emptyUserForm(): UserFormValue {
  return { username: '', displayName: '', password: '', role: 'unit_officer', unit: null, disabled: false, agencyCode: '', email: '', phone: '' };
}

export function userFormOf(user: User): UserFormValue {
  return {
    username: user.username,
    displayName: user.displayName,
    password: '',
    role: user.role,
    unit: { code: user.unitCode, name: user.unitName },
    disabled: user.disabled,
    agencyCode: user.agencyCode ?? '',
    email: user.email ?? '',
    phone: user.phone ?? '',
  };
}

// Keyed by the names the server gives in its field problems (createUserRequestSchema, updateUserRequestSchema).
const CREATE_SPECS = {
  username: USERNAME,
  displayName: DISPLAY_NAME,
  password: { ...NEW_PASSWORD, labelKey: 'auth.password' },
  role: { labelKey: 'users.role' },
  unitCode: { labelKey: 'users.unit' },
  disabled: { labelKey: 'users.disabledLabel' },
  // Campaign reporting: createUserRequestSchema's agencyCode, email and phone.
  agencyCode: { ...AGENCY_CODE, labelKey: 'campaigns.account.agencyCode', takenKey: undefined },
  email: { labelKey: 'campaigns.account.email', maxLength: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, formatKey: 'campaigns.account.emailFormat' },
  phone: { labelKey: 'campaigns.account.phone', minLength: 6, maxLength: 20, pattern: /^\+?[0-9][0-9 .-]*[0-9]$/, formatKey: 'campaigns.account.phoneFormat' },
};
const EDIT_SPECS = { ...CREATE_SPECS, password: { ...NEW_PASSWORD, labelKey: 'users.newPassword', required: false } };

interface UserFormProps {
  mode: 'create' | 'edit';
  title: string;
  initial: UserFormValue;
  pending: boolean;
  error: unknown;
  onSubmit: (value: UserFormValue & { unit: UnitRef }) => void;
  onCancel: () => void;
}

/** Creating and editing a user share one form; only a new user chooses a username, only an existing one is disabled. */
export function UserForm({ mode, title, initial, pending, error, onSubmit, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const form = useFormCheck(mode === 'create' ? CREATE_SPECS : EDIT_SPECS, error);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens above the list; move focus to it so keyboard and screen-reader users land where they asked to be.
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof UserFormValue>(key: K, next: UserFormValue[K]) => setValue({ ...value, [key]: next });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const texts = {
      displayName: value.displayName,
      password: value.password,
      email: value.email,
      phone: value.phone,
      ...(mode === 'create' ? { username: value.username } : {}),
      ...(value.role === 'agency_reporter' ? { agencyCode: value.agencyCode } : {}),
    };
    const agencyMissing = value.role === 'agency_reporter' && !value.agencyCode.trim() ? t('fields.issue', { field: t('campaigns.account.agencyCode'), problem: t('fields.problems.required') }) : undefined;
    if (!form.check(texts, { unitCode: value.unit ? undefined : t('users.unitRequired'), agencyCode: agencyMissing }) || !value.unit) return;
    // Disabling someone locks them out at once: ask first, as the list's button does.
    if (value.disabled && !initial.disabled) return setConfirming(true);
    onSubmit({ ...value, unit: value.unit });
  };

  type TextName = 'username' | 'displayName' | 'password' | 'agencyCode' | 'email' | 'phone';
  const text = (key: TextName, label: string, extra: Record<string, unknown>, hint?: string) => (
    <Field label={label} id={form.idOf(key)} hint={hint} error={form.errorOf(key)} optional={(mode === 'edit' && key === 'password') || key === 'email' || key === 'phone'}>
      {(control) => (
        <input
          {...control}
          {...extra}
          value={value[key]}
          onChange={(event) => {
            form.touched(key);
            set(key, event.target.value);
          }}
        />
      )}
    </Field>
  );

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {mode === 'create'
        ? text('username', t('profile.username'), { autoCapitalize: 'none', autoComplete: 'off', spellCheck: false }, t('users.usernameHint'))
        : null}
      {text('displayName', t('profile.displayName'), {})}
      {text(
        'password',
        mode === 'create' ? t('auth.password') : t('users.newPassword'),
        { type: 'password', autoComplete: 'new-password' },
        mode === 'edit' ? t('users.newPasswordHint') : t('password.hint', { min: NEW_PASSWORD.minLength }),
      )}
      <Field label={t('users.role')} id={form.idOf('role')} error={form.errorOf('role')}>
        {(control) => (
          <select {...control} value={value.role} onChange={(event) => set('role', event.target.value as Role)}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <UnitPicker
        label={t('users.unit')}
        id={form.idOf('unitCode')}
        error={form.errorOf('unitCode')}
        value={value.unit}
        onChange={(unit) => {
          form.touched('unitCode');
          set('unit', unit);
        }}
      />
      {value.role === 'agency_reporter'
        ? text('agencyCode', t('campaigns.account.agencyCode'), { autoCapitalize: 'none', autoComplete: 'off', spellCheck: false }, t('campaigns.account.agencyCodeHint'))
        : null}
      {text('email', t('campaigns.account.email'), { type: 'email', autoComplete: 'off' }, t('campaigns.account.emailHint'))}
      {text('phone', t('campaigns.account.phone'), { type: 'tel', inputMode: 'tel', autoComplete: 'off' })}
      {mode === 'edit' ? (
        <Field kind="check" label={t('users.disabledLabel')} id={form.idOf('disabled')} error={form.errorOf('disabled')}>
          {(control) => (
            <input {...control} type="checkbox" checked={value.disabled} onChange={(event) => set('disabled', event.target.checked)} />
          )}
        </Field>
      ) : null}
      <ErrorMessage error={error} fieldsShown={form.hasServerFieldIssues} others={form.otherIssues} />
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('common.saving') : mode === 'create' ? t('users.create') : t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('users.disableTitle', { username: initial.username })}
        body={t('users.disableBody', { name: value.displayName || initial.displayName })}
        confirmLabel={t('users.disableConfirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          if (value.unit) onSubmit({ ...value, unit: value.unit });
        }}
      />
    </form>
  );
}
