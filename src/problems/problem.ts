/**
 * Problems are data: where, which rule, and the values a message needs.
 * They are worded only when printed, in the workspace's language
 * (see describe-problem.ts), so the same problem can be shown in text or JSON.
 */
import { compareText } from '../compare-text.js';
import type { SourceLocation } from '../source-location.js';
import type { NoParams, ParamsOf, ProblemCode, RollupCode, Severity } from './problem-registry.js';
import { PROBLEM_SEVERITY } from './problem-registry.js';

/** Every error code, then every warning code, in the registry's order (the error catalogue's). */
export const ERROR_CODES = codesOf('error');
export const WARNING_CODES = codesOf('warning');

function codesOf<S extends Severity>(severity: S): CodeOfSeverity<S>[] {
  return (Object.keys(PROBLEM_SEVERITY) as ProblemCode[]).filter((code): code is CodeOfSeverity<S> => PROBLEM_SEVERITY[code] === severity);
}

/**
 * Warnings a scheduled job prints even with --quiet: the month it reports
 * has nothing in it, or villages sent nothing. A job that said nothing then
 * would send an empty report unnoticed.
 */
export const LOUD_WARNINGS: ReadonlySet<string> = new Set(['W-MONTH-EMPTY', 'W-VILLAGES-SILENT']);

type CodeOfSeverity<S extends Severity> = { [C in ProblemCode]: (typeof PROBLEM_SEVERITY)[C] extends S ? C : never }[ProblemCode];
export type ErrorCode = CodeOfSeverity<'error'>;
export type WarningCode = CodeOfSeverity<'warning'>;
export type { ParamsOf, ProblemCode, RollupCode, Severity };

/** Any problem's values, as code that handles every problem (printing, caching) sees them. */
export type ProblemParams = Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** A place in a workspace file. line and col are 1-based; 0 means "the whole file". */
export type { SourceLocation } from '../source-location.js';

/** A problem of one code, with that code's values (problem-registry.ts). */
export interface ProblemOf<C extends ProblemCode> extends SourceLocation {
  severity: Severity;
  code: C;
  params: ParamsOf<C>;
}

/** A problem of any code (or of the codes C): checking `code` tells which values it has. */
export type Problem<C extends ProblemCode = ProblemCode> = C extends ProblemCode ? ProblemOf<C> : never;

export function isProblemCode(value: string): value is ProblemCode {
  return Object.hasOwn(PROBLEM_SEVERITY, value);
}

/** A problem at `at`, with exactly the values its code takes; a code that takes none needs none. */
export function problem<C extends ProblemCode>(
  code: C,
  at: SourceLocation,
  ...[params]: NoParams extends ParamsOf<C> ? [params?: ParamsOf<C>] : [params: ParamsOf<C>]
): Problem<C> {
  return { severity: PROBLEM_SEVERITY[code], code, file: at.file, line: at.line, col: at.col, params: params ?? {} } as Problem<C>;
}

export function wholeFile(file: string): SourceLocation {
  return { file, line: 0, col: 0 };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Several lists of problems as one, each problem once (two steps may find the same), in printing order. */
export function mergeProblems(...lists: readonly (readonly Problem[])[]): Problem[] {
  const seen = new Set<string>();
  const merged: Problem[] = [];
  for (const found of lists.flat()) {
    const key = `${found.file}\u0000${found.line}\u0000${found.col}\u0000${found.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(found);
  }
  return sortProblems(merged);
}

/** Stable order for printing: by file, then position, then code. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.col - b.col || compareText(a.code, b.code));
}
