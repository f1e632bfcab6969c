import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldSpec, checkText, issueMessage, serverIssues } from './validation.js';

/**
 * The checks of one form: client-side ones on submit (with the contract's rules and words), the server's field
 * problems when it refuses, each shown at its field, and focus moved to the first field in error so a keyboard or
 * screen-reader user lands on it.
 */
export function useFormCheck<K extends string>(specs: Record<K, FieldSpec>, serverError: unknown) {
  const { t } = useTranslation();
  const prefix = useId();
  const [client, setClient] = useState<Partial<Record<K, string>>>({});
  const keys = Object.keys(specs) as K[];
  const idOf = (key: K) => `${prefix}-${key}`;
  const server = serverIssues(t, serverError, specs);
  // Once the person edits a field its old server complaint no longer describes what is there.
  const [edited, setEdited] = useState<ReadonlySet<K>>(new Set());
  const errorOf = (key: K): string | undefined => client[key] ?? (edited.has(key) ? undefined : server.byField[key]);

  const focusFirst = (errors: Partial<Record<K, string>>) => {
    const first = keys.find((key) => errors[key]);
    if (first) document.getElementById(idOf(first))?.focus();
  };

  const lastServerError = useRef<unknown>(null);
  useEffect(() => {
    if (serverError === lastServerError.current) return;
    lastServerError.current = serverError;
    setEdited(new Set());
    if (serverError) focusFirst(serverIssues(t, serverError, specs).byField);
    // Only a new refusal moves focus, hence the one dependency.
  }, [serverError]);

  return {
    idOf,
    errorOf,
    /** Field problems the form cannot show at a field, as sentences. */
    otherIssues: server.others,
    /** Whether some field shows a problem of the server's answer (then the summary points at the fields). */
    hasServerFieldIssues: keys.some((key) => server.byField[key] !== undefined),
    /** Checks the given values; true when they may be sent. `extra` adds problems of the form's own (two passwords differ). */
    check(values: Partial<Record<K, string>>, extra: Partial<Record<K, string>> = {}): boolean {
      const errors: Partial<Record<K, string>> = {};
      for (const key of keys) {
        const value = values[key];
        const issue = value === undefined ? null : checkText(specs[key], value);
        const message = issue ? issueMessage(t, specs[key], issue) : extra[key];
        if (message) errors[key] = message;
      }
      setClient(errors);
      focusFirst(errors);
      return Object.keys(errors).length === 0;
    },
    /** A field changed: its problems go until the next submit. */
    touched(key: K) {
      if (client[key]) setClient((old) => ({ ...old, [key]: undefined }));
      if (!edited.has(key)) setEdited((old) => new Set(old).add(key));
    },
  };
}
