import { Chalk } from 'chalk';
import type { Catalogue } from '../i18n/catalogue.js';
import { describeProblem, problemPlace } from '../problems/describe-problem.js';
import type { Problem } from '../problems/problem.js';

/**
 * Problems as people read them, one block each:
 *   FILE:LINE:COL: 错误：message
 *     提示：hint
 */
export function formatProblems(problems: readonly Problem[], catalogue: Catalogue, color: boolean): string {
  const paint = new Chalk({ level: color ? 1 : 0 });
  const colon = catalogue.locale === 'zh-CN' ? '：' : ': ';
  return problems
    .map((found) => {
      const { message, hint } = describeProblem(found, catalogue);
      const severity = catalogue.severity[found.severity];
      const label = found.severity === 'error' ? paint.red.bold(severity) : paint.yellow.bold(severity);
      const head = `${paint.bold(problemPlace(found))}: ${label}${colon}${message}`;
      if (!hint) return `${head}\n`;
      const indentedHint = hint.replace(/\n/g, '\n    ');
      return `${head}\n  ${paint.cyan(catalogue.cli.hintLabel)}${colon}${indentedHint}\n`;
    })
    .join('');
}
