import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context.js';
import { ErrorMessage, SuccessMessage } from '../components/error-message.js';

/** The contract's floor (newPasswordSchema); the server decides, this only spares a round trip. */
export const MIN_PASSWORD_LENGTH = 10;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: () => api.changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    if (next.length < MIN_PASSWORD_LENGTH) return setProblem(t('password.tooShort', { min: MIN_PASSWORD_LENGTH }));
    if (next !== confirm) return setProblem(t('password.mismatch'));
    setProblem(null);
    change.mutate();
  };

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="password-current">{t('password.current')}</label>
          <input
            id="password-current"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password-new">{t('password.new')}</label>
          <input
            id="password-new"
            type="password"
            autoComplete="new-password"
            required
            aria-describedby="password-hint"
            value={next}
            onChange={(event) => setNext(event.target.value)}
          />
          <p id="password-hint" className="hint">
            {t('password.hint', { min: MIN_PASSWORD_LENGTH })}
          </p>
        </div>
        <div className="field">
          <label htmlFor="password-confirm">{t('password.confirm')}</label>
          <input
            id="password-confirm"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
          />
        </div>
        {problem ? (
          <p className="message message-error" role="alert">
            {problem}
          </p>
        ) : null}
        <ErrorMessage error={change.error} />
        <SuccessMessage>{change.isSuccess ? t('password.changed') : null}</SuccessMessage>
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? t('common.saving') : t('password.submit')}
        </button>
      </form>
    </section>
  );
}
