import { Chalk } from 'chalk';
import type { Catalogue, ProblemText } from '../i18n/catalogue.js';
import { describeProblem, problemPlace } from '../problems/describe-problem.js';
import { excerpt, sourceLines } from '../problems/excerpt.js';
import { PROBLEMS_SHOWN_PER_FILE } from '../limits.js';
import type { Problem, ProblemCode, ProblemOf, Severity, SourceLocation } from '../problems/problem.js';
import { printableLines, printableText } from '../printable-text.js';

/** A problem already in words: a log's (describeProblem) or a township report's in a rollup. */
export type WordedProblem = SourceLocation & ProblemText & { severity: Severity };

export interface PrintOptions {
  color: boolean;
  /** Text of the files with problems, for the excerpts; a file missing here gets none. */
  sources?: ReadonlyMap<string, string>;
}

/**
 * Problems as people read them, grouped by file (the list comes sorted),
 * at most PROBLEMS_SHOWN_PER_FILE of a file and then a line counting the
 * rest, each one block:
 *
 *   logs/2023/04/甲村.yaml:5:11: 错误：未知的记录类型（kind）“sesion”
 *      4 |   - date: 2023-04-08
 *      5 |     kind: sesion
 *        |           ^
 *     提示：是不是想写“session”？…
 */
export async function formatProblems(problems: readonly Problem[], catalogue: Catalogue, options: PrintOptions): Promise<string> {
  return formatWordedProblems(
    // The values are made printable before they are worded, so that a line break in one cannot break the message's line.
    problems.map((found) => ({
      file: found.file,
      line: found.line,
      col: found.col,
      severity: found.severity,
      ...describeProblem(printableProblem(found), catalogue),
    })),
    catalogue,
    options,
  );
}

/** A problem with every text value as a terminal may show it within a line; the values keep their types (text stays text). */
export function printableProblem<P extends ProblemOf<ProblemCode>>(found: P): P {
  const params = Object.fromEntries(
    Object.entries(found.params).map(([name, value]) => [
      name,
      typeof value === 'string' ? printableText(value) : Array.isArray(value) ? value.map(printableText) : value,
    ]),
  );
  // The same names with the same kinds of value: the params still fit the problem's code.
  return { ...found, params: params as P['params'] };
}

/** The same layout for problems worded by the caller. Whatever came from a file is made printable (printable-text.ts). */
export async function formatWordedProblems(problems: readonly WordedProblem[], catalogue: Catalogue, { color, sources }: PrintOptions): Promise<string> {
  const paint = new Chalk({ level: color ? 1 : 0 });
  // Display widths are needed only for excerpts; the measure loads only then.
  const width = problems.some((found) => sources?.has(found.file)) ? (await import('string-width')).default : (text: string) => text.length;
  const colon = catalogue.locale === 'zh-CN' ? '：' : ': ';
  const blocks: string[] = [];
  // Each file's text is split into lines once, however many of its problems are shown.
  const linesOf = new Map<string, readonly string[]>();
  const shownOf = new Map<string, number>();
  let hidden = 0;
  let previousFile: string | undefined;
  const countHidden = () => {
    if (hidden > 0) blocks.push(`${paint.bold(previousFile!)}: ${catalogue.cli.moreProblemsInFile(hidden)}`);
    hidden = 0;
  };
  for (const found of problems) {
    if (previousFile !== found.file) countHidden();
    const shown = shownOf.get(found.file) ?? 0;
    if (shown >= PROBLEMS_SHOWN_PER_FILE) {
      hidden++;
      previousFile = found.file;
      continue;
    }
    shownOf.set(found.file, shown + 1);
    const [message, hint] = [printableLines(found.message), found.hint === undefined ? undefined : printableLines(found.hint)];
    const severity = catalogue.severity[found.severity];
    const label = found.severity === 'error' ? paint.red.bold(severity) : paint.yellow.bold(severity);
    const lines = [`${paint.bold(printableText(problemPlace(found)))}: ${label}${colon}${message}`];
    const text = sources?.get(found.file);
    if (text !== undefined) {
      let fileLines = linesOf.get(found.file);
      if (fileLines === undefined) {
        fileLines = sourceLines(text);
        linesOf.set(found.file, fileLines);
      }
      for (const line of excerpt(fileLines, found.line, found.col, width, printableText)) lines.push(`  ${paint.dim(line)}`);
    }
    if (hint) lines.push(`  ${paint.cyan(catalogue.cli.hintLabel)}${colon}${hint.replace(/\n/g, '\n    ')}`);
    // A blank line between files keeps each file's problems together.
    if (previousFile !== undefined && previousFile !== found.file) blocks.push('');
    blocks.push(lines.join('\n'));
    previousFile = found.file;
  }
  countHidden();
  return blocks.length > 0 ? `${blocks.join('\n')}\n` : '';
}
