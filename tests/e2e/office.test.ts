/**
 * The Word report as an office suite sees it: the example's April 2023 report
 * and the hand-written target of the official document go through
 * LibreOffice to PDF. The figures a reader checks against the article must be
 * on A4 pages numbered "— 1 —"; the recipient, the 附件说明, the attachments'
 * labels and titles must stand where GB/T 9704 puts them; and no table may
 * split a date, a village name or an ID across lines.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { NODE_FS } from '../../src/load/read-regular-file.js';
import { makeReport } from '../../src/make-report.js';
import { renderDocx } from '../../src/render/render-docx.js';
import { REPO } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-office-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TOOLS = { soffice: 'libreoffice-writer-nogui', pdftotext: 'poppler-utils', pdfinfo: 'poppler-utils' };

/** Missing converters fail the test: a skipped check would pass a DOCX nobody opened. */
function requireTools(): void {
  const missing = Object.keys(TOOLS).filter((command) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0);
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not found: this test converts the DOCX with LibreOffice and reads the PDF with poppler. ` +
        `On Debian/Ubuntu: apt-get install ${[...new Set(Object.values(TOOLS))].join(' ')}`,
    );
  }
}

/** The DOCX through LibreOffice: the PDF's file and its text laid out as printed. */
function printWithLibreOffice(docx: Uint8Array, name: string): { pdfFile: string; printed: string } {
  const docxFile = path.join(scratch, `${name}.docx`);
  writeFileSync(docxFile, docx);
  // A profile of its own, so parallel runs and a desktop LibreOffice do not lock each other out.
  const profile = pathToFileURL(path.join(scratch, 'lo-profile')).href;
  const convert = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', scratch, docxFile],
    { encoding: 'utf8', timeout: 110_000 },
  );
  const pdfFile = path.join(scratch, `${name}.pdf`);
  expect(convert.status, `soffice failed:\n${convert.stdout}\n${convert.stderr}`).toBe(0);
  expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  return { pdfFile, printed: execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }) };
}

// pdftotext reports the gaps LibreOffice leaves between CJK and digits as
// spaces, and lines wrap where the page ends: neither is in the document.
const squeezed = (text: string) => text.replace(/\s+/g, '');

const DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/u;
const VILLAGE = /^\p{Script=Han}{1,5}村$/u;
const ID = /^\p{Script=Han}+-\d{8}-\d{2}$/u;

/**
 * The dates, village names and IDs of the Markdown's tables that the printed
 * tables do not hold on one line. A table line is one with a wide gap between
 * cells; each value must be found whole in table lines as often as the
 * Markdown's tables hold it (prose, which may wrap anywhere, does not count).
 */
function splitTableValues(markdown: string, printed: string): string[] {
  const cells = markdown
    .split('\n')
    .filter((line) => /^\|.*\|$/.test(line) && !/^\|\s*-/.test(line))
    .flatMap((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter((cell) => DATE.test(cell) || VILLAGE.test(cell) || ID.test(cell));
  const tableLines = printed
    .split('\n')
    .filter((line) => /\S\s{3,}\S/.test(line.trim()))
    .map(squeezed);
  const count = (values: string[], value: string) => values.reduce((total, text) => total + text.split(value).length - 1, 0);
  return [...new Set(cells)].filter((value) => count(tableLines, value) < cells.filter((cell) => cell === value).length);
}

describe('the DOCX report in LibreOffice', () => {
  it('prints the jinkouhe April 2023 report as a 公文: its frame, its figures, its attachments, on A4 pages numbered "— 1 —"', {
    timeout: 120_000,
  }, async () => {
    requireTools();

    const result = await makeReport({
      workspace: path.join(REPO, 'examples/jinkouhe'),
      month: '2023-04',
      formats: ['md', 'docx'],
      generatedOn: '2023-05-01',
      today: '2023-05-01',
      // Its own file access: read in place, the example gets no workspace cache.
      fs: NODE_FS,
    });
    if (!result.ok) throw new Error(`the example workspace has errors: ${JSON.stringify(result.problems)}`);
    const markdown = result.rendered.get('md');
    const docx = result.rendered.get('docx');
    if (typeof markdown !== 'string' || !(docx instanceof Uint8Array)) throw new Error('makeReport gave no Markdown or Word report');
    const { report } = result;
    const { pdfFile, printed } = printWithLibreOffice(docx, '2023-04');

    // pdftotext spaces justified lines out; the squeezed text is what the page says.
    const text = squeezed(printed);
    expect(report.heading).toBe('金口河区“四联”模式推动乡村振兴工作月报（2023年4月）');
    expect(text).toContain(report.heading);
    expect(text).toContain('征求意见建议132条');
    expect(text).toContain('解决诉求93件');
    expect(text).toContain('办结率70.5%');
    expect(text).toContain('总投资3050万元');
    expect(text).toContain('销售20万斤');

    // The frame: 主送机关 flush left on its own line, the clerk's 下步工作打算, the 附件说明, the 落款 of an office.
    const lines = printed.split('\n');
    const recipient = lines.findIndex((line) => squeezed(line) === '中共乐山市委组织部：');
    expect(recipient).toBeGreaterThan(0);
    expect(/^ */.exec(lines[recipient]!)![0].length).toBe(0);
    expect(text).toContain('三、下步工作打算');
    expect(text).not.toContain('待补充');
    expect(text).toContain(`附件：1.${report.attachments[0]!.title}`);
    expect(text).toMatch(/中共乐山市金口河区委组织部2023年5月1日/);
    expect(printed).toMatch(/中共乐山市金口河区委组织部\s*\n\s*2023\s*年\s*5\s*月\s*1\s*日/);

    // Every attachment on pages of its own, after the 落款: its label first, its title below.
    const pages = printed.split('\f').map((page) =>
      page
        .split('\n')
        .map(squeezed)
        .filter((line) => line !== ''),
    );
    const signed = pages.findIndex((page) => page.includes('2023年5月1日'));
    expect(report.attachments.length).toBe(5);
    for (const attachment of report.attachments) {
      const page = pages.findIndex((candidate) => candidate[0] === `附件${attachment.number}`);
      expect(page, `no page starts with 附件${attachment.number}`).toBeGreaterThan(signed);
      expect(pages[page]![1]).toBe(attachment.title);
    }
    expect(splitTableValues(markdown, printed)).toEqual([]);

    // -layout swallows the half-width spaces beside the page number (narrower
    // than its gap threshold); the reading-order text keeps them.
    const inReadingOrder = execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8' });
    expect(inReadingOrder).toContain('— 1 —');
    expect(printed).toMatch(/—\s*1\s*—/);
  });

  it("prints the official document's parts where GB/T 9704 puts them", { timeout: 120_000 }, async () => {
    requireTools();
    const markdown = readFileSync(path.join(REPO, 'tests/fixtures/documents/official-report.zh-CN.md'), 'utf8');
    const docx = await renderDocx(markdown, {
      title: '金口河区“四联”模式推动乡村振兴工作月报（2023年4月）',
      region: '乐山市金口河区',
      locale: 'zh-CN',
      generatedOn: '2023-05-01',
      words: zhCN.report.document,
    });
    const { printed } = printWithLibreOffice(docx, 'official-report');
    const lines = printed.split('\n');
    const indexOf = (wanted: string) => lines.findIndex((line) => squeezed(line) === wanted);
    const indent = (index: number) => /^ */.exec(lines[index] ?? '')![0].length;

    // 主送机关 on a line of its own, flush left, where the body's first line is indented.
    const recipient = indexOf('中共乐山市委组织部：');
    expect(recipient).toBeGreaterThan(0);
    expect(indent(recipient)).toBe(0);
    expect(squeezed(lines[recipient + 1]!)).toMatch(/^现将/);
    expect(indent(recipient + 1)).toBeGreaterThan(1);

    // 附件说明: each item on a line of its own, the later ones under the first item's number.
    const items = ['附件：1.各村工作情况统计表', '2.目标任务完成情况表', '3.超期未办结诉求清单', '4.居民夜谈会按期开展情况', '5.生态管护星级评定情况'].map(
      indexOf,
    );
    expect(items.every((index) => index > 0)).toBe(true);
    expect(items).toEqual(items.map((_, offset) => items[0]! + offset));
    const numberColumn = lines[items[0]!]!.indexOf('1.');
    for (const index of items.slice(1)) expect(Math.abs(lines[index]!.search(/\d\./) - numberColumn)).toBeLessThanOrEqual(1);
    expect(indent(items[0]!)).toBeGreaterThan(0);

    // The 落款 after it, issuer above date.
    expect(squeezed(printed)).toMatch(/生态管护星级评定情况中共乐山市金口河区委组织部2023年5月1日/);

    // Each attachment on a page of its own: its label the page's first line, its title below.
    const pages = printed.split('\f').map((page) =>
      page
        .split('\n')
        .map(squeezed)
        .filter((line) => line !== ''),
    );
    for (const [label, title] of [
      ['附件1', '各村工作情况统计表'],
      ['附件3', '超期未办结诉求清单'],
    ]) {
      const page = pages.find((candidate) => candidate[0] === label);
      expect(page, `no page starts with ${label}`).toBeDefined();
      expect(page![1]).toBe(title);
    }
    expect(pages.findIndex((page) => page[0] === '附件1')).toBeGreaterThan(pages.findIndex((page) => page.includes('2023年5月1日')));

    expect(splitTableValues(markdown, printed)).toEqual([]);
    expect(printed).toMatch(/—\s*1\s*—/);
  });
});
