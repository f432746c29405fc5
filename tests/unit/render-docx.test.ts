/**
 * The Word report's package: a valid zip, the same bytes at any hour, and the
 * GB/T 9704 page written into its XML: A4, margins, the 28 × 22 grid, "— 1 —"
 * at the outer edge, the parts of the official document, one table type size,
 * font fallbacks, and text a reader can open whatever the log held.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import type { DocxMeta } from '../../src/render/render-docx.js';
import { renderDocx } from '../../src/render/render-docx.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-docx-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

const META: DocxMeta = {
  title: '花溪乡“四联”工作月报（2023年4月）',
  region: '花溪乡',
  locale: 'zh-CN',
  generatedOn: '2023-05-01',
  words: zhCN.report.document,
};
const EN_META: DocxMeta = { ...META, locale: 'en', title: 'Monthly report', words: en.report.document };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url), 'utf8');

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
    expect(core).toContain('<dc:title>A &amp; B &lt;c&gt;</dc:title>');
    expect(core).toContain('<dc:creator>R &quot;&amp;&quot; D</dc:creator>');
  });

  it('lays out an A4 page with the GB/T 9704 margins and a 28 × 22 grid', async () => {
    const docx = await renderDocx(MARKDOWN, META);
    const document = readPart(docx, 'word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 37, 26, 35 and 28 mm in twips.
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // 28.95 pt lines; 28 characters of 16 pt in 8845 twips: (8845 / 28 / 20 − 16) × 4096 = −841.
    expect(document).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-841"/>');
    // Off the line grid (the lines are exact), on the character grid.
    expect(readPart(docx, 'word/styles.xml')).toMatch(/<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"\/>/);
    // The Normal style carries the body size Word counts the grid from.
    expect(readPart(docx, 'word/styles.xml')).toMatch(/w:styleId="Normal">[\s\S]*?<w:sz w:val="32"\/>[\s\S]*?<\/w:style>/);
  });

  it('numbers the pages "— N —" in 四号 宋体 at the outer edge: odd pages right, even pages left', async () => {
    const docx = await renderDocx(MARKDOWN, META);
    expect(readPart(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const document = readPart(docx, 'word/document.xml');
    const relations = readPart(docx, 'word/_rels/document.xml.rels');
    const footerOf = (kind: string) => {
      const id = new RegExp(`<w:footerReference w:type="${kind}" r:id="(rId\\d+)"/>`).exec(document)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(relations);
      return readPart(docx, `word/${target?.[1] ?? target?.[2]}`);
    };
    const odd = footerOf('default');
    const even = footerOf('even');
    for (const footer of [odd, even]) {
      expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
      expect(footer).toContain('<w:pStyle w:val="Footer"/>');
    }
    // One 14 pt character (280 twips) in from the edge.
    expect(odd).toContain('<w:ind w:right="280"/><w:jc w:val="right"/>');
    expect(even).toContain('<w:ind w:left="280"/><w:jc w:val="left"/>');
    expect(readPart(docx, 'word/styles.xml')).toMatch(/w:styleId="Footer">[\s\S]*?w:eastAsia="宋体"[\s\S]*?<w:sz w:val="28"\/>[\s\S]*?<\/w:style>/);
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
    // Body paragraphs are indented two characters of the grid (15.8 pt each) on a fixed 28.95 pt line.
    expect(document).toContain('<w:ind w:firstLine="632"/>');
    // The 落款: two right-aligned paragraphs.
    expect(document).toMatch(
      /<w:jc w:val="right"\/>[\s\S]{0,400}花溪乡<\/w:t>[\s\S]{0,200}<\/w:p><w:p>[\s\S]{0,200}<w:jc w:val="right"\/>[\s\S]{0,400}2023年5月1日/,
    );

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
    const docx = await renderDocx('# Monthly report\n\nText.\n\nRegion\\\n1 May 2023\n', EN_META);
    const styles = readPart(docx, 'word/styles.xml');
    expect(styles).toContain('w:eastAsia="Times New Roman"');
    expect(styles).not.toContain('仿宋');
    expect(readPart(docx, 'word/fontTable.xml')).not.toContain('仿宋');
    const document = readPart(docx, 'word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // No Chinese character grid for English type.
    expect(document).not.toContain('linesAndChars');
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
    // A 公文 has no bullet marks: a Chinese list item is an indented paragraph.
    expect(document).toMatch(/<w:ind w:firstLine="632"\/>[\s\S]{0,200}>nested</);
    expect(document).not.toContain('<w:numPr>');
    expect(document).toMatch(/>code 1<\/w:t>[\s\S]{0,100}<w:br\/>[\s\S]{0,100}>code 2</);
    // English lists keep their bullets.
    expect(readPart(await renderDocx(markdown, EN_META), 'word/document.xml')).toMatch(/<w:numPr><w:ilvl w:val="1"\/>[\s\S]{0,200}>nested</);
  });

  it('refuses a report date that is not YYYY-MM-DD', async () => {
    await expect(renderDocx('# T\n', { ...META, generatedOn: '2023-5-1' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('renderDocx on the April 2023 target', () => {
  const sample = fixture('official-report.zh-CN.md');
  const paragraphs = (document: string) => document.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
  const text = (paragraph: string) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');

  it('sets every table in one type size, 五号 (10.5 pt)', async () => {
    const document = readPart(await renderDocx(sample, META), 'word/document.xml');
    const tables = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(7);
    const sizes = new Set(tables.flatMap((table) => [...table.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((match) => match[1])));
    expect([...sizes]).toEqual(['21']);
    // The notes under the tables have the tables' size too.
    const styles = readPart(await renderDocx(sample, META), 'word/styles.xml');
    for (const style of ['TableText', 'TableNote']) expect(styles).toMatch(new RegExp(`w:styleId="${style}">[\\s\\S]*?<w:sz w:val="21"/>[\\s\\S]*?</w:style>`));
    const notes = paragraphs(document).filter((paragraph) => paragraph.includes('<w:pStyle w:val="TableNote"/>'));
    expect(notes.map(text).map((note) => note.slice(0, 2))).toEqual(['注：', '注：']);
  });

  it('never gives a column less than its widest date, ID, number or header word', async () => {
    const document = readPart(await renderDocx(sample, META), 'word/document.xml');
    const overdue = (document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).at(-1)!;
    const columns = [...overdue.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    // 10.5 pt: a CJK character is 210 twips; 大瓦山-20230108-02 is 3 of them and 14 narrow characters.
    expect(columns[0]).toBeGreaterThan(3 * 210 + 14 * 105 + 80);
    expect(columns[2]).toBeGreaterThan(3 * 210 + 7 * 105 + 80);
    // 已历时 stays whole; （天） goes to a line of its own.
    expect(overdue).toMatch(/>已历时<\/w:t>[\s\S]{0,300}<w:br\/>[\s\S]{0,300}>（天）<\/w:t>/);
  });

  it('names serif fallbacks for every Chinese face in the font table', async () => {
    const fonts = readPart(await renderDocx(sample, META), 'word/fontTable.xml');
    const entry = (name: string) => new RegExp(`<w:font w:name="${name}">([\\s\\S]*?)</w:font>`).exec(fonts)?.[1] ?? '';
    expect(entry('仿宋_GB2312')).toContain('<w:altName w:val="仿宋,FangSong,FangSong_GB2312"/>');
    expect(entry('楷体_GB2312')).toContain('<w:altName w:val="楷体,KaiTi,KaiTi_GB2312"/>');
    expect(entry('方正小标宋简体')).toContain('<w:altName w:val="FZXiaoBiaoSong-B05S,宋体,SimSun"/>');
    expect(entry('黑体')).toContain('<w:altName w:val="SimHei"/>');
    expect(entry('宋体')).toContain('<w:altName w:val="SimSun"/>');
    for (const name of ['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体', '宋体']) {
      expect(entry(name)).toContain('<w:charset w:val="86"/>');
      expect(entry(name)).toContain('<w:family w:val="roman"/>');
    }
    expect(entry('黑体')).toContain('<w:family w:val="swiss"/>');
    expect(entry('仿宋_GB2312')).toContain('<w:panose1 w:val="02010609030101010101"/>');
  });

  it('starts each attachment on a new page with its label, and sets its title like the document title', async () => {
    const document = readPart(await renderDocx(sample, META), 'word/document.xml');
    const labels = paragraphs(document).filter((paragraph) => /^附件\d+$/.test(text(paragraph)));
    expect(labels.map(text)).toEqual(['附件1', '附件3']);
    for (const label of labels) {
      expect(label).toContain('<w:pStyle w:val="AttachmentLabel"/>');
      expect(label).toContain('<w:pageBreakBefore/>');
    }
    expect(paragraphs(document).filter((paragraph) => paragraph.includes('<w:pageBreakBefore/>'))).toHaveLength(2);
    const title = paragraphs(document).find((paragraph) => text(paragraph) === '各村工作情况统计表')!;
    expect(title).toContain('<w:pStyle w:val="Title"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const label = readPart(await renderDocx(sample, META), 'word/styles.xml');
    expect(label).toMatch(
      /w:styleId="AttachmentLabel">[\s\S]*?<w:ind w:firstLine="0"\/>[\s\S]*?w:eastAsia="黑体"[\s\S]*?<w:sz w:val="32"\/>[\s\S]*?<\/w:style>/,
    );
  });

  it('lays out the recipient flush left, the run-in headings in 楷体 and the attachment list with a hanging indent', async () => {
    const document = readPart(await renderDocx(sample, META), 'word/document.xml');
    const recipient = paragraphs(document).find((paragraph) => text(paragraph) === '中共乐山市委组织部：')!;
    expect(recipient).toContain('<w:ind w:firstLine="0"/>');
    expect(document).toMatch(/<w:rFonts w:eastAsia="楷体_GB2312"[^>]*\/>(?:(?!<\/w:r>)[\s\S])*<w:t[^>]*>（一）诉求办结率未达到目标。<\/w:t>/);
    expect(document).not.toContain('<w:i/>');
    const list = paragraphs(document).find((paragraph) => text(paragraph).startsWith('附件：'))!;
    // First line two characters in, later items under "1.": 2 + 3 characters of 315.9 twips.
    expect(list).toContain('<w:ind w:left="1580" w:hanging="948"/>');
    expect(list.match(/<w:br\/>/g)).toHaveLength(4);
  });

  const signatureOf = async (issuer: string) => {
    const document = readPart(await renderDocx(`# 标题\n\n正文。\n\n${issuer}\\\n2023年5月1日\n`, META), 'word/document.xml');
    const [first, second] = paragraphs(document).slice(-2);
    const right = (paragraph: string) => Number(/<w:ind w:right="(\d+)" w:firstLine="0"\/>/.exec(paragraph)?.[1]);
    return { issuer: first!, date: second!, issuerRight: right(first!), dateRight: right(second!) };
  };

  it('signs with a long issuer: the issuer two characters in, the date under it shifted two characters', async () => {
    const signature = await signatureOf('中共乐山市金口河区委组织部');
    expect(text(signature.issuer)).toBe('中共乐山市金口河区委组织部');
    expect(text(signature.date)).toBe('2023年5月1日');
    for (const paragraph of [signature.issuer, signature.date]) expect(paragraph).toContain('<w:jc w:val="right"/>');
    // One blank line (28.95 pt) above the issuer.
    expect(signature.issuer).toContain('w:before="579"');
    // Widths in characters of 315.9 twips: the issuer 13; the date 6, and a
    // quarter character where its digits meet CJK (5 times) = 7.25.
    expect(signature.issuerRight).toBe(632);
    expect(signature.dateRight).toBe(Math.round((13 - 7.25) * (8845 / 28)));
  });

  it('signs with a short issuer: the date keeps its two characters and the issuer moves left', async () => {
    const signature = await signatureOf('花溪乡人民政府');
    expect(signature.dateRight).toBe(632);
    expect(signature.issuerRight).toBe(Math.round((2 + 7.25 + 2 - 7) * (8845 / 28)));
  });

  it('lays out the English document with the English words', async () => {
    const document = readPart(await renderDocx(fixture('official-report.en.md'), EN_META), 'word/document.xml');
    const labels = paragraphs(document).filter((paragraph) => /^Attachment \d+$/.test(text(paragraph)));
    expect(labels.map(text)).toEqual(['Attachment 1', 'Attachment 3']);
    for (const label of labels) expect(label).toContain('<w:pageBreakBefore/>');
    // The space after "Attachments:" becomes a tab to where the later items align.
    const list = paragraphs(document).find((paragraph) => text(paragraph).startsWith('Attachments:'))!;
    expect(list).toMatch(/>Attachments:<\/w:t><\/w:r><w:r><w:tab\/><\/w:r>/);
    expect(list).toMatch(/<w:tab w:val="left" w:pos="1560"\/>/);
    expect(document).toMatch(/<w:i\/>[\s\S]{0,200}\(1\) The resolution rate is below target\./);
    const sizes = new Set(
      (document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).flatMap((table) => [...table.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((match) => match[1])),
    );
    expect([...sizes]).toEqual(['20']);
  });

  it('drops characters XML cannot hold, so the package still opens', { timeout: 120_000 }, async () => {
    const markdown =
      '# 标题\u000b（2023年4月）\n\n正文\u001b[31m有控制字符\u0000、\ud800孤立代理项和\uffff。\n\n| 村 | 事项 |\n| --- | --- |\n| 永胜村 | 修路\u000c |\n\n花溪乡\u0007人民政府\\\n2023年5月1日\n';
    const docx = await renderDocx(markdown, { ...META, title: '标题\u000b', region: '花溪乡\u001b' });
    const document = readPart(docx, 'word/document.xml');
    expect(document).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(document).toContain('正文[31m有控制字符');
    expect(readPart(docx, 'docProps/core.xml')).toContain('<dc:title>标题</dc:title>');

    if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0)
      throw new Error('soffice not found: this test opens the DOCX with LibreOffice (apt-get install libreoffice-writer-nogui)');
    const file = path.join(scratch, 'control-characters.docx');
    writeFileSync(file, docx);
    const profile = pathToFileURL(path.join(scratch, 'lo-profile')).href;
    const convert = spawnSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'txt:Text', '--outdir', scratch, file],
      {
        encoding: 'utf8',
        timeout: 110_000,
      },
    );
    expect(convert.status, convert.stderr).toBe(0);
    const converted = readFileSync(path.join(scratch, 'control-characters.txt'), 'utf8');
    expect(converted).toContain('有控制字符');
    expect(converted).toContain('2023年5月1日');
  });
});
