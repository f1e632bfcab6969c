import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.js';
import type { FieldProblem } from '../api/types.js';

/** What is wrong with one field: the contract's words, so the client's checks and the server's answers read alike. */
export interface Issue {
  problem: FieldProblem;
  limit?: number;
}

/**
 * One field of a form: how it is named in messages, and the cheap checks the contract's schema makes too (the
 * server still decides; these only spare a round trip). Property names end in `Key` when they hold an i18n key,
 * so the translation test finds them.
 */
export interface FieldSpec {
  labelKey: string;
  required?: boolean;
  /** Bounds in characters, after trimming (the contract's string schemas trim first). */
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  /** A check a pattern cannot make (a day that exists); false reads as invalid_format. */
  valid?: (value: string) => boolean;
  /** Words for a value of the wrong form, e.g. which characters a username may have. */
  formatKey?: string;
  /** A whole sentence for a taken value ("This username is taken"), where the generic words would be vague. */
  takenKey?: string;
  /** A whole sentence for a value the server refused (invalid_value), e.g. "The current password is wrong". */
  invalidKey?: string;
  /** How the server normalises the value before checking it; trimming by default. */
  normalize?: (value: string) => string;
}

/** The first problem of a text value under a spec, or null. */
export function checkText(spec: FieldSpec, raw: string): Issue | null {
  const value = (spec.normalize ?? ((text: string) => text.trim()))(raw);
  if (value.length === 0) return spec.required ? { problem: 'required' } : null;
  // Characters, not UTF-16 units: "Lạng Sơn" typed with combining marks still counts as people count it.
  const length = [...value].length;
  if (spec.minLength !== undefined && length < spec.minLength) return { problem: 'too_short', limit: spec.minLength };
  if (spec.maxLength !== undefined && length > spec.maxLength) return { problem: 'too_long', limit: spec.maxLength };
  if (spec.pattern && !spec.pattern.test(value)) return { problem: 'invalid_format' };
  if (spec.valid && !spec.valid(value)) return { problem: 'invalid_format' };
  return null;
}

/**
 * A problem in the reader's language, naming the field: "Tên đăng nhập: cần ít nhất 3 ký tự". A string shorter than
 * one character is simply missing, so it reads as required.
 */
export function issueMessage(t: TFunction, spec: FieldSpec, issue: Issue): string {
  if (issue.problem === 'taken' && spec.takenKey) return t(spec.takenKey);
  if (issue.problem === 'invalid_value' && spec.invalidKey) return t(spec.invalidKey);
  const field = t(spec.labelKey);
  if (issue.problem === 'too_short' && (issue.limit ?? 0) <= 1) return t('fields.issue', { field, problem: t('fields.problems.required') });
  if (issue.problem === 'invalid_format' && spec.formatKey) return t('fields.issue', { field, problem: t(spec.formatKey) });
  const problem = t(`fields.problems.${issue.problem}`, { limit: issue.limit ?? '' });
  return t('fields.issue', { field, problem });
}

/** The server's field problems of an error that belong to this form, as messages by field; the rest as sentences. */
export function serverIssues<K extends string>(
  t: TFunction,
  error: unknown,
  specs: Record<K, FieldSpec>,
): { byField: Partial<Record<K, string>>; others: string[] } {
  const byField: Partial<Record<K, string>> = {};
  const others: string[] = [];
  if (!isApiError(error)) return { byField, others };
  for (const { field, problem, limit } of error.fields) {
    const issue: Issue = limit === undefined ? { problem } : { problem, limit };
    if (field in specs) {
      const key = field as K;
      byField[key] ??= issueMessage(t, specs[key], issue);
    } else {
      // A field this form does not show (a path the server names, a newer server): never its raw English name.
      others.push(issueMessage(t, { labelKey: 'fields.other' }, issue));
    }
  }
  return { byField, others };
}
