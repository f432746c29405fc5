/**
 * The cache brought in line one shard at a time: a folder's shard is
 * written once the last of its files is settled (not at the end of the
 * run), only when something in it changed, and shards of folders the run
 * no longer has are deleted.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheKey, CachedLogFile } from '../../src/load/workspace-cache.js';
import { CACHE_FOLDER, CacheUpdate, readWorkspaceCache } from '../../src/load/workspace-cache.js';
import { cacheEntry } from '../helpers/cache-records.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function workspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'revitalize-cache-update-'));
  roots.push(root);
  return root;
}

const key: CacheKey = { version: '0.0.0-test', code: 'test', villages: undefined };

function record(file: string, hash = 'h'): CachedLogFile {
  const stamp = { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1 };
  return cacheEntry(key, file, { stamp, checkedAt: 10_000, hash, gb18030: false }, { entries: [], problems: [], refusedSuggestions: [] });
}

const shards = (root: string) => (existsSync(path.join(root, CACHE_FOLDER)) ? readdirSync(path.join(root, CACHE_FOLDER)).sort() : []);

async function eventually(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe('CacheUpdate', () => {
  it("writes a folder's shard once its files are settled, before the run ends", async () => {
    const root = workspace();
    const files = ['logs/a/1.yaml', 'logs/a/2.yaml', 'logs/b/1.yaml'];
    const update = new CacheUpdate(root, key, new Map(), files);
    update.settle('logs/a/1.yaml', record('logs/a/1.yaml'), true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shards(root)).toEqual([]);
    update.settle('logs/a/2.yaml', record('logs/a/2.yaml'), true);
    await eventually(() => shards(root).length === 1);
    update.settle('logs/b/1.yaml', record('logs/b/1.yaml'), true);
    await update.finish();
    expect(shards(root)).toHaveLength(2);
    expect([...(await readWorkspaceCache(root, key)).keys()].sort()).toEqual(files);
  });

  it('leaves shards alone when nothing changed, and rewrites or deletes those that lost files', async () => {
    const root = workspace();
    const first = new CacheUpdate(root, key, new Map(), ['logs/a/1.yaml', 'logs/a/2.yaml', 'logs/b/1.yaml', 'logs/c/1.yaml']);
    for (const file of ['logs/a/1.yaml', 'logs/a/2.yaml', 'logs/b/1.yaml', 'logs/c/1.yaml']) first.settle(file, record(file), true);
    await first.finish();
    expect(shards(root)).toHaveLength(3);
    const previous = await readWorkspaceCache(root, key);
    const modified = () => new Map(shards(root).map((name) => [name, statSync(path.join(root, CACHE_FOLDER, name)).mtimeMs]));

    // The same files, unchanged: nothing is written.
    const before = modified();
    const same = new CacheUpdate(root, key, previous, previous.keys());
    for (const [file, cached] of previous) same.settle(file, cached, false);
    await same.finish();
    expect(modified()).toEqual(before);

    // logs/a/2.yaml is gone and logs/c/ with it: a's shard is rewritten without it, c's deleted, b's left.
    const after = new CacheUpdate(root, key, previous, ['logs/a/1.yaml', 'logs/b/1.yaml']);
    after.settle('logs/a/1.yaml', previous.get('logs/a/1.yaml'), false);
    after.settle('logs/b/1.yaml', previous.get('logs/b/1.yaml'), false);
    await after.finish();
    expect(shards(root)).toHaveLength(2);
    expect([...(await readWorkspaceCache(root, key)).keys()].sort()).toEqual(['logs/a/1.yaml', 'logs/b/1.yaml']);

    // A file that could not be read this time has no record: its shard is rewritten without it.
    const current = await readWorkspaceCache(root, key);
    const unreadable = new CacheUpdate(root, key, current, ['logs/a/1.yaml', 'logs/b/1.yaml']);
    unreadable.settle('logs/a/1.yaml', undefined, false);
    unreadable.settle('logs/b/1.yaml', current.get('logs/b/1.yaml'), false);
    await unreadable.finish();
    expect([...(await readWorkspaceCache(root, key)).keys()]).toEqual(['logs/b/1.yaml']);
    expect(shards(root)).toHaveLength(1);
  });

  it('is silent when the cache cannot be written', async () => {
    const root = workspace();
    // A file where the cache's folder would be.
    writeFileSync(path.join(root, CACHE_FOLDER), 'not a folder');
    const update = new CacheUpdate(root, key, new Map(), ['logs/a/1.yaml']);
    update.settle('logs/a/1.yaml', record('logs/a/1.yaml'), true);
    await expect(update.finish()).resolves.toBeUndefined();
    expect(readFileSync(path.join(root, CACHE_FOLDER), 'utf8')).toBe('not a folder');
  });
});
