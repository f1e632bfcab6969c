import type { FieldError } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * Refuses, for every route and before any schema runs, what no field of this API may hold:
 * - control characters: NUL breaks PostgreSQL text (it answered 500 before this guard) and the rest only hide text
 *   from the person reading it. Tab, line feed and carriage return stay allowed in bodies (multi-line notes);
 *   paths and query strings allow none.
 * - nesting deeper than MAX_DEPTH: no request of this API nests more than a few levels, and a 64 kB body of `[[[[…`
 *   would otherwise reach every recursive walk behind the parser.
 * The walk is iterative, so the guard itself cannot overflow the stack.
 */
const MAX_DEPTH = 16;
// C0 controls and DEL, except tab, LF and CR; and the C1 controls. Matching them is the point of these patterns.
// eslint-disable-next-line no-control-regex
const BODY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

type Part = 'body' | 'query' | 'params';

/** A value met on the walk; its path is rebuilt from the parents only when it is reported. */
interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
  depth: number;
}

function pathOf(visit: Visit | undefined): string[] {
  const path: string[] = [];
  for (let at = visit; at?.parent !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

// Every request's params, query and body pass here, a phone's 14 keys included: no array of the path is built per
// value (that was most of the guard's time in the publish benchmark's profile), only for the one reported.
function findProblem(root: unknown, part: Part): FieldError | undefined {
  const control = part === 'body' ? BODY_CONTROL : ANY_CONTROL;
  const stack: Visit[] = [{ value: root, key: '', parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (visit.depth > MAX_DEPTH) return { field: pathOf(visit).slice(0, MAX_DEPTH).join('.'), problem: 'too_big', limit: MAX_DEPTH };
    if (typeof value === 'string') {
      if (control.test(value)) return { field: pathOf(visit).join('.') || part, problem: 'control_character' };
    } else if (typeof value === 'object' && value !== null) {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (ANY_CONTROL.test(key)) return { field: pathOf(visit).join('.') || part, problem: 'control_character' };
        const child = (value as Record<string, unknown>)[key];
        // Numbers, booleans and null hold nothing to refuse unless they lie too deep: not worth a place on the stack.
        if (typeof child === 'string' || (typeof child === 'object' && child !== null) || visit.depth >= MAX_DEPTH) stack.push({ value: child, key, parent: visit, depth: visit.depth + 1 });
      }
    }
  }
  return undefined;
}

export function installInputGuard(app: FastifyInstance): void {
  // A callback hook: the guard is synchronous, and an async hook would cost every request a promise for nothing.
  app.addHook('preValidation', (request, _reply, done) => {
    for (const [part, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
      const problem = findProblem(value, part);
      if (problem) {
        const what = problem.problem === 'control_character' ? 'holds a control character' : `nests deeper than ${MAX_DEPTH} levels`;
        return done(new AppError('validation_failed', `${part}.${problem.field}: ${what}`, [problem]));
      }
    }
    done();
  });
}
