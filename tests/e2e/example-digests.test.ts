/**
 * The example's report in six formats, byte for byte: the SHA-256 of each
 * file is committed (tests/golden/example-digests/digests.json), so any
 * change of output shows here, and the same test run on another Node
 * version (`npm run test:node24`) proves the output does not depend on it.
 * The two binary formats are zip archives written with fixed dates and
 * order (render/stable-zip.ts); a digest that changes with the Node
 * version would mean a library now writes differently there.
 * `UPDATE_GOLDEN=1` rewrites the digests after an intended change.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO, copyWorkspace, inProcess } from './hosts.js';

const FORMATS = ['md', 'html', 'json', 'csv', 'xlsx', 'docx'];
const DIGESTS = path.join(REPO, 'tests', 'golden', 'example-digests', 'digests.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-digests-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it(`writes the example's ${FORMATS.join(', ')} byte for byte as committed, on Node ${process.versions.node}`, async () => {
  copyWorkspace('examples/jinkouhe', path.join(scratch, 'ws'));
  const run = await inProcess(['report', 'ws', '--month', '2023-04', '--format', FORMATS.join(','), '--generated-on', '2023-05-01', '-o', 'out'], scratch);
  expect(run.exitCode, run.stderr).toBe(0);
  const digests = Object.fromEntries(
    FORMATS.map((format) => [
      `2023-04.${format}`,
      createHash('sha256')
        .update(readFileSync(path.join(scratch, 'out', `2023-04.${format}`)))
        .digest('hex'),
    ]),
  );
  if (process.env.UPDATE_GOLDEN) writeFileSync(DIGESTS, `${JSON.stringify(digests, null, 2)}\n`);
  expect(digests).toEqual(JSON.parse(readFileSync(DIGESTS, 'utf8')));
});
