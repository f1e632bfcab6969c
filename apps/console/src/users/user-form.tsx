import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../api/types.js';
import { ErrorMessage } from '../components/error-message.js';
import { UnitPicker } from '../units/unit-picker.js';
import type { UnitRef } from '../units/unit-queries.js';

export interface UserFormValue {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unit: UnitRef | null;
  disabled: boolean;
}

export function emptyUserForm(): UserFormValue {
  return { username: '', displayName: '', password: '', role: 'unit_officer', unit: null, disabled: false };
}

export function userFormOf(user: User): UserFormValue {
  return {
    username: user.username,
    displayName: user.displayName,
    password: '',
    role: user.role,
    unit: { code: user.unitCode, name: user.unitName },
    disabled: user.disabled,
  };
}

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
  const [unitMissing, setUnitMissing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens above the list; move focus to it so keyboard and screen-reader users land where they asked to be.
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof UserFormValue>(key: K, next: UserFormValue[K]) => setValue({ ...value, [key]: next });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.unit) return setUnitMissing(true);
    setUnitMissing(false);
    onSubmit({ ...value, unit: value.unit });
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {mode === 'create' ? (
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('profile.username')}</label>
          <input
            id={`${id}-username`}
            required
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            value={value.username}
            onChange={(event) => set('username', event.target.value)}
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('profile.displayName')}</label>
        <input
          id={`${id}-name`}
          required
          value={value.displayName}
          onChange={(event) => set('displayName', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{mode === 'create' ? t('auth.password') : t('users.newPassword')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="new-password"
          required={mode === 'create'}
          aria-describedby={mode === 'edit' ? `${id}-password-hint` : undefined}
          value={value.password}
          onChange={(event) => set('password', event.target.value)}
        />
        {mode === 'edit' ? (
          <p id={`${id}-password-hint`} className="hint">
            {t('users.newPasswordHint')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('users.role')}</label>
        <select id={`${id}-role`} value={value.role} onChange={(event) => set('role', event.target.value as Role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <UnitPicker label={t('users.unit')} value={value.unit} onChange={(unit) => set('unit', unit)} />
      {unitMissing ? (
        <p className="message message-error" role="alert">
          {t('users.unitRequired')}
        </p>
      ) : null}
      {mode === 'edit' ? (
        <div className="field field-checkbox">
          <input
            id={`${id}-disabled`}
            type="checkbox"
            checked={value.disabled}
            onChange={(event) => set('disabled', event.target.checked)}
          />
          <label htmlFor={`${id}-disabled`}>{t('users.disabledLabel')}</label>
        </div>
      ) : null}
      <ErrorMessage error={error} />
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('common.saving') : mode === 'create' ? t('users.create') : t('common.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
