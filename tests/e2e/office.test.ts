/**
 * The Word report as an office suite sees it: the example's April 2023 report
 * goes through LibreOffice to PDF, and the figures a reader checks against the
 * article must be on the printed A4 pages, with the "— 1 —" page number.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('the DOCX report in LibreOffice', () => {
  it('prints the jinkouhe April 2023 figures on A4 pages numbered "— 1 —"', { timeout: 120_000 }, async () => {
    requireTools();

    const result = await makeReport({
      workspace: path.join(REPO, 'examples/jinkouhe'),
      month: '2023-04',
      formats: ['md'],
      generatedOn: '2023-05-01',
      today: '2023-05-01',
    });
    if (!result.ok) throw new Error(`the example workspace has errors: ${JSON.stringify(result.problems)}`);
    const markdown = result.rendered.get('md');
    if (typeof markdown !== 'string') throw new Error('makeReport gave no Markdown report');
    const { report } = result;
    const docx = await renderDocx(markdown, { title: report.heading, region: report.region, locale: report.locale, generatedOn: report.generatedOn });

    const docxFile = path.join(scratch, '2023-04.docx');
    writeFileSync(docxFile, docx);
    // A profile of its own, so parallel runs and a desktop LibreOffice do not lock each other out.
    const profile = pathToFileURL(path.join(scratch, 'lo-profile')).href;
    const convert = spawnSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', scratch, docxFile],
      { encoding: 'utf8', timeout: 110_000 },
    );
    const pdfFile = path.join(scratch, '2023-04.pdf');
    expect(convert.status, `soffice failed:\n${convert.stdout}\n${convert.stderr}`).toBe(0);
    expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);

    // pdftotext reports the gaps LibreOffice leaves between CJK and digits as
    // spaces, and lines wrap where the page ends: neither is in the document.
    const printed = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    const text = printed.replace(/\s+/g, '');
    expect(report.heading).toBe('金口河区“四联”模式推动乡村振兴工作月报（2023年4月）');
    expect(text).toContain(report.heading);
    expect(text).toContain('征求意见建议132条');
    expect(text).toContain('解决诉求93件');
    expect(text).toContain('办结率70.5%');
    expect(text).toContain('总投资3050万元');
    expect(text).toContain('销售20万斤');
    expect(printed).toMatch(/132/);
    expect(printed).toMatch(/\b93\b/);
    expect(printed).toContain('70.5%');
    expect(printed).toMatch(/3050\s*万元/);
    expect(printed).toMatch(/20\s*万斤/);
    expect(printed).toMatch(/乐山市金口河区\s*\n\s*2023\s*年\s*5\s*月\s*1\s*日/);

    // -layout swallows the half-width spaces beside the page number (narrower
    // than its gap threshold); the reading-order text keeps them.
    const inReadingOrder = execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8' });
    expect(inReadingOrder).toContain('— 1 —');
    expect(printed).toMatch(/—\s*1\s*—/);
  });
});
