import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';

/** A failed call, in the reader's language. Validation failures also show the server's detail: it names the field. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = isApiError(error) ? error.code : 'unexpected_response';
  const detail = isApiError(error) && error.code === 'validation_failed' ? error.message : null;
  return (
    <p className="message message-error" role="alert">
      {t(`errors.${code}`)}
      {detail ? <span className="message-detail"> ({detail})</span> : null}
    </p>
  );
}

export function SuccessMessage({ children }: { children: string | null | undefined }) {
  if (!children) return null;
  return (
    <p className="message message-success" role="status">
      {children}
    </p>
  );
}
