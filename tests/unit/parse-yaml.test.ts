import { describe, expect, it } from 'vitest';
import type { ProblemParams } from '../../src/problems/problem.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { decodeText } from '../../src/load/decode-text.js';
import stringWidth from 'string-width';
import { excerpt } from '../../src/problems/excerpt.js';

function parsed(text: string) {
  const result = parseYaml(text, 'f.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

describe('parseYaml', () => {
  const text = ['village: 永胜村', 'entries:', '  - date: 2023-04-08', '    kind: session', '  - {date: 2023-04-09, id: 12}', ''].join('\n');

  it('keeps dates as text and reads numbers as numbers (YAML 1.2 core schema)', () => {
    expect(parsed(text).value).toEqual({
      village: '永胜村',
      entries: [
        { date: '2023-04-08', kind: 'session' },
        { date: '2023-04-09', id: 12 },
      ],
    });
  });

  it('locates values, keys, and missing paths at their nearest parent', () => {
    const document = parsed(text);
    expect(document.locate(['village'])).toMatchObject({ line: 1, col: 10 });
    expect(document.locate(['entries', 0])).toMatchObject({ line: 3, col: 5 });
    expect(document.locate(['entries', 0, 'kind'])).toMatchObject({ line: 4, col: 11 });
    expect(document.locate(['entries', 0, 'kind'], 'key')).toMatchObject({ line: 4, col: 5 });
    expect(document.locate(['entries', 1, 'id'])).toMatchObject({ line: 5, col: 28 });
    expect(document.locate(['entries', 1, 'missing'])).toMatchObject({ line: 5, col: 5 });
  });

  it('counts columns in characters, so Chinese text does not shift them', () => {
    const document = parsed('note: 永胜村三组\nkind: x\n');
    expect(document.locate(['kind'])).toMatchObject({ line: 2, col: 7 });
  });

  it('handles CRLF line ends', () => {
    const document = parsed('a: 1\r\nb: 2\r\n');
    expect(document.value).toEqual({ a: 1, b: 2 });
    expect(document.locate(['b'])).toMatchObject({ line: 2, col: 4 });
  });

  it('reports every syntax error of a file, each located', () => {
    const result = parseYaml('a: 1\na: 2\nb: [1\nc: 2\nd: "x\n', 'f.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.line, p.col])).toEqual([
      ['E-YAML-DUPLICATE-KEY', 2, 1],
      ['E-YAML-SYNTAX', 4, 1],
      ['E-YAML-SYNTAX', 5, 4],
    ]);
    expect((result.problems[0]!.params as ProblemParams).key).toBe('a');
  });

  it('refuses an alias bomb before anything expands it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const result = parseYaml(`${levels.join('\n')}\n`, 'bomb.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['E-YAML-ALIAS-BOMB']);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts a few ordinary aliases', () => {
    const document = parsed('base: &v [甲村, 乙村]\nagain: *v\n');
    expect(document.value).toEqual({ base: ['甲村', '乙村'], again: ['甲村', '乙村'] });
  });

  it('refuses a second document in one file', () => {
    const result = parseYaml('a: 1\n---\nb: 2\n', 'f.yaml');
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.line])).toEqual([['E-YAML-MULTIPLE-DOCUMENTS', 2]]);
  });

  it('reads an empty file as an empty value', () => {
    expect(parsed('').value).toBeUndefined();
    expect(parsed('# 只有注释\n').value).toBeUndefined();
  });
});

describe('decodeText', () => {
  const utf8 = (text: string) => [...new TextEncoder().encode(text)];

  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decodeText(new Uint8Array(utf8('a: 永胜')))).toEqual({ ok: true, text: 'a: 永胜', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a: 1')]))).toEqual({ ok: true, text: 'a: 1', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte-order mark, either byte order', () => {
    const le = Buffer.from('\ufeffa: 永胜', 'utf16le');
    expect(decodeText(new Uint8Array(le))).toEqual({ ok: true, text: 'a: 永胜', encoding: 'utf-16le' });
    const be = Buffer.from(le).swap16();
    expect(decodeText(new Uint8Array(be))).toEqual({ ok: true, text: 'a: 永胜', encoding: 'utf-16be' });
  });

  it('reads text that is not UTF-8 as GB18030 (GBK), and says so', () => {
    // "a: 永胜村" saved by a Windows editor in GBK
    const gbk = [0x61, 0x3a, 0x20, 0xd3, 0xc0, 0xca, 0xa4, 0xb4, 0xe5];
    expect(decodeText(new Uint8Array(gbk))).toEqual({ ok: true, text: 'a: 永胜村', encoding: 'gb18030' });
  });

  it('refuses binary files and bytes no encoding explains', () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ ok: false });
    expect(decodeText(new Uint8Array([0x81, 0x20, 0xff, 0xfe]))).toEqual({ ok: false });
    // UTF-16 without a byte-order mark shows up as NUL bytes
    expect(decodeText(new Uint8Array(Buffer.from('a: 1', 'utf16le')))).toEqual({ ok: false });
  });
});

describe('syntax errors name the line to fix and the kind of mistake', () => {
  const cases: [string, string, [string, number, number][]][] = [
    ['an over-indented field', 'a:\n  b: 1\n   c: 2\n', [['BAD_INDENT', 3, 4]]],
    ['an over-indented field in an entry', 'entries:\n  - date: 1\n    kind: s\n     x: 2\n', [['BAD_INDENT', 4, 6]]],
    ['an under-indented field in an entry', 'entries:\n  - date: 1\n    kind: s\n   x: 2\n', [['BAD_INDENT', 4, 4]]],
    ['a tab used to indent', 'a:\n\tb: 1\n', [['TAB_AS_INDENT', 2, 1]]],
    ['an unclosed quote', 'a: "abc\nb: 1\n', [['MISSING_CHAR', 1, 4]]],
    ['an unclosed single quote after a good one', "a: 'ok'\nb: 'abc\nc: 1\n", [['MISSING_CHAR', 2, 4]]],
    ['no space after a colon', 'a:1\nb: 2\n', [['MULTILINE_IMPLICIT_KEY', 1, 1]]],
    ['a colon inside a value', 'note: 时间: 晚上\n', [['BLOCK_AS_IMPLICIT_KEY', 1, 7]]],
    ['a value starting with @', 'a: @x\n', [['BAD_SCALAR_START', 1, 4]]],
    ['a reference to no anchor', 'a: *nope\n', [['BAD_ALIAS', 1, 5]]],
    ['nesting a hundred levels deep', `a: ${'['.repeat(150)}${']'.repeat(150)}\n`, [['TOO_DEEP', 1, 103]]],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const result = parseYaml(text, 'f.yaml');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map((p) => [(p.params as ProblemParams).yamlCode, p.line, p.col])).toEqual(expected);
    });
  }
});

describe('excerpt', () => {
  it('numbers the line and the one before, with a caret under the column', () => {
    expect(excerpt('a: 1\nkind: sesion\n', 2, 7, stringWidth)).toEqual(['1 | a: 1', '2 | kind: sesion', '  |       ^']);
  });

  it('places the caret by display width: a Chinese character takes two columns', () => {
    expect(excerpt('villages: [永胜村, 大瓦山]\n', 1, 17, stringWidth).at(-1)).toBe(`  | ${' '.repeat(19)}^`);
  });

  it('cuts a long line to the part around the column', () => {
    const long = `note: ${'x'.repeat(300)}BAD${'y'.repeat(300)}`;
    const [shown, caret] = excerpt(long, 1, 307, stringWidth);
    expect(shown!.length).toBeLessThan(100);
    expect(shown).toContain('BAD');
    expect(caret!.indexOf('^') - 4).toBe(shown!.indexOf('BAD') - 4);
  });
});

describe('a huge broken file', () => {
  it('gets the first syntax error only, without the slow full diagnosis', () => {
    const entries = Array.from({ length: 30_000 }, (_, i) => `  - {date: 2023-04-08, kind: returnee, name: 人${i}}`).join('\n');
    const text = `village: 永胜村\nentries:\n${entries}\n  - date: "unclosed\n${entries}\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const result = parseYaml(text, 'big.yaml');
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['E-YAML-SYNTAX']);
  });
});

describe('input-method slips are named, each where it was typed, and nothing after them is blamed', () => {
  const S = '\u3000';
  const problems = (text: string) => {
    const result = parseYaml(text, 'f.yaml');
    return result.ok ? [] : result.problems.map((p) => [p.code, p.line, p.col]);
  };
  const entry = (...fields: string[]) => ['village: 永胜村', 'entries:', '  - date: 2023-04-08', ...fields.map((f) => `    ${f}`), ''].join('\n');

  it('a full-width colon, with or without a space after it, in the middle of an entry or at its end', () => {
    expect(problems(entry('kind: session', 'attendees： 12', 'form: 集中畅谈', 'time: "19:00"'))).toEqual([['E-FULLWIDTH-COLON', 5, 14]]);
    expect(problems(entry('kind: joint-action', 'type：护河行动'))).toEqual([['E-FULLWIDTH-COLON', 5, 9]]);
    expect(problems('region：测试乡\nvillages: [永胜村]\n')).toEqual([['E-FULLWIDTH-COLON', 1, 7]]);
  });

  it('full-width spaces as indentation, also where YAML would have read them as part of a name', () => {
    const head = ['village: 永胜村', 'entries:', '  - date: 2023-04-08', '    kind: session'];
    expect(problems([...head, `${S}${S}form: 集中畅谈`, '    attendees: 12', ''].join('\n'))).toEqual([['E-FULLWIDTH-SPACE', 5, 1]]);
    expect(problems([...head, '    form: 集中畅谈', `${S}${S}attendees: 12`, ''].join('\n'))).toEqual([['E-FULLWIDTH-SPACE', 6, 1]]);
    expect(problems([...head, `  ${S}form: 集中畅谈`, '    attendees: 12', ''].join('\n'))).toEqual([['E-FULLWIDTH-SPACE', 5, 3]]);
    expect(problems(`${S}village: 永胜村\nentries:\n`)).toEqual([['E-FULLWIDTH-SPACE', 1, 1]]);
  });

  it('a dash that is not the ASCII hyphen, and the correct entry after it', () => {
    const text = [
      'village: 永胜村',
      'entries:',
      '  - date: 2023-04-08',
      '    kind: returnee',
      '    name: 王',
      '  － date: 2023-04-09',
      '    kind: returnee',
      '    name: 李',
      '',
    ];
    expect(problems(text.join('\n'))).toEqual([['E-FULLWIDTH-DASH', 6, 3]]);
  });

  it('Chinese quotes and full-width digits in values are not syntax: the file parses', () => {
    const result = parseYaml(entry('form: “集中畅谈”', 'attendees: １２'), 'f.yaml');
    expect(result.ok && result.document.value).toMatchObject({ entries: [{ form: '“集中畅谈”', attendees: '１２' }] });
  });

  it('other mistakes of the file are still reported, once, and a slip with another mistake on its line once', () => {
    expect(problems(entry('kind：session', 'form: "集中畅谈', 'attendees: 12'))).toEqual([
      ['E-FULLWIDTH-COLON', 4, 9],
      ['E-YAML-SYNTAX', 5, 11],
    ]);
    expect(problems(`village: 永胜村\nentries:\n  - date: 2023-04-08\n${S}${S}${S}${S}kind：session\n`)).toEqual([
      ['E-FULLWIDTH-SPACE', 4, 1],
      ['E-FULLWIDTH-COLON', 4, 9],
    ]);
  });
});

describe('an indentation mistake is reported once, not again on the correct lines after it', () => {
  const codes = (text: string) => {
    const result = parseYaml(text, 'f.yaml');
    return result.ok ? [] : result.problems.map((p) => [(p.params as ProblemParams).yamlCode ?? p.code, p.line, p.col]);
  };
  const session = (line: string) =>
    [
      'village: 永胜村',
      'entries:',
      '  - date: 2023-04-08',
      '    kind: session',
      line,
      '    attendees: 12',
      '    time: "19:00"',
      '  - date: 2023-04-09',
      '    kind: session',
      '',
    ].join('\n');

  it('a tab', () => {
    expect(codes(session('\tform: 集中畅谈'))).toEqual([['TAB_AS_INDENT', 5, 1]]);
    expect(codes('a:\n  b: 1\n\tc: 2\n  d: 3\n  e: 4\n')).toEqual([['TAB_AS_INDENT', 3, 1]]);
  });

  it('a space too few or too many', () => {
    expect(codes(session('   form: 集中畅谈'))).toEqual([['BAD_INDENT', 5, 4]]);
    expect(codes(session('     form: 集中畅谈'))).toEqual([['BAD_INDENT', 5, 6]]);
  });

  it('each of several, with a mistake of another kind after them', () => {
    // The unclosed [ is found where the list should have ended, as `yaml` reports it.
    expect(codes('a:\n  b: 1\n\tc: 2\n  d: 3\n   e: 4\n  f: [1\n  g: 2\n')).toEqual([
      ['TAB_AS_INDENT', 3, 1],
      ['BAD_INDENT', 5, 4],
      ['BAD_INDENT', 7, 3],
    ]);
  });

  it('a name without a colon is not a missing quote', () => {
    expect(codes('entries:\n  - date: 2023-04-08\n    kind: session\n    form 集中畅谈\n')).toEqual([['MISSING_COLON', 4, 5]]);
  });
});
