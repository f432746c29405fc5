/** The cache's key follows the code: any module the log parser reaches, however deep, changes the fingerprint; others do not. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFingerprint, fingerprintFrom } from '../../src/load/code-fingerprint.js';

const root = mkdtempSync(path.join(tmpdir(), 'revitalize-fingerprint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

describe('the code fingerprint', () => {
  it('changes with any module the entry reaches, and with no other', async () => {
    write({
      'load/entry.js':
        "import { a } from './a.js';\nimport {\n  b,\n} from '../check/b.js';\nimport type { T } from './types.js';\nexport * from './c.js';\nconst later = () => import('./d.js');\n",
      'load/a.js': 'export const a = 1;\n',
      'check/b.js': "import { a } from '../load/a.js';\nexport const b = 2;\n",
      'load/c.js': 'export const c = 3;\n',
      'load/d.js': 'export const d = 4;\n',
      'load/types.js': 'export {};\n',
      'load/unrelated.js': 'export const u = 5;\n',
    });
    const entry = path.join(root, 'load/entry.js');
    const first = await fingerprintFrom(entry);
    expect(await fingerprintFrom(entry)).toBe(first);

    write({ 'load/unrelated.js': 'export const u = 6;\n', 'load/types.js': 'export type T = 1;\n' });
    expect(await fingerprintFrom(entry)).toBe(first);

    const seen = new Set([first]);
    for (const [name, text] of [
      ['check/b.js', "import { a } from '../load/a.js';\nexport const b = 3;\n"],
      ['load/c.js', 'export const c = 4;\n'],
      ['load/d.js', 'export const d = 5;\n'],
      ['load/a.js', 'export const a = 2;\n'],
    ] as const) {
      write({ [name]: text });
      const changed = await fingerprintFrom(entry);
      expect(seen.has(changed), name).toBe(false);
      seen.add(changed);
    }
  });

  it('covers the parser, the validator and the schema of the running code, in a few milliseconds', async () => {
    const started = performance.now();
    const fingerprint = await codeFingerprint();
    const took = performance.now() - started;
    expect(fingerprint).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(took).toBeLessThan(500);
  });
});
