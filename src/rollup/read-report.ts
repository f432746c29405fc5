/**
 * One township's JSON report, read back for a rollup: valid JSON, a
 * revitalize report, of the schema version that carries the parts of its
 * figures, and of the right shape. What is wrong is said as data, with the
 * place in the file, as problems of the E-ROLLUP- codes. Pure.
 */
import type { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from '../report/build-report.js';
import type { ReportDocument } from '../schema/report-schema.js';
import { reportDocumentSchema } from '../schema/report-schema.js';
import type { JsonPath } from './parse-json.js';
import { parseJson } from './parse-json.js';
import type { Problem, RollupCode } from '../problems/problem.js';
import { problem } from '../problems/problem.js';

/** Why a township report cannot go into a rollup, where in its file, with the values its message needs. */
export type RollupProblem = Problem<RollupCode>;

/** A report file as rollup was given it: the name to show, and its text. */
export interface ReportFile {
  file: string;
  text: string;
}

export interface ReadReport {
  file: string;
  document: ReportDocument;
  /** Where a part of the file was written, for problems found when reports are compared. */
  locate: (path: JsonPath, which?: 'value' | 'key') => { line: number; col: number };
}

/** Shape problems shown per file; a file that is something else entirely would list hundreds. */
const MAX_SHAPE_PROBLEMS = 5;

export function readReport({ file, text }: ReportFile): { ok: true; report: ReadReport } | { ok: false; problems: RollupProblem[] } {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const refused =
      parsed.reason === 'tooDeep'
        ? problem('E-ROLLUP-TOO-DEEP', { file, ...parsed.at }, { limit: parsed.limit })
        : problem('E-ROLLUP-NOT-JSON', { file, ...parsed.at }, { found: parsed.found });
    return { ok: false, problems: [refused] };
  }
  const { value, locate } = parsed;
  const at = (path: JsonPath, which?: 'value' | 'key') => ({ file, ...locate(path, which) });

  const version = isObject(value) && isObject(value.metrics) ? value.schemaVersion : undefined;
  if (typeof version !== 'number') {
    return { ok: false, problems: [problem('E-ROLLUP-NOT-A-REPORT', { file, line: 1, col: 1 }, { actual: jsonType(value) })] };
  }
  if (version !== REPORT_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        problem('E-ROLLUP-SCHEMA-VERSION', at(['schemaVersion']), {
          version,
          expected: REPORT_SCHEMA_VERSION,
          newer: version > REPORT_SCHEMA_VERSION ? 'yes' : 'no',
        }),
      ],
    };
  }
  const checked = reportDocumentSchema.safeParse(value);
  if (!checked.success) {
    const issues = checked.error.issues;
    const shown = issues.slice(0, MAX_SHAPE_PROBLEMS);
    const more = issues.length - shown.length;
    // The last problem told counts the ones left out.
    return { ok: false, problems: shown.map((issue, i) => shapeProblem(issue, value, at, i === shown.length - 1 && more > 0 ? more : undefined)) };
  }
  return { ok: true, report: { file, document: checked.data, locate } };
}

function shapeProblem(
  issue: z.core.$ZodIssue,
  document: unknown,
  at: (path: JsonPath) => { file: string; line: number; col: number },
  more: number | undefined,
): Problem<'E-ROLLUP-WRONG-SHAPE'> {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const actual = jsonType(valueAt(document, path));
  const expected =
    issue.code === 'invalid_type' && EXPECTED_TYPES[issue.expected] !== undefined
      ? EXPECTED_TYPES[issue.expected]!
      : issue.code === 'invalid_value'
        ? 'oneOf'
        : 'valid';
  const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : undefined;
  return problem('E-ROLLUP-WRONG-SHAPE', at(path), {
    path: path.join('.'),
    expected,
    actual,
    ...(allowed ? { allowed } : {}),
    ...(more === undefined ? {} : { more }),
  });
}

/** zod's names of the types a report holds → the words the catalogues have for JSON values. */
const EXPECTED_TYPES: Record<string, string> = {
  number: 'number',
  int: 'integer',
  string: 'string',
  object: 'object',
  record: 'object',
  array: 'array',
  boolean: 'boolean',
  null: 'null',
};

/** What kind of JSON value was written (missing: nothing there). */
export function jsonType(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) {
    if (!isObject(current) && !Array.isArray(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
