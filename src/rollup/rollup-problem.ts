/**
 * Why a township report cannot go into a rollup, as data: where (the
 * report file, line and column) and which refusal, with the values its
 * message needs. Worded when printed, from the `rollup.refusals` of the
 * language catalogues, like the problems of logs.
 */
import type { ProblemParams, SourceLocation } from '../problems/problem.js';

export const ROLLUP_REFUSALS = [
  /** Not JSON text: where it breaks. */
  'notJson',
  /** JSON nested deeper than any report (MAX_JSON_DEPTH): where it goes too deep. */
  'tooDeep',
  /** JSON, but not a revitalize report (no schemaVersion or metrics). */
  'notAReport',
  /** A report of another schema version: older ones lack the parts of their figures. */
  'schemaVersion',
  /** A report whose fields are not what this version writes. */
  'wrongShape',
  /** A report of another month than the first report's. */
  'otherMonth',
  /** A second report of the same township (region). */
  'sameTownship',
  /** A village already in another township's report: it would be counted twice. */
  'sameVillage',
] as const;

export type RollupRefusal = (typeof ROLLUP_REFUSALS)[number];

export interface RollupProblem extends SourceLocation {
  refusal: RollupRefusal;
  params: ProblemParams;
}

export function rollupProblem(refusal: RollupRefusal, at: SourceLocation, params: ProblemParams = {}): RollupProblem {
  return { file: at.file, line: at.line, col: at.col, refusal, params };
}
