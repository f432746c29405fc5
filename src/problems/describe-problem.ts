import type { Catalogue, ProblemText } from '../i18n/catalogue.js';
import type { ProblemCode, ProblemOf, SourceLocation } from './problem.js';

/** A problem in words, in the catalogue's language. */
export function describeProblem<C extends ProblemCode>(found: ProblemOf<C>, catalogue: Catalogue): ProblemText {
  const wording: Catalogue['problems'][C] = catalogue.problems[found.code];
  const text = wording(found.params);
  return text.hint === undefined ? { message: text.message } : text;
}

/** `FILE:LINE:COL`, or just `FILE` when the problem concerns the whole file. */
export function problemPlace(found: SourceLocation): string {
  return found.line > 0 ? `${found.file}:${found.line}:${found.col}` : found.file;
}
