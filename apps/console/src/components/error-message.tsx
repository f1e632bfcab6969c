import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';

interface ErrorMessageProps {
  error: unknown;
  /** The form shows this error's field problems at its fields: the summary then points at them. */
  fieldsShown?: boolean;
  /** Field problems the form could not place at a field, already as sentences. */
  others?: readonly string[];
}

/**
 * A failed call in the reader's language, from its documented code: never the server's `message`, which is English
 * for logs. Problems of particular fields are shown at those fields (see useFormCheck), and listed here otherwise.
 */
export function ErrorMessage({ error, fieldsShown = false, others = [] }: ErrorMessageProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = isApiError(error) ? error.code : 'unexpected_response';
  return (
    <div className="message message-error" role="alert">
      <p>{fieldsShown ? t('fields.fixMarked') : t(`errors.${code}`)}</p>
      {others.length > 0 ? (
        <ul>
          {others.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Problems found before sending, when they are not tied to one field (or as the summary of those that are). */
export function ProblemMessage({ children }: { children: string | null | undefined }) {
  if (!children) return null;
  return (
    <div className="message message-error" role="alert">
      <p>{children}</p>
    </div>
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
