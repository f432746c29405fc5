/** The JSON scanner behind rollup's `FILE:LINE:COL`: as strict as JSON.parse, and knowing where things are. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/limits.js';
import { parseJson } from '../../src/rollup/parse-json.js';

function accepts(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('parseJson', () => {
  it('accepts exactly what JSON.parse accepts, and gives the same value', () => {
    const almostJson = fc.oneof(
      fc.json(),
      fc.json().chain((text) => fc.nat(text.length).map((cut) => text.slice(0, cut))),
      fc
        .json()
        .chain((text) =>
          fc
            .tuple(fc.nat(text.length), fc.constantFrom(',', '"', '}', ']', ':', ' ', '\n', '0', '-', 'e', '\\'))
            .map(([at, char]) => text.slice(0, at) + char + text.slice(at)),
        ),
      fc.string(),
    );
    fc.assert(
      fc.property(almostJson, (text) => {
        const parsed = parseJson(text);
        expect(parsed.ok, text).toBe(accepts(text));
        if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('says where the text breaks', () => {
    expect(parseJson('{\n  "a": 1\n  "b": 2\n}')).toEqual({ ok: false, reason: 'syntax', at: { line: 3, col: 3 }, found: '"' });
    expect(parseJson('{"a": [1, 2,]}')).toEqual({ ok: false, reason: 'syntax', at: { line: 1, col: 13 }, found: ']' });
    expect(parseJson('{"a": "line\nbreak"}')).toEqual({ ok: false, reason: 'syntax', at: { line: 1, col: 12 }, found: '\\n' });
    expect(parseJson('{"a": ')).toEqual({ ok: false, reason: 'syntax', at: { line: 1, col: 7 }, found: '' });
  });

  it('locates values and keys, a missing one at its nearest parent, after a byte-order mark too', () => {
    const parsed = parseJson('\uFEFF{\n  "metrics": {\n    "x": [10, {"y": null}]\n  }\n}');
    if (!parsed.ok) throw new Error('should parse');
    expect(parsed.locate(['metrics', 'x', 1, 'y'])).toEqual({ line: 3, col: 21 });
    expect(parsed.locate(['metrics', 'x'], 'key')).toEqual({ line: 3, col: 5 });
    expect(parsed.locate(['metrics', 'x', 0])).toEqual({ line: 3, col: 11 });
    expect(parsed.locate(['metrics', 'missing', 'deeper'])).toEqual({ line: 2, col: 14 });
    expect(parsed.locate([])).toEqual({ line: 1, col: 1 });
  });

  it('refuses nesting deeper than MAX_JSON_DEPTH where it goes too deep, without recursing', () => {
    for (const depth of [65, 1000, 100_000]) {
      expect(parseJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toEqual({ ok: false, reason: 'tooDeep', at: { line: 1, col: 65 }, limit: MAX_JSON_DEPTH });
    }
    expect(parseJson(`{"a": "[[[[", "b":\n${'{"c":'.repeat(70)}1${'}'.repeat(70)}}`)).toEqual({
      ok: false,
      reason: 'tooDeep',
      at: { line: 2, col: 316 },
      limit: MAX_JSON_DEPTH,
    });
    expect(parseJson(`${'['.repeat(64)}${']'.repeat(64)}`).ok).toBe(true);
  });
});
