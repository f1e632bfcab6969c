import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogin } from '../auth/session.js';
import { ErrorMessage } from '../components/error-message.js';
import { Field } from '../forms/field.js';
import { LOGIN_PASSWORD, LOGIN_USERNAME } from '../forms/specs.js';
import { useFormCheck } from '../forms/use-form-check.js';

const SPECS = { username: LOGIN_USERNAME, password: LOGIN_PASSWORD };

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormCheck(SPECS, login.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.reset();
    if (!form.check({ username, password })) return;
    login.mutate({ username: username.trim(), password });
  };

  return (
    <div className="narrow">
      <h1>{t('auth.title')}</h1>
      <p className="muted">{t('auth.intro')}</p>
      <form className="card" onSubmit={submit} aria-label={t('auth.title')} noValidate>
        <Field label={t('auth.username')} id={form.idOf('username')} error={form.errorOf('username')}>
          {(control) => (
            <input
              {...control}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(event) => {
                form.touched('username');
                setUsername(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('auth.password')} id={form.idOf('password')} error={form.errorOf('password')}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => {
                form.touched('password');
                setPassword(event.target.value);
              }}
            />
          )}
        </Field>
        <ErrorMessage error={login.error} fieldsShown={form.hasServerFieldIssues} others={form.otherIssues} />
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </div>
  );
}
