/**
 * How a glob of the workspace reads, said once for both its uses: finding
 * the files it matches (tinyglobby, which walks folders with fdir and
 * matches with picomatch 4) and asking whether a given path would be found
 * (picomatch 4 directly: is an output going to be read back as a log?).
 * Both take their options and their patterns from here, so that the two
 * answers cannot drift apart.
 *
 * The syntax: `*`, `?`, `[…]`, `**` across folders, `{a,b}` and ranges
 * `{01..12}`, extglobs `+(…)`; names starting with a dot are matched only
 * by a pattern that spells the dot. Ranges are written out as braces
 * (`{01..12}` → `{01,02,…,12}`) before either use: picomatch alone reads
 * a range only between single characters, and the glob library before it
 * (fast-glob) counted `{01..12}` as twelve months.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { GlobOptions } from 'tinyglobby';
import { MAX_GLOB_EXPANSIONS } from '../limits.js';

export interface GlobCase {
  /** Whether `A.yaml` and `a.yaml` differ; they do unless said otherwise. */
  caseSensitive?: boolean | undefined;
}

/** The syntax switched on, in tinyglobby's terms; picomatch's are derived from it below as tinyglobby derives them. */
const SYNTAX = { dot: false, braceExpansion: true, extglob: true, globstar: true } as const;

/** The options tinyglobby searches with (what it reads and returns is said in find-workspace-files.ts). */
export function searchOptions({ caseSensitive = true }: GlobCase = {}): GlobOptions {
  return { ...SYNTAX, caseSensitiveMatch: caseSensitive };
}

/** Whether a relative path (forward slashes) is one the globs would find. */
export function globMatcher(patterns: readonly string[], { caseSensitive = true }: GlobCase = {}): (file: string) => boolean {
  return picomatch(patterns.map(normalizeGlob), {
    dot: SYNTAX.dot,
    nobrace: !SYNTAX.braceExpansion,
    noextglob: !SYNTAX.extglob,
    noglobstar: !SYNTAX.globstar,
    nocase: !caseSensitive,
    posix: true,
  });
}

/**
 * A pattern as both uses read it: without a trailing slash, with `./` and
 * doubled slashes gone (as tinyglobby normalises it), and ranges written out.
 */
export function normalizeGlob(pattern: string): string {
  const trimmed = pattern.length > 1 ? pattern.replace(/\/+$/, '') : pattern;
  return writeOutRanges(trimmed === '' ? pattern : path.posix.normalize(trimmed));
}

/** A glob without wildcards or braces names one path (`logs: 台账`). */
export function isLiteralGlob(pattern: string): boolean {
  const scanned = picomatch.scan(normalizeGlob(pattern));
  return !scanned.isGlob && !scanned.negated;
}

const RANGE = /(?<!\\)\{([+-]?\d+|[A-Za-z])\.\.([+-]?\d+|[A-Za-z])(?:\.\.([+-]?\d+))?\}/g;

/**
 * `{1..10..2}` → `{1,3,5,7,9}`, `{01..12}` → `{01,02,…,12}`, `{a..e}` →
 * `{a,b,c,d,e}`, as bash and fast-glob expand them. A range of more values
 * than any glob may stand for is left as written (such a glob is refused
 * before it is searched: check-glob.ts).
 */
function writeOutRanges(pattern: string): string {
  return pattern.replace(RANGE, (whole, from: string, to: string, by: string | undefined) => {
    const letters = /[A-Za-z]/.test(from);
    if (letters !== /[A-Za-z]/.test(to)) return whole;
    const start = letters ? from.charCodeAt(0) : Number(from);
    const end = letters ? to.charCodeAt(0) : Number(to);
    const step = Math.abs(Number(by ?? 1)) || 1;
    const count = Math.floor(Math.abs(end - start) / step) + 1;
    if (count > MAX_GLOB_EXPANSIONS) return whole;
    const padded = !letters && (/^[+-]?0\d/.test(from) || /^[+-]?0\d/.test(to));
    const width = Math.max(from.replace(/^[+-]/, '').length, to.replace(/^[+-]/, '').length);
    const values: string[] = [];
    for (let i = 0, value = start; i < count; i++, value += start <= end ? step : -step) {
      if (letters) values.push(String.fromCharCode(value));
      else values.push(`${value < 0 ? '-' : ''}${padded ? String(Math.abs(value)).padStart(width, '0') : Math.abs(value)}`);
    }
    const written = values.map(escapeGlobCharacters);
    return written.length === 1 ? written[0]! : `{${written.join(',')}}`;
  });
}

/** A letter range can pass through `[`, `\\` or `]`: each value is text, never syntax. */
function escapeGlobCharacters(value: string): string {
  return value.replace(/[[\]{}()*?!+@|\\]/g, '\\$&');
}
