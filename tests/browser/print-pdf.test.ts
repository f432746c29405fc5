import { describe, expect, it } from 'vitest';
import { printPdf } from '../../src/render/print-pdf.js';
import { requireChromium } from './chromium.js';
import { exampleReportHtml } from './example-report.js';
import { isA4Portrait, pdfPages } from './pdf-pages.js';

const latin1 = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

describe('printPdf', { timeout: 120_000 }, () => {
  it('prints the report as an A4 PDF dated by the report, the same bytes every time', async () => {
    const html = await exampleReportHtml();
    const options = { chromium: requireChromium(), generatedOn: '2023-05-01' };
    const first = await printPdf(html, options);
    // Chromium stamps the time to the second: wait so a missed stamp would show.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const second = await printPdf(html, options);

    expect(latin1(first.subarray(0, 5))).toBe('%PDF-');
    const pages = pdfPages(first);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.every(isA4Portrait), JSON.stringify(pages)).toBe(true);
    expect(latin1(first)).toContain("/CreationDate (D:20230501000000+00'00')");
    expect(latin1(first)).toContain("/ModDate (D:20230501000000+00'00')");
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second)), 'two prints differ').toBe(0);
  });

  it('refuses a report date that is not YYYY-MM-DD', async () => {
    await expect(printPdf('<p>x</p>', { chromium: '/nonexistent', generatedOn: '1 May 2023' })).rejects.toThrow(RangeError);
  });

  it('names the browser it could not start', async () => {
    await expect(printPdf('<p>x</p>', { chromium: '/nonexistent/chromium', generatedOn: '2023-05-01' })).rejects.toMatchObject({
      name: 'ChromiumLaunchError',
      executablePath: '/nonexistent/chromium',
    });
  });

  it('gives up on a page that never finishes loading', async () => {
    const neverLoads = '<script>for (;;) {}</script>';
    const started = Date.now();
    await expect(printPdf(neverLoads, { chromium: requireChromium(), generatedOn: '2023-05-01', timeoutMs: 3_000 })).rejects.toMatchObject({
      name: 'PrintTimeoutError',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
