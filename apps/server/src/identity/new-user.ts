import { createUserRequestSchema, type CreateUserRequest } from '@bluezone/contract';

export type NewUserCheck = { ok: true; value: CreateUserRequest } | { ok: false; issues: { field: string; message: string }[] };

/**
 * Checks a new account from an untrusted source other than HTTP (the CLI) with the same schema the API uses, and
 * returns every problem with the field it concerns. Messages are the schema's sentences, written to follow the
 * field's name ("must be at least 10 characters"), so a caller prints `<field or flag> <message>`.
 */
export function checkNewUser(input: Record<string, unknown>): NewUserCheck {
  const result = createUserRequestSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.map((i) => ({ field: i.path.join('.') || 'input', message: i.message })) };
}
