/**
 * A month's notes: sections found by their headings in either language,
 * each section's Markdown made safe for the report, and the problems at
 * their exact places. The hostile cases and the property test state the
 * promise: whatever a note holds, the report's Markdown gets no heading
 * above level 4, no page break, no link, image or HTML, and no control
 * character from it.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { NOTE_SECTIONS, noteTexts, sectionOfHeading } from '../../src/notes/note-sections.js';
import { parseMonthNotes } from '../../src/notes/parse-month-notes.js';
import { isSafeSection, plainSection } from '../../src/notes/safe-markdown.js';

const FILE = 'notes/2023-04.md';
const parse = (...lines: string[]) => parseMonthNotes(lines.join('\n'), FILE);
const at = (code: string, line: number, col: number, params: object = {}) => ({ severity: 'warning', code, file: FILE, line, col, params });

/** The report's own Markdown reader (render-html.ts, render-docx.ts). */
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** What a section's Markdown becomes in the report: it must not bring structure of its own. */
function expectHarmless(markdown: string): void {
  const tokens = renderer.parse(markdown, {});
  const all = (list: readonly Token[]): Token[] => list.flatMap((token) => [token, ...all(token.children ?? [])]);
  for (const token of all(tokens)) {
    expect(['hr', 'link_open', 'image', 'html_block', 'html_inline'], markdown).not.toContain(token.type);
    if (token.type === 'heading_open') expect(Number(token.tag.slice(1)), markdown).toBeGreaterThanOrEqual(4);
  }
  // Followed by the report's next heading, it is still a heading: no fence is left open.
  const next = renderer.parse(`${markdown}\n\n## 下一部分`, {});
  expect(
    next.some((token) => token.type === 'heading_open' && token.tag === 'h2'),
    markdown,
  ).toBe(true);
  expect(markdown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  const html = renderer.render(markdown);
  expect(html).not.toMatch(/<(script|a|img|iframe|style)[\s>]|(href|src)="/i);
}

describe('sections', () => {
  it('are found by their Chinese headings', () => {
    const { notes, problems } = parse(
      '## 总体情况',
      '本月总体平稳。',
      '## 组织联建',
      '组建联合党支部。',
      '## 人才联育',
      '开办“永胜夜话”。',
      '## 夜谈联访',
      '按“四有”标准召开夜谈会。',
      '## 生态联治',
      '开展护河行动。',
      '## 存在问题',
      '道路诉求需要项目资金。',
      '## 下步工作打算',
      '1. 5月8日召开夜谈会。',
    );
    expect(problems).toEqual([]);
    expect(notes).toEqual({
      file: FILE,
      sections: {
        overview: '本月总体平稳。',
        organization: '组建联合党支部。',
        talent: '开办“永胜夜话”。',
        'night-talk': '按“四有”标准召开夜谈会。',
        ecology: '开展护河行动。',
        problems: '道路诉求需要项目资金。',
        plans: '1. 5月8日召开夜谈会。',
      },
    });
  });

  it('are found by their English headings and by their ids', () => {
    const { notes, problems } = parse(
      '# Overview',
      'A quiet month.',
      '# Joint organisation building',
      'A joint branch.',
      '## talent',
      'Evening classes.',
      '## Night talks and visits',
      'Talks on the 8th.',
      '## ecology',
      'A river patrol.',
      '## Problems',
      'Roads need funds.',
      '## Next steps',
      'Talks on 8 May.',
    );
    expect(problems).toEqual([]);
    expect(Object.keys(notes.sections)).toEqual([...NOTE_SECTIONS]);
  });

  it('answer to their other names, whatever the numbering, spaces, emphasis and trailing colon', () => {
    expect(sectionOfHeading('一、总体情况')).toBe('overview');
    expect(sectionOfHeading('工作概述')).toBe('overview');
    expect(sectionOfHeading('（二）组织联建')).toBe('organization');
    expect(sectionOfHeading('(三) 人才联育')).toBe('talent');
    expect(sectionOfHeading('1. 夜谈联访')).toBe('night-talk');
    expect(sectionOfHeading('4、生态联治：')).toBe('ecology');
    expect(sectionOfHeading('二、存在问题:')).toBe('problems');
    expect(sectionOfHeading('三、 下 步 打 算')).toBe('plans');
    expect(sectionOfHeading('下一步工作打算')).toBe('plans');
    expect(sectionOfHeading('**下步工作打算**')).toBe('plans');
    expect(sectionOfHeading('2. Next Steps:')).toBe('plans');
    expect(sectionOfHeading('PLANS')).toBe('plans');
    expect(sectionOfHeading('Joint organization building')).toBe('organization');
    expect(sectionOfHeading('Night-Talk')).toBe('night-talk');
    expect(sectionOfHeading('下月安排')).toBeUndefined();
  });

  it('append a repeated section to the first', () => {
    const { notes } = parse('## 下步工作打算', '1. 夜谈会。', '## 存在问题', '路难修。', '## 三、下步打算', '2. 护河行动。');
    expect(notes.sections.plans).toBe('1. 夜谈会。\n\n2. 护河行动。');
  });

  it('leave a section with no text left out, and the report model holds every key', () => {
    const { notes } = parse('## 总体情况', '<!-- 可不写 -->', '', '---', '## 下步工作打算', '打算。');
    expect(notes.sections).toEqual({ plans: '打算。' });
    expect(noteTexts(notes)).toEqual({ overview: null, organization: null, talent: null, 'night-talk': null, ecology: null, problems: null, plans: '打算。' });
    expect(noteTexts(null).plans).toBeNull();
  });

  it('read files from Windows editors: byte-order mark and CRLF', () => {
    const { notes, problems } = parseMonthNotes('\uFEFF## 下步工作打算\r\n1. 夜谈会。\r\n2. 护河。\r\n', FILE);
    expect(problems).toEqual([]);
    expect(notes.sections.plans).toBe('1. 夜谈会。\n2. 护河。');
  });
});

describe("a section's Markdown", () => {
  it("keeps the clerk's own Markdown: paragraphs, lists, emphasis, tables", () => {
    const body = ['本月**重点**抓了三件事：', '', '1. 夜谈会；', '2. 护河行动；', '   - 清理河道', '', '| 村 | 场次 |', '| --- | ---: |', '| 永胜村 | 1 |'];
    expect(parse('## 总体情况', '', ...body, '', '## 下步工作打算', 'x').notes.sections.overview).toBe(body.join('\n'));
  });

  it('has no HTML comments, even across lines or within a paragraph', () => {
    const { notes } = parse('## 总体情况', '<!--', '说明', '-->', '本月<!-- 悄悄话 -->平稳，', '<!-- 一行 -->', '继续。', '## 下步工作打算', 'x');
    expect(notes.sections.overview).toBe('本月平稳，\n\n继续。');
  });

  it('keeps `<!--` and `#` inside code', () => {
    const { notes, problems } = parse('## 总体情况', '```', '# 不是标题', '<!-- 也不是注释 -->', '```', '## 下步工作打算', 'x');
    expect(problems).toEqual([]);
    expect(notes.sections.overview).toBe('```\n# 不是标题\n<!-- 也不是注释 -->\n```');
  });

  it('has its headings at level 4, setext ones too', () => {
    const { notes } = parse(
      '## 夜谈联访',
      '### 永胜夜话',
      '正文',
      '#### 四有',
      '###### 小点',
      '',
      '典型做法',
      '====',
      '',
      '> ## 引文标题',
      '- ## 列表标题',
      '## 下步工作打算',
      'x',
    );
    expect(notes.sections['night-talk']).toBe('#### 永胜夜话\n正文\n#### 四有\n#### 小点\n\n#### 典型做法\n\n> #### 引文标题\n- #### 列表标题');
  });

  it('has no thematic breaks, and the paragraphs around one stay apart', () => {
    const { notes } = parse('## 总体情况', '第一段', '', '***', '第二段', '', '- - -', '', '___', '第三段', '## 下步工作打算', 'x');
    expect(notes.sections.overview).toBe('第一段\n\n第二段\n\n第三段');
  });

  it('has images as their alt text and links as their text, reference links and their definitions too', () => {
    const { notes } = parse(
      '## 总体情况',
      '见[区政府网站](http://www.jkh.gov.cn "标题")和![现场照片](http://x.cn/a.png)，',
      '[**永胜夜话**][ref]、<http://x.cn>、[空]()。',
      '',
      '[ref]: http://evil.example',
      '## 下步工作打算',
      'x',
    );
    expect(notes.sections.overview).toBe('见区政府网站和现场照片，\n**永胜夜话**、http://x.cn、空。');
  });

  it('has no control characters but tab and newline', () => {
    expect(parse('## 下步工作打算', 'a\u0000b\u0007c\u001b[2Jd\u009be\tf\u007fg').notes.sections.plans).toBe('abc[2Jde\tfg');
  });

  it('is trimmed of blank lines at both ends, and has single blank lines between blocks', () => {
    expect(parse('## 下步工作打算', '', '', '第一条', '', '', '', '第二条', '', '').notes.sections.plans).toBe('第一条\n\n第二条');
  });
});

describe('the last guard', () => {
  it('tells a section the report can take from one it cannot', () => {
    expect(isSafeSection('#### 小标题\n1. 条目，**强调**\n\n```\n代码\n```')).toBe(true);
    for (const unsafe of ['# 标题', '文字\n---', '***', '[x](y)', '![x](y)', '<http://x>', '```\n代码']) expect(isSafeSection(unsafe), unsafe).toBe(false);
  });

  it('falls back to plain escaped paragraphs, keeping the words and dropping the addresses', () => {
    const plain = plainSection('# 标题\n\n见[网站](http://x.cn)和![照片](a.png)\n\n---\n\n- 1. 条目\n\n```\n# 代码\n```');
    expect(plain).toBe('标题\n\n见网站和照片\n\n条目\n\n\\# 代码');
    expect(isSafeSection(plain)).toBe(true);
  });
});

describe('problems', () => {
  it('W-NOTES-STRAY-TEXT: text before the first section, at its first line', () => {
    const { notes, problems } = parse('<!-- 说明 -->', '', '  本月工作如下：', '', '## 下步工作打算', 'x');
    expect(problems).toEqual([at('W-NOTES-STRAY-TEXT', 3, 3)]);
    expect(notes.sections).toEqual({ plans: 'x' });
  });

  it("W-NOTES-UNKNOWN-SECTION: at the heading's name, with the nearest section", () => {
    const { notes, problems } = parse('## 下步工作打算', 'x', '', '##  下部工作打算', 'y', '# 我的笔记', 'z');
    expect(problems).toEqual([
      at('W-NOTES-UNKNOWN-SECTION', 4, 5, { heading: '下部工作打算', suggestion: 'plans' }),
      at('W-NOTES-UNKNOWN-SECTION', 6, 3, { heading: '我的笔记' }),
    ]);
    expect(notes.sections).toEqual({ plans: 'x' });
  });

  it('W-NOTES-SECTION-MISSING: the whole file when there is no 下步工作打算', () => {
    expect(parse('## 总体情况', '平稳。').problems).toEqual([at('W-NOTES-SECTION-MISSING', 0, 0, { section: 'plans' })]);
    expect(parse('').problems).toEqual([at('W-NOTES-SECTION-MISSING', 0, 0, { section: 'plans' })]);
  });

  it('W-NOTES-SECTION-MISSING: the heading when it is there but empty (a comment is no text)', () => {
    expect(parse('## 总体情况', '平稳。', '', '## 三、下步工作打算', '<!-- 下月具体打算 -->', '').problems).toEqual([
      at('W-NOTES-SECTION-MISSING', 4, 4, { section: 'plans', empty: 'yes' }),
    ]);
  });

  it('a `#` in a code block is no heading, and a setext heading starts no section', () => {
    const { problems } = parse('```', '# 标题', '```', '下步工作打算', '---', '## 下步工作打算', 'x');
    expect(problems).toEqual([at('W-NOTES-STRAY-TEXT', 1, 1)]);
  });
});

describe('hostile text', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '---',
    '===',
    '# 标题',
    '## 下步工作打算',
    '[x](javascript:alert(1))',
    '[# 假标题](http://x)',
    '![x](http://evil.example/a.png)',
    '<http://evil.example>',
    '\u001b[2J\u001b[31m红字',
    '```',
    '<!--',
    '[ref]: http://evil.example',
    '[ref]',
    '| a | [b](http://x) |',
    '|---|---|',
    '> [引用](http://x)',
    '- [列表](http://x)',
    '    [缩进](http://x)',
    '<div>',
    '&lt;script&gt;',
  ];

  it("stays harmless line by line, and does not change the report's structure", () => {
    for (const line of hostile) {
      for (const text of [`## 总体情况\n${line}\n## 下步工作打算\n打算。`, `## 下步工作打算\n前文\n${line}\n后文`]) {
        const { notes } = parseMonthNotes(text, FILE);
        for (const section of Object.values(notes.sections)) expectHarmless(section);
      }
    }
  });

  it('stays harmless all together', () => {
    const { notes } = parseMonthNotes(`## 下步工作打算\n${hostile.join('\n')}\n`, FILE);
    expect(notes.sections.plans).toBeDefined();
    expectHarmless(notes.sections.plans!);
  });

  it('turns `javascript:` and other links into their text', () => {
    const { notes } = parse('## 下步工作打算', '点[这里](javascript:alert(1))和[那里](data:text/html,x)。');
    expect(notes.sections.plans).toBe('点这里和那里。');
  });

  it('keeps a script as text, escaped', () => {
    const { notes } = parse('## 下步工作打算', '<script>alert(1)</script>');
    expect(notes.sections.plans).toBe('\\<script>alert(1)\\</script>');
    expect(renderer.render(notes.sections.plans!)).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  it('reads a 10,000-line note quickly', () => {
    const lines = ['## 下步工作打算'];
    for (let i = 0; i < 10_000; i++) lines.push(i % 100 === 0 ? `### 第${i}条` : i % 7 === 0 ? `[链接${i}](http://x/${i}) <b>${i}</b>` : `第${i}行文字`);
    const started = performance.now();
    const { notes, problems } = parseMonthNotes(lines.join('\n'), FILE);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(problems).toEqual([]);
    expect(notes.sections.plans!.split('\n')).toHaveLength(10_000);
    expectHarmless(notes.sections.plans!);
  });

  it('whatever it is made of (fast-check)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        ...hostile,
        '## 总体情况',
        '## 存在问题',
        '### 小标题',
        '',
        '文字',
        '1. 条目',
        '> 引文',
        '```js',
        '~~~',
        '   ---',
        'a\n---',
        '<!-- x -->',
        '-->',
      ),
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[#>\-*_=`~[\]()!<:/| a-z\t]{0,12}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const { notes } = parseMonthNotes(pieces.join('\n'), FILE);
        for (const section of Object.values(notes.sections)) expectHarmless(section);
      }),
      { numRuns: 400 },
    );
  });
});
