/**
 * The HTML report as a clerk meets it: opened from disk in a real browser,
 * read on screen, printed on A4, and usable with assistive technology.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.js';
import { exampleReportHtml } from './example-report.js';
import { isA4Portrait, pdfPages } from './pdf-pages.js';
import { runTool } from './run-tool.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-browser-'));
const reportFile = path.join(scratch, '2023-04.html');
let browser: Browser;

beforeAll(async () => {
  writeFileSync(reportFile, await exampleReportHtml());
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

interface PageTrouble {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Anything fetched besides the report itself and inline data: URLs. */
  outsideRequests: string[];
}

// Opened as a file, the way a clerk double-clicks it, with its CSP in force:
// a blocked or missing resource shows up here as a console error or a request.
async function openReport(): Promise<{ page: Page; trouble: PageTrouble }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const reportUrl = pathToFileURL(reportFile).href;
  const trouble: PageTrouble = { consoleErrors: [], pageErrors: [], failedRequests: [], outsideRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => trouble.pageErrors.push(error.message));
  page.on('requestfailed', (request) => trouble.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('request', (request) => {
    const url = request.url();
    if (url !== reportUrl && !url.startsWith('data:')) trouble.outsideRequests.push(url);
  });
  await page.goto(reportUrl, { waitUntil: 'load' });
  return { page, trouble };
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const pdfFile = path.join(scratch, 'printed.pdf');
  writeFileSync(pdfFile, pdf);
  const result = await runTool('pdftotext', ['-layout', pdfFile, '-']);
  if (result.missing) throw new Error('pdftotext is missing: install poppler-utils (sudo apt-get install poppler-utils) to check the printed text.');
  if (result.code !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

describe('the jinkouhe HTML report in Chromium', { timeout: 120_000 }, () => {
  it('loads as a self-contained page without errors', async () => {
    const { page, trouble } = await openReport();
    try {
      expect(trouble).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], outsideRequests: [] });
    } finally {
      await page.close();
    }
  });

  it("shows the article's suggestion figures", async () => {
    const { page } = await openReport();
    try {
      const text = await page.locator('body').innerText();
      for (const figure of ['132', '93', '70.5%']) expect(text, `"${figure}" on screen`).toContain(figure);
    } finally {
      await page.close();
    }
  });

  it('draws the charts as numbered figures, each captioned and named by its caption', async () => {
    const { page, trouble } = await openReport();
    try {
      const figures = page.locator('section.charts figure');
      const count = await figures.count();
      expect(count).toBeGreaterThanOrEqual(3);
      for (let index = 0; index < count; index += 1) {
        const caption = (await figures.nth(index).locator('figcaption').innerText()).trim();
        expect(caption).toMatch(new RegExp(`^图${index + 1} \\S`));
        expect(await figures.nth(index).locator('svg[role="img"]').getAttribute('aria-label')).toBe(caption);
      }
      // The last attachment: numbered after the document's own, and listed in its 附件说明.
      const documentAttachments = await page.locator('main .attachment-label').count();
      const label = `附件${documentAttachments + 1}`;
      expect(await page.locator('section.charts .attachment-label').innerText()).toBe(label);
      expect(await page.locator('section.charts h2').innerText()).toBe('图表');
      expect(await page.locator('main p.attachment-list').innerText()).toContain(`${documentAttachments + 1}. 图表`);
      expect(trouble.consoleErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('prints the charts as the last attachment, starting on a page of their own', async () => {
    const { page } = await openReport();
    let pdf: Uint8Array;
    try {
      pdf = await page.pdf({ preferCSSPageSize: true });
    } finally {
      await page.close();
    }
    const pages = (await pdfText(pdf)).split('\f').map((text) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    const first = pages.findIndex((lines) => /^附件\d+$/.test(lines[0]!) && lines[1] === '图表');
    expect(first, 'no printed page starts with 附件N and the title 图表').toBeGreaterThan(0);
    // The page before ends the attachment before it, not the charts; every attachment starts a page.
    expect(pages[first - 1]!.join('\n')).not.toContain('图1 ');
    const labels = pages.filter((lines) => /^附件\d+$/.test(lines[0]!)).map((lines) => lines[0]);
    expect(labels).toEqual(labels.map((_, index) => `附件${index + 1}`));
    expect(labels.length).toBeGreaterThan(1);
    const rest = pages.slice(first).flat().join('\n');
    const numbers = [...rest.matchAll(/^图(\d+) /gm)].map((match) => Number(match[1]));
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });

  it('prints on A4 with page numbers in the GB/T 9704 form', async () => {
    const { page } = await openReport();
    let pdf: Uint8Array;
    try {
      pdf = await page.pdf({ preferCSSPageSize: true });
    } finally {
      await page.close();
    }
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages[0], 'first page is A4 portrait').toSatisfy(isA4Portrait);
    const firstPage = (await pdfText(pdf)).split('\f')[0] ?? '';
    const footer = firstPage.trimEnd().split('\n').slice(-3).join('\n');
    // pdftotext drops the spaces around the number, so they are optional here.
    expect(/—\s*1\s*—/.test(firstPage), `no "— 1 —" on the first printed page; it ends with:\n${footer}`).toBe(true);
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    // The report's CSP forbids scripts, rightly; only this context lets axe in.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
      await page.addScriptTag({ content: axe.source });
      const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
      const grave = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`);
      expect(grave, grave.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
