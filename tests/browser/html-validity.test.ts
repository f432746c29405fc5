/** The HTML report is valid HTML by the Nu HTML Checker (the W3C validator's engine), run locally. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleReportHtml } from './example-report.js';
import { runTool } from './run-tool.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-vnu-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

describe('the jinkouhe HTML report', { timeout: 120_000 }, () => {
  it('passes the Nu HTML Checker without errors', async () => {
    const reportFile = path.join(scratch, '2023-04.html');
    writeFileSync(reportFile, await exampleReportHtml());
    const vnu = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');
    const run = await runTool('java', ['-jar', vnu, '--errors-only', '--format', 'json', reportFile]);
    if (run.missing) throw new Error('java is missing: install a Java runtime (sudo apt-get install default-jre-headless) to run the Nu HTML Checker.');
    // vnu writes its JSON report to standard error.
    const report = [run.stderr, run.stdout].map((output) => output.trim()).find((output) => output.startsWith('{'));
    if (!report) throw new Error(`the Nu HTML Checker gave no JSON (exit ${run.code}): ${run.stderr}`);
    const { messages } = JSON.parse(report) as { messages: VnuMessage[] };
    const errors = messages
      .filter((message) => message.type !== 'info')
      .map((message) => `line ${message.lastLine ?? '?'}: ${message.message}${message.extract ? ` in ${JSON.stringify(message.extract)}` : ''}`);
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
