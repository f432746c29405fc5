/**
 * Problems are data: where, which rule, and the values a message needs.
 * They are worded only when printed, in the workspace's language
 * (see describe-problem.ts), so the same problem can be shown in text or JSON.
 */
import { compareText } from '../compare-text.js';

export const ERROR_CODES = [
  'E-CONFIG-MISSING',
  'E-FILE-UNREADABLE',
  'E-FILE-ENCODING',
  'E-FILE-TOO-LARGE',
  'E-BROKEN-LINK',
  'E-LINK-LOOP',
  'E-FILE-OUTSIDE-WORKSPACE',
  'E-NOT-A-FILE',
  'E-GLOB-OUTSIDE-WORKSPACE',
  'E-GLOB-TOO-COMPLEX',
  'E-YAML-SYNTAX',
  'E-YAML-DUPLICATE-KEY',
  'E-YAML-ALIAS-BOMB',
  'E-YAML-MULTIPLE-DOCUMENTS',
  'E-NOT-A-MAPPING',
  'E-ENTRIES-NOT-A-LIST',
  'E-ENTRY-NOT-A-MAPPING',
  'E-UNKNOWN-PILLAR',
  'E-UNKNOWN-KIND',
  'E-KIND-PILLAR-MISMATCH',
  'E-MISSING-FIELD',
  'E-WRONG-TYPE',
  'E-OUT-OF-RANGE',
  'E-EMPTY-VALUE',
  'E-TOO-LONG',
  'E-NOT-ALLOWED',
  'E-DATE-FORMAT',
  'E-DATE-IMPOSSIBLE',
  'E-DATE-OUT-OF-RANGE',
  'E-UNKNOWN-VILLAGE',
  'E-DUPLICATE-VILLAGE',
  'E-DUPLICATE-SUGGESTION-ID',
  'E-DANGLING-REF',
  'E-RESOLVED-TWICE',
  'E-RESOLUTION-BEFORE-SUGGESTION',
  'E-TEMPLATE',
  'E-TARGET-BOUND',
  'E-FULLWIDTH-COLON',
  'E-FULLWIDTH-SPACE',
  'E-FULLWIDTH-DASH',
  'E-FULLWIDTH-QUOTES',
] as const;

export const WARNING_CODES = [
  'W-UNKNOWN-FIELD',
  'W-EMPTY-FILE',
  'W-NO-ENTRIES',
  'W-NO-LOG-FILES',
  'W-GLOB-MATCHED-FOLDER',
  'W-FILE-GB18030',
  'W-DATE-OUTSIDE-FOLDER',
  'W-DATE-IN-FUTURE',
  'W-NO-RECIPIENT',
  'W-NO-ISSUER',
  'W-MONTH-EMPTY',
  'W-VILLAGES-SILENT',
  'W-NOTES-MISSING',
  'W-NOTES-SECTION-MISSING',
  'W-NOTES-UNKNOWN-SECTION',
  'W-NOTES-STRAY-TEXT',
  'W-NOTES-BAD-NAME',
  'W-FULLWIDTH-DIGITS',
  'W-NUMBER-GROUPING',
] as const;

/**
 * Warnings a scheduled job prints even with --quiet: the month it reports
 * has nothing in it, or villages sent nothing. A job that said nothing then
 * would send an empty report unnoticed.
 */
export const LOUD_WARNINGS: ReadonlySet<string> = new Set(['W-MONTH-EMPTY', 'W-VILLAGES-SILENT']);

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type ProblemCode = ErrorCode | WarningCode;
export type Severity = 'error' | 'warning';

/** Values a message is built from. Lists are joined by the catalogue. */
export type ProblemParams = Record<string, string | number | readonly string[] | undefined>;

/** A place in a workspace file. line and col are 1-based; 0 means "the whole file". */
export interface SourceLocation {
  /** Path relative to the workspace, with forward slashes. */
  file: string;
  line: number;
  col: number;
}

export interface Problem extends SourceLocation {
  severity: Severity;
  code: ProblemCode;
  params: ProblemParams;
}

export function isProblemCode(value: string): value is ProblemCode {
  return (ERROR_CODES as readonly string[]).includes(value) || (WARNING_CODES as readonly string[]).includes(value);
}

export function problem(code: ProblemCode, at: SourceLocation, params: ProblemParams = {}): Problem {
  const severity: Severity = code.startsWith('W-') ? 'warning' : 'error';
  return { severity, code, file: at.file, line: at.line, col: at.col, params };
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
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.col - b.col || compareText(a.code, b.code),
  );
}

