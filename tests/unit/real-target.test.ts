/** Where a write lands, through every link, for paths that exist and paths that do not yet. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realTarget } from '../../src/write/real-target.js';

const scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'revitalize-real-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const at = (...parts: string[]) => path.join(scratch, ...parts);

describe('realTarget', () => {
  mkdirSync(at('ws', 'logs', '2023', '04'), { recursive: true });
  writeFileSync(at('ws', 'revitalize.yaml'), 'region: x\n');
  symlinkSync(at('ws', 'logs', '2023', '04'), at('out'));
  symlinkSync('ws/revitalize.yaml', at('config-link'));
  symlinkSync('config-link', at('link-to-link'));
  symlinkSync('ws/missing/deeper.md', at('dangling'));
  symlinkSync('loop-b', at('loop-a'));
  symlinkSync('loop-a', at('loop-b'));

  it('follows a link to a folder, for a file not there yet', async () => {
    expect(await realTarget(at('out', '2023-04.md'))).toBe(at('ws', 'logs', '2023', '04', '2023-04.md'));
  });

  it('follows links to links to a file', async () => {
    expect(await realTarget(at('link-to-link'))).toBe(at('ws', 'revitalize.yaml'));
  });

  it('follows a link to nothing to where it points, through folders that do not exist', async () => {
    expect(await realTarget(at('dangling'))).toBe(at('ws', 'missing', 'deeper.md'));
    expect(await realTarget(at('no', 'such', 'folder', 'x.md'))).toBe(at('no', 'such', 'folder', 'x.md'));
  });

  it('stops at a loop of links', async () => {
    await expect(realTarget(at('loop-a', 'x.md'))).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
