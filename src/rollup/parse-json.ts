/**
 * JSON text → its value, and where each part of it was written, so that a
 * report file that is not what rollup expects can be pointed at as
 * `FILE:LINE:COL`. JSON.parse says neither where a mistake is (its
 * messages change between Node versions) nor where a value is; jsonc-parser
 * (the parser of VS Code's JSON support) gives both, strictly: no comments,
 * no trailing commas. The value itself still comes from JSON.parse.
 */
import type { ParseError } from 'jsonc-parser';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { MAX_JSON_DEPTH } from '../limits.js';
import { LineIndex } from '../load/line-index.js';

export type JsonPath = readonly (string | number)[];

export interface JsonPosition {
  line: number;
  col: number;
}

export type JsonParse =
  | { ok: true; value: unknown; locate: (path: JsonPath, which?: 'value' | 'key') => JsonPosition }
  | { ok: false; reason: 'syntax'; at: JsonPosition /** The character where it breaks; empty at the end of the text. */; found: string }
  /** Nested deeper than MAX_JSON_DEPTH: `at` is the bracket that goes one level too deep. */
  | { ok: false; reason: 'tooDeep'; at: JsonPosition; limit: number };

export function parseJson(text: string): JsonParse {
  // A byte-order mark is no column of the first line, as editors show it.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = new LineIndex(source);
  const broken = (offset: number): JsonParse => {
    const found = source.charAt(offset);
    // A line break or tab inside a string is shown as JSON writes it.
    return { ok: false, reason: 'syntax', at: lines.position(offset), found: found < ' ' && found !== '' ? JSON.stringify(found).slice(1, -1) : found };
  };
  // jsonc-parser recurses once per level: thousands of `[` overflow the stack. Deeper nesting than any report has is refused first.
  const tooDeep = tooDeepAt(source, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) return { ok: false, reason: 'tooDeep', at: lines.position(tooDeep), limit: MAX_JSON_DEPTH };

  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const { offset, length } = errors[0]!;
    // An error in a string is given at the string's start; a raw line break or tab in it (or just after: it ends the token) is the place to show.
    const control = source.slice(offset, offset + length + 1).search(/[\u0000-\u001f]/);
    return broken(control === -1 ? offset : offset + control);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    // What jsonc-parser lets through and JSON does not (a lone surrogate escape, say): placed at the start.
    return broken(0);
  }
  const locate = (path: JsonPath, which: 'value' | 'key' = 'value'): JsonPosition => {
    // The deepest part of the path that exists: a missing field is pointed at through its parent.
    for (let length = path.length; length >= 0; length -= 1) {
      const node = tree && findNodeAtLocation(tree, [...path.slice(0, length)]);
      if (!node) continue;
      const key = which === 'key' && length === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return lines.position((key ?? node).offset);
    }
    return { line: 1, col: 1 };
  };
  return { ok: true, value, locate };
}

/** The offset of the first `[` or `{` (outside strings) nested deeper than `limit`, if there is one. One pass, no recursion. */
function tooDeepAt(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > limit) return i;
    } else if (char === 0x5d || char === 0x7d) {
      depth--;
    }
  }
  return undefined;
}
