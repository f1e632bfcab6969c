import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a Field hands its control: the id its label points at, and the ids of its hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** The problem of this field, already in the reader's language and naming the field. */
  error?: string | null;
  /** Marks the field "(optional)"; required fields are the rule and carry no mark, but say so to screen readers. */
  optional?: boolean;
  /** A filter or search box: nothing is required of it, and nothing needs saying. */
  plain?: boolean;
  /** A fixed id for the control; a generated one otherwise. */
  id?: string;
  /**
   * `text` (default): label, hint, error, then the control. `check`: a checkbox before its label. `choices`: a
   * fieldset whose legend is the label, for radio buttons or checkboxes (give each a `Choice`). `group`: a fieldset
   * for a composite control (the unit picker); it takes focus when it is in error.
   */
  kind?: 'text' | 'check' | 'choices' | 'group';
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * The one form field of the console: every input, select and group of choices goes through it, so labels, hints and
 * errors are wired the same way everywhere (aria-describedby names the hint and the error, aria-invalid marks a field
 * in error), and a layout fix lands in every form at once.
 */
export function Field({ label, hint, error, optional = false, plain = false, id: fixedId, kind = 'text', className, children }: FieldProps) {
  const { t } = useTranslation();
  const generated = useId();
  const id = fixedId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(optional || plain || kind !== 'text' ? {} : { 'aria-required': true as const }),
  };
  const labelText = (
    <>
      {label}
      {optional ? <span className="field-optional"> {t('common.optional')}</span> : null}
    </>
  );
  const hintNode = hint ? (
    <p id={hintId} className="hint">
      {hint}
    </p>
  ) : null;
  const errorNode = error ? (
    <p id={errorId} className="field-error">
      {error}
    </p>
  ) : null;
  const classes = (base: string) => [base, error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ');

  if (kind === 'choices' || kind === 'group') {
    const inner = children({ id: `${id}-control` });
    return (
      <fieldset className={classes(`field field-${kind}`)} aria-describedby={describedBy} id={id} tabIndex={-1}>
        <legend>{labelText}</legend>
        {hintNode}
        {errorNode}
        {kind === 'choices' ? <div className="choices">{inner}</div> : inner}
      </fieldset>
    );
  }
  if (kind === 'check') {
    return (
      <div className={classes('field')}>
        <div className="choice">
          {children(control)}
          <label htmlFor={id}>{labelText}</label>
        </div>
        {hintNode}
        {errorNode}
      </div>
    );
  }
  return (
    <div className={classes('field')}>
      <label htmlFor={id}>{labelText}</label>
      {hintNode}
      {errorNode}
      {children(control)}
    </div>
  );
}

/** One radio button or checkbox of a `choices` Field, beside its label. */
export function Choice({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className="choice">
      {children}
      <span>{label}</span>
    </label>
  );
}
