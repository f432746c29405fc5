/**
 * zod reports what failed in its own terms; this turns each issue into one
 * of our problems, located where the offending value was written.
 */
import type { z } from 'zod';
import type { YamlPath } from '../load/parse-yaml.js';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { isProblemCode, problem } from '../problems/problem.js';
import { PROBLEM_PARAM } from '../schema/config-schema.js';
import { CLERK_DATE, FIRST_YEAR, LAST_YEAR, isYearInRange } from '../schema/log-schema.js';
import { shownValue, valueType } from './describe-value.js';
import { insideChineseQuotes, withoutCommas } from './ime-values.js';
import { nearestName } from './nearest-name.js';

/** What a field says when a value is of the wrong kind, as against too long or out of range. */
const REFUSALS_OF_A_VALUE = new Set(['invalid_type', 'invalid_value', 'invalid_format', 'invalid_union']);

/** A value as a YAML line would write it: quoted (half-width) when YAML would read it otherwise. */
function yamlScalar(value: string): string {
  return value === '' || /^[\s"'[\]{}>|*&!%@`#,?:-]|[:#]|\s$/.test(value) ? JSON.stringify(value) : value;
}

/** Written like a date, whether or not the day exists. */
const DATE_SHAPE = /^\d{4}([-/.])\d{1,2}\1\d{1,2}$|^\d{4}年\d{1,2}月\d{1,2}日$/;

/** zod's names for expected types, in the words our messages use. */
const EXPECTED: Record<string, string> = {
  string: 'text',
  int: 'integer',
  number: 'number',
  array: 'list',
  object: 'mapping',
};

/** Finds where a path of the file was written; a document's locate(), or a fixed place for values typed on a command line. */
export type Locate = (path: YamlPath) => SourceLocation;

export interface IssueContext {
  locate: Locate;
  /** Where the validated value sits in the file, e.g. ['entries', 3]. */
  base: YamlPath;
  /** The value that was validated, to read the offending parts back. */
  input: unknown;
  /** Extra values for every message (e.g. the entry's kind). */
  params?: Record<string, string | readonly string[]>;
  /** Fields that take whole numbers: zod reports them as "number" when given text. */
  integerFields?: ReadonlySet<string>;
}

export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], context: IssueContext): Problem[] {
  return tightestBounds(issues).map((issue) => problemFromIssue(issue, context));
}

/**
 * A number can break two bounds on one side at once: zod checks an integer
 * against the safe-integer range as well as the field's own maximum
 * (overdueDays: 1e300). One problem is told, with the field's own, tighter
 * bound: the smallest maximum, or the largest minimum.
 */
function tightestBounds(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const numeric = (issue: z.core.$ZodIssue): issue is z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall =>
    (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin !== 'string' && issue.origin !== 'array';
  const bound = (issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall) => Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const tightest = new Map<string, z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall>();
  for (const issue of issues) {
    if (!numeric(issue)) continue;
    const key = `${issue.code}\u0000${JSON.stringify(issue.path.map(String))}`;
    const kept = tightest.get(key);
    const tighter = !kept || (issue.code === 'too_big' ? bound(issue) < bound(kept) : bound(issue) > bound(kept));
    if (tighter) tightest.set(key, issue);
  }
  return issues.filter((issue) => !numeric(issue) || tightest.get(`${issue.code}\u0000${JSON.stringify(issue.path.map(String))}`) === issue);
}

function problemFromIssue(issue: z.core.$ZodIssue, { locate, base, input, params = {}, integerFields }: IssueContext): Problem {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const value = valueAt(input, path);
  const present = value !== undefined;
  const at = locate([...base, ...path]);
  const field = fieldName(path);
  const common = { ...params, field, value: shownValue(value) };

  // A field left out is missing, whatever it takes: a number, a choice, a list, a fixed word.
  if (!present && issue.code !== 'custom') return problem('E-MISSING-FIELD', at, common);
  // A value the field refused, in Chinese quotes: the quotes are the slip (text fields never refuse them).
  const quoted = insideChineseQuotes(value);
  if (quoted !== undefined && REFUSALS_OF_A_VALUE.has(issue.code)) {
    return problem('E-FULLWIDTH-QUOTES', at, { ...common, example: `${field}: ${yamlScalar(quoted)}` });
  }

  switch (issue.code) {
    case 'invalid_type':
      return problem('E-WRONG-TYPE', at, {
        ...common,
        expected: integerFields?.has(String(path[0])) ? 'integer' : (EXPECTED[issue.expected] ?? issue.expected),
        actual: valueType(value),
        ungrouped: issue.expected === 'number' || issue.expected === 'int' ? withoutCommas(value) : undefined,
      });
    case 'invalid_union':
      return problem('E-WRONG-TYPE', at, { ...common, expected: 'text', actual: valueType(value) });
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return problem('E-EMPTY-VALUE', at, common);
      return problem('E-OUT-OF-RANGE', at, { ...common, bound: issue.inclusive ? 'min' : 'above', limit: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return problem('E-TOO-LONG', at, { ...common, length: String(value).length, limit: Number(issue.maximum) });
      if (issue.origin === 'array')
        return problem('E-TOO-LONG', at, { ...common, length: (value as unknown[]).length, limit: Number(issue.maximum), items: 'yes' });
      return problem('E-OUT-OF-RANGE', at, { ...common, bound: 'max', limit: Number(issue.maximum) });
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const typed = typeof value === 'string' ? value : String(value);
      return problem('E-NOT-ALLOWED', at, { ...common, allowed, suggestion: nearestName(typed, allowed) });
    }
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern === String(CLERK_DATE)) {
        const shaped = typeof value === 'string' && DATE_SHAPE.test(value.trim());
        if (shaped && !isYearInRange(Number(value.trim().slice(0, 4))))
          return problem('E-DATE-OUT-OF-RANGE', at, { ...common, first: FIRST_YEAR, last: LAST_YEAR });
        return problem(shaped ? 'E-DATE-IMPOSSIBLE' : 'E-DATE-FORMAT', at, common);
      }
      // The other pattern our fields have is text's "not blank".
      if (issue.format === 'regex') return problem('E-EMPTY-VALUE', at, common);
      return problem('E-WRONG-TYPE', at, { ...common, expected: issue.format, actual: valueType(value) });
    case 'custom': {
      // Rules zod cannot say by itself name the problem they stand for (see config-schema.ts).
      const { [PROBLEM_PARAM]: code, ...extra } = (issue.params ?? {}) as Record<string, string>;
      if (code && isProblemCode(code)) return problem(code, at, { ...common, ...extra });
      return problem('E-WRONG-TYPE', at, { ...common, expected: 'valid', actual: valueType(value) });
    }
    default:
      return problem('E-WRONG-TYPE', at, { ...common, expected: 'valid', actual: valueType(value) });
  }
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** `villages[2]` style, counting items from 1 as clerks do. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment + 1}]` : i === 0 ? segment : `.${segment}`)).join('');
}
