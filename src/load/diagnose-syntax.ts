/**
 * What a clerk is told about YAML that does not parse: every syntax error
 * of the file (not only the first), each where it was made, in the terms
 * our hints use. js-yaml's first error is mapped to `yaml`'s codes; an
 * indentation mistake is repaired and the file read again, so that the
 * lines it threw off are not blamed; what remains is found by `yaml`.
 * Input-method slips are reported where they were typed, and the rest of
 * the file diagnosed as the clerk meant it. Pure; called by parse-yaml.ts
 * when js-yaml refuses a file.
 */
import { CORE_SCHEMA, constructFromEvents, parseEvents } from 'js-yaml';
import { createRequire } from 'node:module';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem, wholeFile } from '../problems/problem.js';
import type { ImeSlip } from './ime-punctuation.js';
import { meantText } from './ime-punctuation.js';
import { LineIndex } from './line-index.js';
import { MAX_YAML_DEPTH } from '../limits.js';

/** Files larger than this (in characters) get only the first syntax error. */
const FULL_DIAGNOSIS_LIMIT = 1_000_000;

/**
 * `yaml` is needed only for files js-yaml refused, so it is loaded then, not
 * at start-up (its CommonJS build loads synchronously).
 */
export function yamlParser(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

/** How js-yaml words its reasons, mapped to the codes `yaml` uses (and our hints follow). */
const JS_YAML_REASONS: [RegExp, string][] = [
  [/bad indentation/, 'BAD_INDENT'],
  [/tab characters/, 'TAB_AS_INDENT'],
  [/duplicated mapping key/, 'DUPLICATE_KEY'],
  [/unidentified alias/, 'BAD_ALIAS'],
  [/maxDepth|Maximum call stack size exceeded/, 'TOO_DEEP'],
  [/within a (single|double) quoted scalar/, 'MISSING_CHAR'],
  [/non-printable characters|expected valid JSON character/, 'CONTROL_CHARACTER'],
  [/unknown (scalar |sequence |mapping )?tag|tag handle|tag name|tag suffix|verbatim tag/, 'TAG_RESOLVE_FAILED'],
  [/unknown escape sequence|expected hexadecimal character/, 'BAD_DQ_ESCAPE'],
];

// `yaml` codes that name the real cause even where js-yaml saw an indentation problem.
const SPECIFIC_YAML_CODES = new Set(['BAD_SCALAR_START', 'BLOCK_AS_IMPLICIT_KEY', 'TAB_AS_INDENT', 'DUPLICATE_KEY']);

/**
 * Input-method slips (ime-punctuation.ts), each reported where it was
 * typed. The rest of the file is then diagnosed as the clerk meant it
 * (`diagnoseMeant`: the problems of parsing that text), so that what a slip
 * throws off on later, correct lines is not reported too.
 */
export function imeSlipProblems(text: string, file: string, slips: readonly ImeSlip[], diagnoseMeant: (meant: string) => Problem[]): Problem[] {
  const lines = new LineIndex(text);
  const found = slips.map((slip) => problem(slip.code, { file, ...lines.position(slip.offset) }, slip.params));
  const slipLines = new Set(found.map((p) => p.line));
  let meant = meantText(text, slips, 2);
  // A full-width space shows two columns wide, so it was most likely typed for two spaces, else for
  // one; or the line belongs where a line above is. Of these, the indentation js-yaml reads furthest.
  const indented = slips.filter((slip) => slip.meant === 'indentation').map((slip) => lines.position(slip.offset).line);
  let budget = Math.floor(REINDENT_BUDGET / Math.max(text.length, 1));
  const textLines = indented.length > 0 ? text.split('\n') : [];
  for (const line of new Set(indented)) {
    const indentation = /^[ \t\u3000]*/.exec(textLines[line - 1]!)![0];
    const widths = [2, 1].map((width) => indentation.replaceAll('\u3000', ' '.repeat(width)).length);
    const reindented = reindentLine(meant, file, line, budget, widths);
    budget -= reindented.tries;
    if (reindented.text !== undefined) meant = reindented.text;
  }
  const others = diagnoseMeant(meant).filter((p) => !slipLines.has(p.line));
  return sortByPosition([...found, ...others]);
}

/** js-yaml's first error, in the terms our hints use, and where to point at it. */
interface FirstError {
  code: string;
  at: SourceLocation;
  reason: string;
}

function firstError(text: string, file: string, error: unknown): FirstError {
  const reason = (error as { reason?: string }).reason ?? String(error);
  const mark = (error as { mark?: { position?: number } }).mark;
  const code = JS_YAML_REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'OTHER';
  const lines = new LineIndex(text);
  let at: SourceLocation = typeof mark?.position === 'number' ? { file, ...lines.position(mark.position) } : wholeFile(file);
  if (code === 'BAD_INDENT' && at.line > 0) {
    // js-yaml marks the colon after the key; the indentation to fix is where the line's text starts.
    const lineText = text.split('\n')[at.line - 1] ?? '';
    at = { ...at, col: lineText.length - lineText.trimStart().length + 1 };
  }
  return { code, at, reason };
}

/** js-yaml's error on a text, or undefined when it reads it. */
function jsYamlError(text: string, file: string): unknown {
  try {
    constructFromEvents(parseEvents(text, { filename: file, maxDepth: MAX_YAML_DEPTH }), { source: text, schema: CORE_SCHEMA, filename: file });
    return undefined;
  } catch (error) {
    return error;
  }
}

function errorLine(error: unknown): number {
  const line = (error as { mark?: { line?: number } }).mark?.line;
  return typeof line === 'number' ? line + 1 : 0;
}

/** Indentation mistakes whose knock-on errors on later lines are not the clerk's. */
const INDENTATION_CODES = new Set(['BAD_INDENT', 'TAB_AS_INDENT']);
/** How many indentation mistakes of one file are repaired to find what else is wrong. */
const MAX_REINDENTS = 20;
/** Characters js-yaml may read while repairing one file's indentation (about half a second): a budget of re-reads. */
const REINDENT_BUDGET = 4_000_000;

/**
 * Every syntax error of a file js-yaml refused, one per line, located, with
 * a hint by kind. A line indented wrongly (with a tab, or a space too few)
 * throws the lines after it off, and `yaml` would report those too, though
 * they are right: so each indentation mistake is reported where it is, the
 * line is indented as the lines above suggest, and the file is read again
 * from there. What remains is diagnosed by `yaml`, which finds every error,
 * where js-yaml stops at the first.
 */
export function diagnoseSyntax(text: string, file: string, error: unknown): Problem[] {
  // `yaml` reads about 0.6 MB a second: a huge broken file gets js-yaml's one error. So does nesting
  // too deep, which `yaml` would follow until the call stack runs out.
  const first = firstError(text, file, error);
  if (text.length > FULL_DIAGNOSIS_LIMIT || first.code === 'TOO_DEEP') {
    return [syntaxProblem(text, first.at, first.code, first.reason)];
  }
  const repaired: Problem[] = [];
  let current = text;
  let currentError = error;
  let budget = Math.floor(REINDENT_BUDGET / Math.max(text.length, 1));
  while (repaired.length < MAX_REINDENTS && budget > 0) {
    const first = firstError(current, file, currentError);
    if (!INDENTATION_CODES.has(first.code) || first.at.line < 1) break;
    const reindented = reindentLine(current, file, first.at.line, budget);
    budget -= reindented.tries;
    if (!reindented.text) break;
    repaired.push(syntaxProblem(current, first.at, first.code, first.reason));
    current = reindented.text;
    currentError = reindented.error;
    if (currentError === undefined) return repaired;
  }
  const repairedLines = new Set(repaired.map((p) => p.line));
  const rest = everySyntaxError(current, file, currentError).filter((p) => !repairedLines.has(p.line));
  return onePerLine(sortByPosition([...repaired, ...rest]));
}

/**
 * The text with one line indented as a line above it is (or as its first
 * child would be), if js-yaml then reads past that line; of those, the one
 * it reads furthest, the nearest line's indentation first.
 */
function reindentLine(
  text: string,
  file: string,
  line: number,
  budget: number,
  first: readonly number[] = [],
): { text?: string; error?: unknown; tries: number } {
  const lines = text.split('\n');
  const content = lines[line - 1]!.replace(/^[ \t]*/, '');
  let best: { text: string; error: unknown; reach: number } | undefined;
  let tries = 0;
  for (const width of new Set([...first, ...indentationsAbove(lines, line - 1)])) {
    if (tries >= budget) break;
    tries++;
    const attempt = [...lines.slice(0, line - 1), ' '.repeat(width) + content, ...lines.slice(line)].join('\n');
    const error = jsYamlError(attempt, file);
    const reached = error === undefined ? Infinity : errorLine(error);
    if (reached > line && (!best || reached > best.reach)) best = { text: attempt, error, reach: reached };
    if (reached === Infinity) break;
  }
  return best ? { text: best.text, error: best.error, tries } : { tries };
}

/** Indentations the lines above a line suggest, nearest first: a field's column, a list item's, a child's. */
function indentationsAbove(lines: readonly string[], index: number): number[] {
  const found: number[] = [];
  const add = (width: number) => {
    if (!found.includes(width)) found.push(width);
  };
  for (let i = index - 1; i >= 0 && found.length < 8; i--) {
    const above = lines[i]!.replace(/\r$/, '');
    const rest = above.trimStart();
    if (rest === '' || rest.startsWith('#')) continue;
    const indent = above.length - rest.length;
    const item = /^-[ \t]+/.exec(rest);
    if (item) add(indent + item[0].length);
    else if (/:[ \t]*(#.*)?$/.test(rest)) add(indent + 2);
    add(indent);
    if (indent === 0) break;
  }
  add(0);
  return found;
}

/** Every error `yaml` finds, placed as js-yaml places indentation errors (see diagnoseSyntax). */
function everySyntaxError(text: string, file: string, error: unknown): Problem[] {
  const lines = new LineIndex(text);
  const { code: jsCode, at: jsAt, reason } = firstError(text, file, error);
  const found: Problem[] = [];
  for (const document of yamlParser().parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true })) {
    for (const e of document.errors) {
      const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
      const at = { file, ...lines.position(quote ? openingQuote(text, quote, e.pos[0]) : e.pos[0]) };
      if (jsCode === 'BAD_INDENT') {
        const nearJs = at.line === jsAt.line || at.line === jsAt.line - 1;
        if (nearJs && !(at.line === jsAt.line && SPECIFIC_YAML_CODES.has(e.code))) continue;
      }
      found.push(syntaxProblem(text, at, e.code, e.message, lines));
    }
  }
  if (jsCode === 'BAD_INDENT' && !found.some((p) => p.line === jsAt.line)) {
    found.push(syntaxProblem(text, jsAt, jsCode, reason));
  }
  // The parsers disagree (js-yaml is stricter in places): report js-yaml's reason.
  if (found.length === 0) found.push(syntaxProblem(text, jsAt, jsCode, reason));
  return found;
}

/** One mistake can cascade into several reports on its line; the first is enough. */
function onePerLine(problems: Problem[]): Problem[] {
  const seenLines = new Set<number>();
  return problems.filter((p) => {
    if (seenLines.has(p.line)) return false;
    seenLines.add(p.line);
    return true;
  });
}

/**
 * `yaml` reports an unclosed quote where the file ends; the clerk needs the
 * line where it opened: the first line before that with an odd number of
 * that quote character.
 */
function openingQuote(text: string, quote: string, reportedAt: number): number {
  let lineStart = 0;
  for (const line of text.slice(0, reportedAt).split('\n')) {
    const count = line.split(quote).length - 1;
    if (count % 2 === 1 && !line.trimStart().startsWith('#')) return lineStart + line.lastIndexOf(quote);
    lineStart += line.length + 1;
  }
  return reportedAt;
}

/** `lines`: the text's line index, when the caller has one (a file may have thousands of duplicate keys). */
function syntaxProblem(text: string, at: SourceLocation, code: string, detail: string, lines?: LineIndex): Problem {
  if (code === 'DUPLICATE_KEY') {
    const offset = (lines ?? new LineIndex(text)).offset(at.line, at.col);
    return problem('E-YAML-DUPLICATE-KEY', at, { key: keyAt(text, offset) });
  }
  // `yaml` files a name with no colon after it under "missing character", as it does an unclosed quote.
  const yamlCode = code === 'MISSING_CHAR' && /followed by map values/.test(detail) ? 'MISSING_COLON' : code;
  return problem('E-YAML-SYNTAX', at, { yamlCode, detail });
}

function sortByPosition(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** The key written at an offset, for naming it in a duplicate-key message. */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const colon = rest.search(/:(\s|$)/);
  return (colon === -1 ? rest : rest.slice(0, colon))
    .trim()
    .replace(/^-\s+/, '')
    .replace(/^["']|["']$/g, '');
}
