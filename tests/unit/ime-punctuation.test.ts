import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findImeSlips, findImeSlipsLineByLine, meantText } from '../../src/load/ime-punctuation.js';
import { LineIndex } from '../../src/load/line-index.js';
import { fixtureText, fixtureYamlFiles } from '../helpers/yaml-fixtures.js';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const S = '\u3000';

/** Each slip as code, line:col and the characters typed. */
function slips(text: string) {
  const index = new LineIndex(text);
  return findImeSlips(text).map((slip) => {
    const { line, col } = index.position(slip.offset);
    return [slip.code, `${line}:${col}`, slip.written];
  });
}

describe('a full-width colon after a field name', () => {
  it('is found with a space after it, without one, after a list dash, and before a value of any kind', () => {
    expect(slips(lines('entries:', '  - date: 2023-04-08', '    attendees： 12', '    type：护河行动', '  - date：2023-04-09'))).toEqual([
      ['E-FULLWIDTH-COLON', '3:14', '：'],
      ['E-FULLWIDTH-COLON', '4:9', '：'],
      ['E-FULLWIDTH-COLON', '5:9', '：'],
    ]);
  });

  it('is found in the config, at the top level, and before a nested block', () => {
    expect(slips(lines('region：测试乡', 'villages：', '  - 永胜村'))).toEqual([
      ['E-FULLWIDTH-COLON', '1:7', '：'],
      ['E-FULLWIDTH-COLON', '2:9', '：'],
    ]);
  });

  it('takes a full-width space after it as part of the slip', () => {
    expect(slips(lines(`a：${S}1`))).toEqual([['E-FULLWIDTH-COLON', '1:2', `：${S}`]]);
  });

  it('is found after a name in a flow mapping, but not inside a quoted value', () => {
    expect(slips(lines('entries:', '  - {date：2023-04-08, kind: session, form：集中畅谈}', '  - {date: 2023-04-08, note: "a, b：c"}'))).toEqual([
      ['E-FULLWIDTH-COLON', '2:10', '：'],
      ['E-FULLWIDTH-COLON', '2:42', '：'],
    ]);
  });

  it('is not flagged inside a value, after Chinese words, or in a comment', () => {
    expect(
      slips(
        lines(
          'note: 时间：晚上7点',
          'text: 三组路灯不亮，原因：线路老化',
          '时间：晚上7点',
          '# 备注：这里是注释 note：x',
          'note: "type：x"',
          'location: 村委会（地址：三组）',
        ),
      ),
    ).toEqual([]);
  });

  it('is not flagged on a line that goes on with the value above it, as YAML reads it', () => {
    expect(
      slips(lines('entries:', '  - date: 2023-04-08', '    text: 建议全村覆盖', '      WiFi：每个组一个热点', '    kind: suggestion', '    note：x')),
    ).toEqual([['E-FULLWIDTH-COLON', '6:9', '：']]);
    expect(slips(lines('villages:', '  - 永胜村', '    Note：x', '  - 大瓦山村'))).toEqual([]);
  });

  it('is not flagged in a block of text', () => {
    expect(slips(lines('entries:', '  - note: |', '      time：晚上7点', '      type：护河', '    kind: session', '  - text: >-', '      date：x'))).toEqual(
      [],
    );
  });
});

describe('full-width spaces', () => {
  it('are found in the indentation of a field, a list item, a comment, and on a line of nothing else', () => {
    expect(
      slips(lines('entries:', '  - date: 2023-04-08', `${S}${S}kind: session`, `${S}- date: 2023-04-09`, `  ${S}# 注释`, `${S}${S}`, '    form: 集中畅谈')),
    ).toEqual([
      ['E-FULLWIDTH-SPACE', '3:1', `${S}${S}`],
      ['E-FULLWIDTH-SPACE', '4:1', S],
      ['E-FULLWIDTH-SPACE', '5:3', S],
      ['E-FULLWIDTH-SPACE', '6:1', `${S}${S}`],
    ]);
  });

  it("are found after a list dash and after a field name's colon", () => {
    expect(slips(lines('entries:', `  -${S}date: 2023-04-08`, `    kind:${S}session`))).toEqual([
      ['E-FULLWIDTH-SPACE', '2:4', S],
      ['E-FULLWIDTH-SPACE', '3:10', S],
    ]);
  });

  it('are not flagged on a line that goes on with the value above it', () => {
    expect(slips(lines('entries:', '  - date: 2023-04-08', '    text: 建议', `      ${S}${S}date: 另起一段`, `    ${S}kind: suggestion`))).toEqual([
      ['E-FULLWIDTH-SPACE', '5:5', S],
    ]);
  });

  it('are not flagged before text: a paragraph indented two characters, as Chinese writing does', () => {
    expect(slips(lines('entries:', '  - date: 2023-04-08', '    note:', `      ${S}${S}夜谈会按“四有”标准开展。`, `    text: 路灯${S}不亮`))).toEqual([]);
    expect(slips(lines('note: |', `  ${S}${S}夜谈会按“四有”标准开展。`, `  ${S}${S}- 一是`))).toEqual([]);
  });
});

describe('a dash that is not the ASCII hyphen', () => {
  it('is found where a list item starts: before a field, after an item, under a field that opens a list', () => {
    expect(
      slips(
        lines(
          'entries:',
          '  － date: 2023-04-08',
          '    kind: joint-action',
          '    villages:',
          '      — 永胜村',
          '      – 大瓦山村',
          '      - 和平村',
          '      ―― 共安村',
          '  —— date: 2023-04-09',
          '    kind: session',
        ),
      ),
    ).toEqual([
      ['E-FULLWIDTH-DASH', '2:3', '－'],
      ['E-FULLWIDTH-DASH', '5:7', '—'],
      ['E-FULLWIDTH-DASH', '6:7', '–'],
      ['E-FULLWIDTH-DASH', '8:7', '――'],
      ['E-FULLWIDTH-DASH', '9:3', '——'],
    ]);
  });

  it("gives the fix in the clerk's line", () => {
    expect(findImeSlips(lines('entries:', '  － date: 2023-04-08'))[0]!.params).toEqual({ char: '－', example: '- date: 2023-04-08' });
  });

  it('is not flagged where it starts text: a sentence going on, a value, or 一 (a Chinese character)', () => {
    expect(
      slips(
        lines(
          'entries:',
          '  - date: 2023-04-08',
          '    text: 建议增设路灯',
          '      —— 三组群众反映',
          '    note: —— 见附件',
          '    villages:',
          '      一 永胜村',
          '  一 date: 2023-04-09',
          '    topic: 村庄环境整治',
        ),
      ),
    ).toEqual([]);
  });
});

describe('the text as the clerk meant it', () => {
  it('puts the ASCII characters in, a space after a colon that had none, and spaces for full-width ones', () => {
    const text = lines('entries:', '  － date: 2023-04-08', `${S}${S}kind：session`, `    form：${S}集中畅谈`, '    note: 时间：晚上');
    const found = findImeSlips(text);
    expect(meantText(text, found, 2)).toBe(lines('entries:', '  - date: 2023-04-08', '    kind: session', '    form: 集中畅谈', '    note: 时间：晚上'));
    expect(meantText(text, found, 1)).toBe(lines('entries:', '  - date: 2023-04-08', '  kind: session', '    form: 集中畅谈', '    note: 时间：晚上'));
  });

  it('leaves a file with none of these characters alone', () => {
    expect(findImeSlips(lines('village: 永胜村', 'entries:', '  - date: 2023-04-08'))).toEqual([]);
    expect(findImeSlips('a: 1\r\nb：2\r\n').map((slip) => slip.offset)).toEqual([7]);
  });
});

// The shortcut skips the search for files that cannot hold a slip; it must never skip one that does.
describe('the shortcut past files without a slip', () => {
  it('finds what the line-by-line search finds, in every fixture', () => {
    for (const file of fixtureYamlFiles()) {
      const text = fixtureText(file);
      if (text !== undefined) expect(findImeSlips(text), file).toEqual(findImeSlipsLineByLine(text));
    }
  });

  it('finds what the line-by-line search finds, in any text made of YAML structure, Chinese and look-alikes', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      '9',
      '_',
      '-',
      ' ',
      '  ',
      S,
      '：',
      ':',
      '#',
      '{',
      ',',
      '"',
      "'",
      '|',
      '\n',
      '\r\n',
      '永',
      '记录人',
      '—',
      '－',
      '一',
      'date',
      'note: ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(findImeSlips(text)).toEqual(findImeSlipsLineByLine(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('is taken for a full-width colon after Chinese words only', () => {
    expect(findImeSlips(lines('# 记录人：郭春梅', 'village: 永胜村', 'note: 时间：晚上'))).toEqual([]);
    expect(findImeSlips(lines('# 记录人：郭春梅', 'note：晚上')).map((slip) => slip.code)).toEqual(['E-FULLWIDTH-COLON']);
  });
});
