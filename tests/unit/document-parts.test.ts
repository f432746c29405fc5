/**
 * The official document's parts found in the Markdown report by structure and
 * the catalogue's words (docs/templates.md, "The document's parts"): every part
 * of the hand-written April 2023 target and its English twin, nothing else,
 * and text that only looks like a part changes at most its own paragraph.
 */
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { documentPartOf, documentParts, signatureIndents, widthInCharacters } from '../../src/render/document-parts.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url), 'utf8');
const ZH_WORDS = zhCN.report.document;
const EN_WORDS = en.report.document;

const markdownIt = (words = ZH_WORDS) => new MarkdownIt({ html: false }).use(documentParts(words));
const parse = (markdown: string, words = ZH_WORDS) => markdownIt(words).parse(markdown, {});
const render = (markdown: string, words = ZH_WORDS) => markdownIt(words).render(markdown);

/** Each classified token as "part: its text". */
function parts(tokens: Token[]): string[] {
  return tokens.flatMap((token, index) => {
    const part = documentPartOf(token);
    if (!part) return [];
    const inline = tokens[index + 1];
    const text = inline?.type === 'inline' ? (inline.children ?? []).map((child) => child.content).join('') : '';
    return [`${part.part}: ${text}`];
  });
}

describe('documentParts on the April 2023 target', () => {
  it('finds every part of the Chinese document and classifies nothing else', () => {
    expect(parts(parse(fixture('official-report.zh-CN.md')))).toEqual([
      'title: 金口河区“四联”模式推动乡村振兴工作月报（2023年4月）',
      'recipient: 中共乐山市委组织部：',
      'table-note: 注：办结率为期内受理的意见建议中截至期末已办结的比例，其增减单位为百分点；解决诉求为期内办结的诉求件数，含以前月份受理的；月末未办结诉求为月末时点数，“上年同期”为上年同月末数。',
      'table-note: 注：平均考评得分为期内各次考评得分的平均数，其增减单位为分。',
      'attachment-list: 附件：1. 各村工作情况统计表2. 目标任务完成情况表3. 超期未办结诉求清单4. 居民夜谈会按期开展情况5. 生态管护星级评定情况',
      'signature-issuer: 中共乐山市金口河区委组织部',
      'signature-date: 2023年5月1日',
      'page-break: ',
      'attachment-label: 附件1',
      'attachment-title: 各村工作情况统计表',
      'page-break: ',
      'attachment-label: 附件3',
      'attachment-title: 超期未办结诉求清单',
    ]);
  });

  it('finds the same parts in the English document with the English words', () => {
    expect(parts(parse(fixture('official-report.en.md'), EN_WORDS)).map((part) => part.replace(/:.*/, ''))).toEqual([
      'title',
      'recipient',
      'table-note',
      'attachment-list',
      'signature-issuer',
      'signature-date',
      'page-break',
      'attachment-label',
      'attachment-title',
      'page-break',
      'attachment-label',
      'attachment-title',
    ]);
  });

  it('puts the classes, the lead box and the signature indents into the HTML', () => {
    const html = render(fixture('official-report.zh-CN.md'));
    expect(html).toContain('<h1 class="title">');
    expect(html).toContain('<p class="recipient">中共乐山市委组织部：</p>');
    expect(html).toContain('<p class="attachment-list" style="--lead:3em"><span class="attachment-lead">附件：</span>1. 各村工作情况统计表<br>');
    // 13 characters of issuer, 6 of date: the date 7 in from the right, its first character 2 right of the issuer's.
    expect(html).toContain(
      '<p class="signature-issuer" style="margin-right:2em">中共乐山市金口河区委组织部</p>\n<p class="signature-date" style="margin-right:7em">2023年5月1日</p>',
    );
    expect(html.match(/<hr class="page-break">/g)).toHaveLength(2);
    expect(html).toContain('<h2 class="attachment-label">附件1</h2>\n<h1 class="attachment-title">各村工作情况统计表</h1>');
    expect(html).toMatch(/<p class="table-note">注：平均考评得分/);
  });

  it('reads a run-in heading as emphasis although it ends in CJK punctuation', () => {
    const html = render(fixture('official-report.zh-CN.md'));
    expect(html).toContain('<p><em>（一）诉求办结率未达到目标。</em>本月受理意见建议38条');
    expect(html).toContain('<p><em>（三）居民夜谈会未全部按期召开。</em>共安村');
    expect(render('*(1) The rate is below target.* 38 suggestions\n', EN_WORDS)).toBe('<p><em>(1) The rate is below target.</em> 38 suggestions</p>\n');
    // Ordinary emphasis is untouched, an escaped asterisk stays text.
    expect(render('重点*强调*内容\n')).toBe('<p>重点<em>强调</em>内容</p>\n');
    expect(render('\\*（一）不是标题。\\*正文\n')).toBe('<p>*（一）不是标题。*正文</p>\n');
    expect(render('*a **b** c*\n')).toBe('<p><em>a <strong>b</strong> c</em></p>\n');
    expect(render('* 列表项\n')).toBe('<ul>\n<li>列表项</li>\n</ul>\n');
  });
});

describe('signatureIndents (GB/T 9704 7.3.5.2)', () => {
  it('keeps the issuer two characters from the right and starts the date two characters right of it', () => {
    // A long issuer: 中共乐山市金口河区委组织部 (13) over 2023年5月1日 (6).
    expect(signatureIndents(13, 6)).toEqual({ issuer: 2, date: 7 });
    // A date longer than the issuer: the date keeps two characters, the issuer moves left.
    expect(signatureIndents(4, 6)).toEqual({ issuer: 6, date: 2 });
    // A date nearly as long as the issuer is treated the same way.
    expect(signatureIndents(7, 6)).toEqual({ issuer: 3, date: 2 });
    for (const [issuer, date] of [
      [13, 6],
      [4, 6],
      [7, 6],
      [20, 7.5],
    ] as const) {
      const indents = signatureIndents(issuer, date);
      expect(indents.issuer + issuer - (indents.date + date)).toBe(2);
      expect(Math.min(indents.issuer, indents.date)).toBe(2);
    }
  });

  it('measures CJK as one character and digits as half of one', () => {
    expect(widthInCharacters('2023年5月1日')).toBe(6);
    expect(widthInCharacters('中共乐山市金口河区委组织部')).toBe(13);
  });
});

describe('documentParts on text that only looks like a part', () => {
  const classes = (markdown: string) => parts(parse(markdown)).map((part) => part.replace(/:.*/, ''));

  it('takes a colon-ended paragraph for the recipient only right after the title', () => {
    expect(classes('# 标题\n\n正文。\n\n请各村注意以下事项：\n\n1. 第一项\n')).toEqual(['title']);
    expect(classes('# 标题\n\n## 一、情况\n\n区委组织部：\n')).toEqual(['title']);
    // Right after the title it is the recipient: flush left, nothing more.
    expect(classes('# 标题\n\n本月情况如下：\n\n正文。\n')).toEqual(['title', 'recipient']);
  });

  it('takes 注： for a table note only right under a table', () => {
    expect(classes('# 标题\n\n注：这是正文里的说明。\n')).toEqual(['title']);
    expect(classes('# 标题\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n说明：不是注。\n')).toEqual(['title']);
    expect(classes('# 标题\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n注：单位为个。\n')).toEqual(['title', 'table-note']);
  });

  it('takes 附件： for the attachment list only before the attachments, and 附件N only after a page break', () => {
    expect(classes('# 标题\n\n正文。\n\n---\n\n## 附件1\n\n# 表\n\n附件：见上。\n')).toEqual(['title', 'page-break', 'attachment-label', 'attachment-title']);
    expect(classes('# 标题\n\n## 附件1\n\n正文。\n')).toEqual(['title']);
    expect(classes('# 标题\n\n---\n\n## 附件一\n\n# 表\n')).toEqual(['title', 'page-break']);
    expect(classes('# 标题\n\n---\n\n## 附件1说明\n')).toEqual(['title', 'page-break']);
  });

  it('takes a signature only from the last block, of exactly two short lines split by a hard break', () => {
    expect(classes('# 标题\n\n花溪乡人民政府\\\n2023年5月1日\n\n正文在后。\n')).toEqual(['title']);
    expect(classes('# 标题\n\n花溪乡人民政府\\\n二〇二三年\\\n五月一日\n')).toEqual(['title']);
    expect(classes('# 标题\n\n花溪乡人民政府\n2023年5月1日\n')).toEqual(['title']);
    expect(classes('# 标题\n\n| a |\n| --- |\n| 1 |\n')).toEqual(['title']);
    // Lines that cannot keep the standard's indents on a 28-character line are body text.
    expect(classes('# 标题\n\n本月各村以集中畅谈、专题座谈、入户访谈等形式召开居民夜谈会\\\n2023年5月1日\n')).toEqual(['title']);
    expect(classes('# 标题\n\n中共乐山市金口河区委组织部乡村振兴工作领导小组\\\n2023年5月1日\n')).toEqual(['title', 'signature-issuer', 'signature-date']);
    expect(classes('# 标题\n\n中共乐山市金口河区委组织部乡村振兴工作领导小组办公室秘书科\\\n2023年5月1日\n')).toEqual(['title']);
    expect(classes('# 标题\n\n花溪乡人民政府\\\n2023年5月1日\n')).toEqual(['title', 'signature-issuer', 'signature-date']);
  });

  it("lets a clerk's 附件： paragraph change only its own layout", () => {
    const markdown = '# 标题\n\n区委组织部：\n\n附件：照片已另行报送，请查收\n\n正文。\n\n花溪乡人民政府\\\n2023年5月1日\n';
    expect(classes(markdown)).toEqual(['title', 'recipient', 'attachment-list', 'signature-issuer', 'signature-date']);
    expect(render(markdown)).toContain('<p>正文。</p>');
  });

  it('survives documents without a title, without a body, or only of breaks', () => {
    expect(classes('')).toEqual([]);
    expect(classes('正文：\n')).toEqual([]);
    expect(classes('---\n\n---\n')).toEqual(['page-break', 'page-break']);
    expect(classes('# 只有标题\n')).toEqual(['title']);
    expect(classes('\\\n')).toEqual([]);
    expect(render('- a\\\n  b\n')).toBe('<ul>\n<li>a<br>\nb</li>\n</ul>\n');
  });
});
