/**
 * The Word report's package: a valid zip, the same bytes at any hour, and the
 * GB/T 9704 page (A4, margins, "— 1 —" footer) written into its XML.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { DocxMeta } from '../../src/render/render-docx.js';
import { renderDocx } from '../../src/render/render-docx.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-docx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

const META: DocxMeta = { title: '花溪乡“四联”工作月报（2023年4月）', region: '花溪乡', locale: 'zh-CN', generatedOn: '2023-05-01' };

const MARKDOWN = `# 花溪乡“四联”工作月报（2023年4月）

现将花溪乡2023年4月“四联”工作情况报告如下。

## 一、夜谈联访

### （一）意见建议

累计征求意见建议**132条**，解决诉求93件，办结率70.5%。见 \`logs/2023\` 与 1\\*2\\_3。

| 指标 | 本月 | 本年累计 |
| --- | ---: | ---: |
| 征求意见建议（条） | 38 | 132 |
| 办结率 | 47.4% | 70.5% |

- 2023-04.yaml:3:5：日期晚于今天

花溪乡\\
2023年5月1日
`;

/** One part of the package, read with Info-ZIP's unzip so the archive is checked by an independent reader. */
let packagesWritten = 0;
function readPart(docx: Uint8Array, part: string): string {
  const file = path.join(scratch, `package-${++packagesWritten}.docx`);
  writeFileSync(file, docx);
  return execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' });
}

describe('renderDocx', () => {
  it('packs a zip archive whose entries pass their CRC checks', async () => {
    const docx = await renderDocx(MARKDOWN, META);
    expect(Buffer.from(docx.subarray(0, 2)).toString('latin1')).toBe('PK');
    const file = path.join(scratch, 'tested.docx');
    writeFileSync(file, docx);
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  it('gives the same bytes whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-01-31T23:59:58Z'));
    const first = await renderDocx(MARKDOWN, META);
    vi.setSystemTime(new Date('2031-07-04T12:34:56Z'));
    const second = await renderDocx(MARKDOWN, META);
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });

  it('dates the document and its zip entries from the report, not from now', async () => {
    const docx = await renderDocx(MARKDOWN, META);
    const core = readPart(docx, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-05-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-05-01T00:00:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>花溪乡“四联”工作月报（2023年4月）</dc:title>');
    expect(core).toContain('<dc:creator>花溪乡</dc:creator>');
    const file = path.join(scratch, 'dated.docx');
    writeFileSync(file, docx);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing).toMatch(/word\/document\.xml/);
    for (const line of listing.split('\n').filter((row) => /\.xml|\.rels/.test(row))) {
      expect(line).toMatch(/2023-05-01 00:00|05-01-2023 00:00/);
    }
  });

  it('escapes the metadata it writes by hand', async () => {
    const docx = await renderDocx('# A & B <c>\n', { ...META, title: 'A & B <c>', region: 'R "&" D' });
    const core = readPart(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>A &#38; B &#60;c&#62;</dc:title>');
    expect(core).toContain('<dc:creator>R &#34;&#38;&#34; D</dc:creator>');
  });

  it('lays out an A4 page with the GB/T 9704 margins and a "— 1 —" footer', async () => {
    const docx = await renderDocx(MARKDOWN, META);
    const document = readPart(docx, 'word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37, 26, 35 and 28 mm in twips.
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const footer = readPart(docx, 'word/footer1.xml');
    expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
    expect(footer).toContain('<w:pStyle w:val="Footer"/>');
    // 四号 宋体, centred.
    expect(readPart(docx, 'word/styles.xml')).toMatch(/w:styleId="Footer">[\s\S]*?<w:jc w:val="center"\/>[\s\S]*?w:eastAsia="宋体"[\s\S]*?<w:sz w:val="28"\/>[\s\S]*?<\/w:style>/);
  });

  it('writes the title, the text with escapes undone, a table with a repeated header row and the signature', async () => {
    const document = readPart(await renderDocx(MARKDOWN, META), 'word/document.xml');
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toContain('花溪乡“四联”工作月报（2023年4月）');
    expect(document).toContain('1*2_3');
    expect(document).not.toContain('\\*');
    expect(document).toMatch(/<w:b\/>[\s\S]{0,200}132条/);
    expect(document).toContain('<w:tbl>');
    expect(document).toContain('<w:tblHeader/>');
    // Full width: the columns share the 156 mm text block exactly.
    expect(document).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
    const columns = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(columns).toHaveLength(3);
    expect(columns.reduce((total, width) => total + width, 0)).toBe(8845);
    expect(document).toContain('<w:t xml:space="preserve">70.5%</w:t>');
    // Numeric columns keep Markdown's right alignment.
    expect(document).toMatch(/<w:jc w:val="right"\/>[\s\S]{0,600}>132</);
    // Body paragraphs are indented two 16 pt characters on a fixed 28.95 pt line.
    expect(document).toContain('<w:ind w:firstLine="640"/>');
    expect(document).toMatch(/<w:jc w:val="right"\/>[\s\S]{0,400}花溪乡<\/w:t>[\s\S]{0,200}<w:br\/>[\s\S]{0,200}2023年5月1日/);

    const styles = readPart(await renderDocx(MARKDOWN, META), 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="楷体_GB2312"');
    expect(styles).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    expect(styles).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"/);
  });

  it('sets English reports in Times New Roman on the same page', async () => {
    const docx = await renderDocx('# Monthly report\n\nText.\n\nRegion\\\n1 May 2023\n', { ...META, locale: 'en', title: 'Monthly report' });
    const styles = readPart(docx, 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="Times New Roman"');
    expect(styles).not.toContain('仿宋');
    expect(readPart(docx, 'word/document.xml')).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('keeps the text of Markdown the built-in templates do not use', async () => {
    const markdown = '# T\n\nSee [the article](https://example.org) and *this*.\n\n3. third\n4. fourth\n   - nested\n\n```\ncode 1\ncode 2\n```\n';
    const document = readPart(await renderDocx(markdown, META), 'word/document.xml');
    expect(document).toContain('>See </w:t>');
    expect(document).toContain('>the article</w:t>');
    expect(document).not.toContain('example.org');
    // Ordered items keep the numbers written in the Markdown.
    expect(document).toContain('>3. </w:t>');
    expect(document).toContain('>4. </w:t>');
    expect(document).toMatch(/<w:numPr><w:ilvl w:val="1"\/>[\s\S]{0,200}>nested</);
    expect(document).toMatch(/>code 1<\/w:t>[\s\S]{0,100}<w:br\/>[\s\S]{0,100}>code 2</);
  });

  it('refuses a report date that is not YYYY-MM-DD', async () => {
    await expect(renderDocx('# T\n', { ...META, generatedOn: '2023-5-1' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});
