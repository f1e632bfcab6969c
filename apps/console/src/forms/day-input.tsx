import type { InputHTMLAttributes } from 'react';

/**
 * A calendar day typed as dd/mm/yyyy (or 23112026). A text box rather than `type="date"`: Chromium's date box follows
 * the browser's interface language, so it showed mm/dd/yyyy inside a Vietnamese page. forms/validation.ts reads it.
 */
export function DayInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'placeholder' | 'autoComplete'>) {
  return <input {...props} inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" />;
}
