/**
 * Township reports that can be merged: all of the same month, each
 * township once, and each village in one township only (a village in two
 * would be counted twice). A report that disagrees with an earlier one is
 * refused at the field that disagrees. Pure.
 */
import { problem } from '../problems/problem.js';
import type { ReadReport, RollupProblem } from './read-report.js';

export function checkReportsAgree(reports: readonly ReadReport[]): RollupProblem[] {
  const problems: RollupProblem[] = [];
  const first = reports[0];
  if (!first) return problems;
  const regions = new Map<string, string>();
  const villages = new Map<string, string>();
  for (const { file, document, locate } of reports) {
    const at = (path: (string | number)[], which?: 'value' | 'key') => ({ file, ...locate(path, which) });
    if (document.month !== first.document.month) {
      problems.push(problem('E-ROLLUP-OTHER-MONTH', at(['month']), { month: document.month, expected: first.document.month, first: first.file }));
      continue;
    }
    const sameRegion = regions.get(document.region);
    if (sameRegion !== undefined) {
      problems.push(problem('E-ROLLUP-SAME-TOWNSHIP', at(['region']), { region: document.region, first: sameRegion }));
      continue;
    }
    regions.set(document.region, file);
    for (const village of Object.keys(document.villages)) {
      const other = villages.get(village);
      if (other !== undefined) problems.push(problem('E-ROLLUP-SAME-VILLAGE', at(['villages', village], 'key'), { village, first: other }));
      else villages.set(village, file);
    }
  }
  return problems;
}
