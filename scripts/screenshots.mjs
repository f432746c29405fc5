// The README's pictures of the example report: how it reads on screen, and its
// first printed A4 page (the real PDF, with margins and page number). Run with
// `npm run screenshots`, which builds dist/ first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makeReport } from '../dist/make-report.js';
import { findChromium } from '../dist/render/find-chromium.js';
import { HEADLESS_CHROMIUM_ARGS, printPdf } from '../dist/render/print-pdf.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outputFolder = path.join(root, 'docs', 'screenshots');
const generatedOn = '2023-05-01';
// The title, the opening paragraph and the first pillars' tables: enough to
// show the report's look without a picture taller than the README around it.
const screen = { width: 1200, height: 900, shownHeight: 1500 };

async function exampleReportHtml() {
  const result = await makeReport({
    workspace: path.join(root, 'examples', 'jinkouhe'),
    month: '2023-04',
    formats: ['html'],
    generatedOn,
    today: generatedOn,
  });
  if (!result.ok) {
    const problems = result.problems.map((problem) => `${problem.file}:${problem.line}:${problem.col}: ${problem.code} ${JSON.stringify(problem.params)}`);
    throw new Error(`the example report has errors:\n${problems.join('\n')}`);
  }
  const html = result.rendered.get('html');
  if (typeof html !== 'string') throw new Error('the example report has no HTML rendering');
  return html;
}

async function saveScreenView(browserPath, html) {
  const browser = await chromium.launch({ executablePath: browserPath, args: [...HEADLESS_CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height } });
    await page.setContent(html, { waitUntil: 'load' });
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: path.join(outputFolder, 'report-screen.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: screen.width, height: Math.min(pageHeight, screen.shownHeight) },
    });
  } finally {
    await browser.close();
  }
}

async function saveFirstPrintedPage(browserPath, html) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-screenshots-'));
  try {
    const pdfFile = path.join(scratch, 'report.pdf');
    writeFileSync(pdfFile, await printPdf(html, { chromium: browserPath, generatedOn }));
    const args = ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(outputFolder, 'report-print')];
    const rendering = spawnSync('pdftoppm', args, { encoding: 'utf8' });
    if (rendering.error?.code === 'ENOENT') throw new Error('pdftoppm is missing: install poppler-utils (sudo apt-get install poppler-utils).');
    if (rendering.status !== 0) throw new Error(`pdftoppm failed: ${rendering.stderr}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  const browserPath = findChromium(process.env);
  if (!browserPath) throw new Error("no Chrome, Chromium or Edge found: install Debian's chromium (sudo apt-get install chromium) or set REVITALIZE_CHROMIUM.");
  const html = await exampleReportHtml();
  mkdirSync(outputFolder, { recursive: true });
  await saveScreenView(browserPath, html);
  await saveFirstPrintedPage(browserPath, html);
  console.log(`screenshots: wrote ${path.relative(root, outputFolder)}/report-screen.png and report-print.png`);
} catch (error) {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
