import path from 'node:path';
import { NODE_FS } from '../../src/load/read-regular-file.js';
import { makeReport } from '../../src/make-report.js';

let rendering: Promise<string> | undefined;

/** The example workspace's April 2023 HTML report, made in-process once per test file. */
export function exampleReportHtml(): Promise<string> {
  rendering ??= (async () => {
    const result = await makeReport({
      workspace: path.resolve('examples/jinkouhe'),
      month: '2023-04',
      formats: ['html'],
      generatedOn: '2023-05-01',
      today: '2023-05-01',
      // Its own file access: read in place, the example gets no workspace cache.
      fs: NODE_FS,
    });
    const html = result.ok ? result.rendered.get('html') : undefined;
    if (typeof html !== 'string') throw new Error(`the example report did not render: ${JSON.stringify(result.problems, null, 2)}`);
    return html;
  })();
  return rendering;
}
