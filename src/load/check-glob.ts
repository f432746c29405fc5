/**
 * A glob of `logs` is refused before it is searched when it would reach
 * outside the workspace (an absolute path, or `..`), or would cost more
 * than any real layout of logs: ranges such as `{1..12}` are written out
 * before matching (glob-syntax.ts), and the matcher compiles every
 * alternative of every brace into one expression, so ten `{a,…,j}` in a row
 * would stand for 10^10 paths. Pure.
 */
import { MAX_GLOB_EXPANSIONS, MAX_GLOB_LENGTH } from '../limits.js';

/** How many braces deep a glob may nest; real ones nest one or two. */
const MAX_BRACE_DEPTH = 8;

export type GlobRefusal =
  | { code: 'E-GLOB-OUTSIDE-WORKSPACE'; params: { pattern: string; absolute: 'yes' | 'no' } }
  | { code: 'E-GLOB-TOO-COMPLEX'; params: { pattern: string; reason: 'length' | 'braces'; limit: number } };

/** `..` as a whole path part, also as one alternative of braces or of an extglob. */
const PARENT = /(^|[/\\{,(|])\.\.(?=$|[/\\},)|])/;

export function checkLogGlob(pattern: string): GlobRefusal | undefined {
  if (isAbsoluteGlob(pattern)) return { code: 'E-GLOB-OUTSIDE-WORKSPACE', params: { pattern, absolute: 'yes' } };
  if (PARENT.test(pattern)) return { code: 'E-GLOB-OUTSIDE-WORKSPACE', params: { pattern, absolute: 'no' } };
  if (pattern.length > MAX_GLOB_LENGTH)
    return { code: 'E-GLOB-TOO-COMPLEX', params: { pattern: shortened(pattern), reason: 'length', limit: MAX_GLOB_LENGTH } };
  if (globExpansions(pattern) > MAX_GLOB_EXPANSIONS) {
    return { code: 'E-GLOB-TOO-COMPLEX', params: { pattern: shortened(pattern), reason: 'braces', limit: MAX_GLOB_EXPANSIONS } };
  }
  return undefined;
}

/** `/etc/…`, `\\server\…`, `C:/…` or `~/…` (which the glob library would read as a folder named ~). */
function isAbsoluteGlob(pattern: string): boolean {
  return /^([/\\~]|[A-Za-z]:)/.test(pattern);
}

interface BraceFrame {
  /** Paths the alternatives closed so far stand for. */
  closed: number;
  /** Paths the alternative being read stands for. */
  current: number;
  hasComma: boolean;
  start: number;
}

/**
 * How many patterns a glob stands for once its braces are expanded, as
 * the glob library expands them (`{a,b}` two, `{1..12}` twelve, `{a}` and
 * an unclosed `{` one), counted without expanding anything; anything over
 * MAX_GLOB_EXPANSIONS, or nested too deep, counts as more than it.
 */
export function globExpansions(pattern: string): number {
  const over = MAX_GLOB_EXPANSIONS + 1;
  const stack: BraceFrame[] = [{ closed: 0, current: 1, hasComma: false, start: -1 }];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
      continue;
    }
    const top = stack[stack.length - 1]!;
    if (char === '{') {
      if (stack.length > MAX_BRACE_DEPTH) return over;
      stack.push({ closed: 0, current: 1, hasComma: false, start: i });
    } else if (char === ',' && stack.length > 1) {
      top.closed = Math.min(over, top.closed + top.current);
      top.current = 1;
      top.hasComma = true;
    } else if (char === '}' && stack.length > 1) {
      stack.pop();
      const count = top.hasComma ? top.closed + top.current : (rangeSize(pattern.slice(top.start + 1, i)) ?? top.current);
      const parent = stack[stack.length - 1]!;
      parent.current = Math.min(over, parent.current * count);
    }
  }
  // An unclosed brace is literal text; what is inside it still expands.
  while (stack.length > 1) {
    const top = stack.pop()!;
    const parent = stack[stack.length - 1]!;
    parent.current = Math.min(over, parent.current * Math.max(top.current, top.closed + top.current));
  }
  return stack[0]!.current;
}

/** `1..12`, `01..31..2` or `a..z`: how many values; undefined when the text is no range. */
function rangeSize(inside: string): number | undefined {
  const numbers = /^([+-]?\d+)\.\.([+-]?\d+)(?:\.\.([+-]?\d+))?$/.exec(inside);
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([+-]?\d+))?$/.exec(inside);
  const found = numbers ?? letters;
  if (!found) return undefined;
  const value = (text: string) => (numbers ? Number(text) : text.charCodeAt(0));
  const step = Math.abs(Number(found[3] ?? 1)) || 1;
  return Math.floor(Math.abs(value(found[2]!) - value(found[1]!)) / step) + 1;
}

/** A glob shown in a message: a pathological one can be thousands of characters. */
function shortened(pattern: string): string {
  return pattern.length > 80 ? `${pattern.slice(0, 77)}…` : pattern;
}
