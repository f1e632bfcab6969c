import type { FieldError, FieldProblem } from '@bluezone/contract';
import type { FastifyError, FastifyRequest } from 'fastify';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

type Part = 'body' | 'querystring' | 'params' | 'headers';

const PART_NAMES: Record<string, string> = { querystring: 'query', body: 'body', params: 'params', headers: 'headers' };

function valueAt(root: unknown, path: string[]): unknown {
  let value = root;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

function problemOf(issue: ValidationIssue, present: boolean): { problem: FieldProblem; limit?: number } {
  const params = issue.params ?? {};
  const origin = params.origin;
  const lengthLike = origin === 'string' || origin === 'array' || origin === 'set';
  // A field left out is "required", whatever the schema would have checked of its value.
  if (!present) return { problem: 'required' };
  switch (issue.keyword) {
    case 'invalid_type':
      return { problem: 'invalid_type' };
    case 'too_small':
      return { problem: lengthLike ? 'too_short' : 'too_small', ...(typeof params.minimum === 'number' && { limit: params.minimum }) };
    case 'too_big':
      return { problem: lengthLike ? 'too_long' : 'too_big', ...(typeof params.maximum === 'number' && { limit: params.maximum }) };
    case 'invalid_format':
      return { problem: 'invalid_format' };
    case 'unrecognized_keys':
      return { problem: 'unknown_field' };
    default:
      return { problem: 'invalid_value' };
  }
}

/**
 * Zod's issues (as fastify-type-provider-zod hands them over) turned into the contract's field errors, which clients
 * translate, and into an English message for logs: `body.password: Too small: expected string to have >=10 characters`.
 */
export function describeValidationError(error: FastifyError, request: FastifyRequest): { message: string; fields: FieldError[] } {
  const part = ((error as { validationContext?: string }).validationContext ?? 'body') as Part;
  const input: unknown = part === 'querystring' ? request.query : part === 'params' ? request.params : part === 'headers' ? request.headers : request.body;
  const fields: FieldError[] = [];
  const lines: string[] = [];
  for (const issue of (error.validation ?? []) as ValidationIssue[]) {
    const path = issue.instancePath.split('/').filter((s) => s.length > 0);
    const field = path.join('.');
    lines.push(`${PART_NAMES[part] ?? part}${field ? `.${field}` : ''}: ${issue.message ?? 'invalid'}`);
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
      for (const key of issue.params.keys as string[]) fields.push({ field: [...path, key].join('.'), problem: 'unknown_field' });
      continue;
    }
    fields.push({ field: field || PART_NAMES[part] || part, ...problemOf(issue, valueAt(input, path) !== undefined) });
  }
  return { message: lines.join('; ') || 'invalid request', fields };
}
