/** The one reader of files: only regular files, inside the folder given, never more than the cap, never waiting. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileRead, ReadRules } from '../../src/load/read-regular-file.js';
import {
  RealFolders,
  inspectRegularFile,
  isInside,
  readInspectedFile,
  readInspectedFileSync,
  readRegularFile,
  readRegularFileSync,
} from '../../src/load/read-regular-file.js';

const root = mkdtempSync(path.join(tmpdir(), 'revitalize-reader-'));
const ws = path.join(root, 'ws');
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(ws, 'sub'), { recursive: true });
writeFileSync(path.join(ws, 'log.yaml'), 'village: 永胜村\n');
writeFileSync(path.join(root, 'outside.yaml'), 'secret: 1\n');

/** What both readers say, which must be the same; and the same again through folders' real paths found once. */
async function both(file: string, rules: ReadRules): Promise<Omit<FileRead, 'bytes' | 'mtimeMs' | 'realPath'> & { text?: string }> {
  const summary = (read: FileRead) => (read.ok ? { ok: true as const, size: read.stamp.size, text: new TextDecoder().decode(read.bytes) } : read);
  const whole = await readRegularFile(path.join(ws, file), rules);
  const asynchronous = summary(whole);
  expect(summary(readRegularFileSync(path.join(ws, file), rules))).toEqual(asynchronous);
  const throughFolders = await readRegularFile(path.join(ws, file), { ...rules, realFolders: new RealFolders() });
  expect(summary(throughFolders)).toEqual(asynchronous);
  if (whole.ok && throughFolders.ok) expect(throughFolders.realPath).toBe(whole.realPath);
  return asynchronous;
}

const rules = { maxBytes: 1024, within: ws };

describe.skipIf(process.platform === 'win32')('readRegularFile', () => {
  it('reads a regular file in the folder, through a link in it too', async () => {
    symlinkSync('log.yaml', path.join(ws, 'alias.yaml'));
    expect(await both('log.yaml', rules)).toEqual({ ok: true, size: 19, text: 'village: 永胜村\n' });
    const read = await readRegularFile(path.join(ws, 'alias.yaml'), rules);
    expect(read.ok && read.realPath).toBe(path.join(ws, 'log.yaml'));
  });

  it('finds a file through a linked folder at its real path, its folder resolved once for all its files', async () => {
    writeFileSync(path.join(ws, 'sub', 'inner.yaml'), 'village: 永胜村\n');
    symlinkSync('sub', path.join(ws, 'linked'));
    expect(await both('linked/inner.yaml', rules)).toMatchObject({ ok: true, size: 19 });
    const folders = new RealFolders();
    const read = await readRegularFile(path.join(ws, 'linked', 'inner.yaml'), { ...rules, realFolders: folders });
    expect(read.ok && read.realPath).toBe(path.join(realpathSync(ws), 'sub', 'inner.yaml'));
    expect(await folders.of(path.join(ws, 'linked'))).toBe(realpathSync(path.join(ws, 'sub')));
  });

  it('refuses what leads out of the folder, unless no folder is given (a file named on the command line)', async () => {
    symlinkSync('../outside.yaml', path.join(ws, 'out.yaml'));
    symlinkSync('../..', path.join(ws, 'sub', 'up'));
    expect(await both('out.yaml', rules)).toEqual({ ok: false, reason: 'outside' });
    expect(await both('sub/up/outside.yaml', rules)).toEqual({ ok: false, reason: 'outside' });
    expect((await both('out.yaml', { maxBytes: 1024 })).ok).toBe(true);
  });

  it('tells a missing file, a link to nothing and a loop of links apart', async () => {
    symlinkSync('nowhere.yaml', path.join(ws, 'broken.yaml'));
    symlinkSync('loop-b.yaml', path.join(ws, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(ws, 'loop-b.yaml'));
    expect(await both('missing.yaml', rules)).toEqual({ ok: false, reason: 'missing' });
    expect(await both('broken.yaml', rules)).toEqual({ ok: false, reason: 'broken-link' });
    expect(await both('loop-a.yaml', rules)).toEqual({ ok: false, reason: 'link-loop' });
  });

  it('refuses FIFOs, devices and folders by name, without opening them', async () => {
    expect(spawnSync('mkfifo', [path.join(ws, 'pipe.yaml')]).status).toBe(0);
    symlinkSync('/dev/zero', path.join(ws, 'zero.yaml'));
    expect(await both('pipe.yaml', rules)).toEqual({ ok: false, reason: 'not-a-file', type: 'fifo' });
    expect(await both('zero.yaml', rules)).toEqual({ ok: false, reason: 'not-a-file', type: 'character-device' });
    expect(await both('sub', rules)).toEqual({ ok: false, reason: 'not-a-file', type: 'directory' });
    expect(await both('zero.yaml', { maxBytes: 1024 })).toEqual({ ok: false, reason: 'not-a-file', type: 'character-device' });
  });

  it('refuses a file over the cap unread', async () => {
    writeFileSync(path.join(ws, 'big.yaml'), 'x'.repeat(2000));
    expect(await both('big.yaml', rules)).toEqual({ ok: false, reason: 'too-large', bytes: 2000, maxBytes: 1024 });
    expect(await both('big.yaml', { ...rules, maxBytes: 2000 })).toMatchObject({ ok: true, size: 2000 });
  });
});

describe.skipIf(process.platform === 'win32')('readInspectedFile and readInspectedFileSync (a parse worker’s)', () => {
  /** A file looked at, then changed by `change` before it is read: what each reader says, which must be the same. */
  async function changedAfterLook(change: (file: string) => void): Promise<unknown> {
    const file = path.join(ws, 'changing.yaml');
    rmSync(file, { force: true });
    writeFileSync(file, 'village: 永胜村\n');
    const inspected = await inspectRegularFile(file, rules);
    if (!inspected.ok) throw new Error('not looked at');
    change(file);
    const summary = (read: FileRead) => (read.ok ? { ok: true as const, size: read.stamp.size } : read);
    const synchronous = summary(readInspectedFileSync(inspected, rules));
    expect(summary(await readInspectedFile(inspected, rules))).toEqual(synchronous);
    return synchronous;
  }

  it('check the open file again: a FIFO or a link put in its place, a file gone or grown past the cap', async () => {
    expect(await changedAfterLook(() => undefined)).toEqual({ ok: true, size: Buffer.byteLength('village: 永胜村\n') });
    const fifo = (file: string) => {
      rmSync(file);
      expect(spawnSync('mkfifo', [file]).status).toBe(0);
    };
    expect(await changedAfterLook(fifo)).toEqual({ ok: false, reason: 'not-a-file', type: 'fifo' });
    const link = (file: string) => {
      rmSync(file);
      symlinkSync('log.yaml', file);
    };
    expect(await changedAfterLook(link)).toEqual({ ok: false, reason: 'link-loop' });
    expect(await changedAfterLook((file) => rmSync(file))).toEqual({ ok: false, reason: 'missing' });
    expect(await changedAfterLook((file) => appendFileSync(file, 'x'.repeat(2000)))).toMatchObject({ ok: false, reason: 'too-large' });
  });
});

it('isInside knows a folder from its neighbour with a longer name', () => {
  expect(isInside('/a/ws/x', '/a/ws')).toBe(true);
  expect(isInside('/a/ws', '/a/ws')).toBe(true);
  expect(isInside('/a/ws2/x', '/a/ws')).toBe(false);
  expect(isInside('/a/x', '/a/ws')).toBe(false);
  expect(isInside('/a/ws/..x', '/a/ws')).toBe(true);
});
