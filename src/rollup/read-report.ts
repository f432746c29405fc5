/**
 * One township's JSON report, read back for a rollup: valid JSON, a
 * revitalize report, of the schema version that carries the parts of its
 * figures, and of the right shape. What is wrong is said as data, with the
 * place in the file (see rollup-problem.ts). Pure.
 */
import type { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from '../report/build-report.js';
import type { ReportDocument } from '../schema/report-schema.js';
import { reportDocumentSchema } from '../schema/report-schema.js';
import type { JsonPath } from './parse-json.js';
import { parseJson } from './parse-json.js';
import type { RollupProblem } from './rollup-problem.js';
import { rollupProblem } from './rollup-problem.js';

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
    const refused = parsed.reason === 'tooDeep' ? rollupProblem('tooDeep', { file, ...parsed.at }, { limit: parsed.limit }) : rollupProblem('notJson', { file, ...parsed.at }, { found: parsed.found });
    return { ok: false, problems: [refused] };
  }
  const { value, locate } = parsed;
  const at = (path: JsonPath, which?: 'value' | 'key') => ({ file, ...locate(path, which) });

  const version = isObject(value) && isObject(value.metrics) ? value.schemaVersion : undefined;
  if (typeof version !== 'number') {
    return { ok: false, problems: [rollupProblem('notAReport', { file, line: 1, col: 1 }, { actual: jsonType(value) })] };
  }
  if (version !== REPORT_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [rollupProblem('schemaVersion', at(['schemaVersion']), { version, expected: REPORT_SCHEMA_VERSION, newer: version > REPORT_SCHEMA_VERSION ? 'yes' : 'no' })],
    };
  }
  const checked = reportDocumentSchema.safeParse(value);
  if (!checked.success) {
    const issues = checked.error.issues;
    const problems = issues.slice(0, MAX_SHAPE_PROBLEMS).map((issue) => shapeProblem(issue, value, at));
    const more = issues.length - problems.length;
    if (more > 0) problems.at(-1)!.params.more = more;
    return { ok: false, problems };
  }
  return { ok: true, report: { file, document: checked.data, locate } };
}

function shapeProblem(issue: z.core.$ZodIssue, document: unknown, at: (path: JsonPath) => { file: string; line: number; col: number }): RollupProblem {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const actual = jsonType(valueAt(document, path));
  const expected =
    issue.code === 'invalid_type' && EXPECTED_TYPES[issue.expected] !== undefined
      ? EXPECTED_TYPES[issue.expected]!
      : issue.code === 'invalid_value'
        ? 'oneOf'
        : 'valid';
  const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : undefined;
  return rollupProblem('wrongShape', at(path), { path: path.join('.'), expected, actual, ...(allowed ? { allowed } : {}) });
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
