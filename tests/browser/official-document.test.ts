/**
 * The printed HTML of the official document (the hand-written April 2023
 * target): page numbers "— N —" at the outer edge, odd pages right and even
 * pages left, one character in from the text block; 28 characters to a line;
 * each attachment on a new page. Positions come from the PDF Chromium prints,
 * read with pdftotext -bbox.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { NODE_FS } from '../../src/load/read-regular-file.js';
import { makeReport } from '../../src/make-report.js';
import { printPdf } from '../../src/render/print-pdf.js';
import { renderHtml } from '../../src/render/render-html.js';
import { requireChromium } from './chromium.js';
import { runTool } from './run-tool.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-official-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

const MM = 72 / 25.4;
/** The text block's edges: 28 mm from the left, 26 mm from the right, 35 mm from the bottom. */
const LEFT = 28 * MM;
const RIGHT_MARGIN = 26 * MM;
const BOTTOM_MARGIN = 35 * MM;
/** 四号: one character of the page number's type. */
const ONE_CHARACTER = 14;

function readPages(bbox: string): Page[] {
  return [...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, width, height, body]) => ({
    width: Number(width),
    height: Number(height),
    words: [...body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      ([, xMin, yMin, xMax, yMax, text]) => ({ text: text!, xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), yMax: Number(yMax) }),
    ),
  }));
}

/** The "— N —" below the text block: its left and right edges. */
function pageNumber(page: Page, number: number): { left: number; right: number } | undefined {
  const footer = page.words.filter((word) => word.yMin > page.height - BOTTOM_MARGIN - 2);
  const digit = footer.find((word) => word.text === String(number));
  const dashes = footer.filter((word) => word.text === '—');
  if (!digit || dashes.length !== 2) return undefined;
  return { left: Math.min(...dashes.map((dash) => dash.xMin)), right: Math.max(...dashes.map((dash) => dash.xMax)) };
}

let pages: Page[];

beforeAll(async () => {
  const result = await makeReport({
    workspace: path.resolve('examples/jinkouhe'),
    month: '2023-04',
    formats: ['md'],
    generatedOn: '2023-05-01',
    today: '2023-05-01',
    // Its own file access: read in place, the example gets no workspace cache.
    fs: NODE_FS,
  });
  if (!result.ok) throw new Error(`the example workspace has errors: ${JSON.stringify(result.problems)}`);
  const markdown = readFileSync(path.resolve('tests/fixtures/documents/official-report.zh-CN.md'), 'utf8');
  const html = await renderHtml(result.report, zhCN, markdown);
  const pdfFile = path.join(scratch, 'official-report.pdf');
  writeFileSync(pdfFile, await printPdf(html, { chromium: requireChromium(), generatedOn: '2023-05-01' }));
  const bbox = await runTool('pdftotext', ['-bbox', pdfFile, '-']);
  if (bbox.missing) throw new Error('pdftotext is missing: install poppler-utils (sudo apt-get install poppler-utils) to read the printed pages.');
  if (bbox.code !== 0) throw new Error(`pdftotext failed: ${bbox.stderr}`);
  pages = readPages(bbox.stdout);
}, 120_000);

describe('the official document printed from HTML', () => {
  it('numbers odd pages at the right and even pages at the left, one character in from the text block', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const first = pageNumber(pages[0]!, 1);
    const second = pageNumber(pages[1]!, 2);
    expect(first, 'no "— 1 —" below the text of page 1').toBeDefined();
    expect(second, 'no "— 2 —" below the text of page 2').toBeDefined();
    const textRight = pages[0]!.width - RIGHT_MARGIN;
    expect(first!.left).toBeGreaterThan(pages[0]!.width / 2);
    expect(Math.abs(textRight - ONE_CHARACTER - first!.right)).toBeLessThan(3);
    expect(second!.right).toBeLessThan(pages[1]!.width / 2);
    expect(Math.abs(LEFT + ONE_CHARACTER - second!.left)).toBeLessThan(3);
    expect(pageNumber(pages[2]!, 3)!.left).toBeGreaterThan(pages[2]!.width / 2);
  });

  it('sets 28 characters of 16 pt to a full line, at full size', () => {
    // Chromium shrinks every page when anything is wider than the text block; then more than 28 would fit.
    const cjkLines = pages
      .slice(0, 4)
      .flatMap((page) => page.words)
      // Body type only: pdftotext's box for a 16 pt line is about 40 pt tall, for the tables' 10.5 pt about 26.
      .filter((word) => /^[\p{Script=Han}，、；：。“”（）—]+$/u.test(word.text) && word.xMin < LEFT + 1 && word.yMax - word.yMin > 33);
    const lengths = cjkLines.map((word) => [...word.text].length);
    expect(Math.max(...lengths)).toBe(28);
    const full = cjkLines.find((word) => [...word.text].length === 28)!;
    expect(Math.abs(full.xMax - (pages[0]!.width - RIGHT_MARGIN))).toBeLessThan(2);
  });

  it('starts each attachment on a new page, its label first', () => {
    const firstWords = pages.map((page) => page.words[0]?.text);
    expect(firstWords).toContain('附件1');
    expect(firstWords).toContain('附件3');
    const signed = pages.findIndex((page) => page.words.some((word) => word.text.includes('2023年5月1日')));
    expect(signed).toBeGreaterThanOrEqual(0);
    expect(firstWords.indexOf('附件1')).toBe(signed + 1);
    // The label's page holds the attachment's title and nothing of the body before it.
    const attachment = pages[signed + 1]!.words.map((word) => word.text).join('');
    expect(attachment).toMatch(/^附件1各村工作情况统计表/);
  });
});
