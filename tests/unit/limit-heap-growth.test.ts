/**
 * limitHeapGrowth changes V8 flags for the whole process, so each case runs
 * in a child process of its own, on the built module (dist/).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LARGE_WORKSPACE_BYTES } from '../../src/load/limit-heap-growth.js';
import { REPO } from '../helpers/yaml-fixtures.js';

const MODULE = pathToFileURL(path.join(REPO, 'dist/load/limit-heap-growth.js')).href;

/** The young generation's size before and after keeping a few million small objects, having told limitHeapGrowth of `logBytes` (after allowHeapTuning, unless not `allowed`). */
function newSpaceGrowth(logBytes: number, allowed = true): { before: number; after: number } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { allowHeapTuning, limitHeapGrowth } from ${JSON.stringify(MODULE)};
    const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
    if (${allowed}) allowHeapTuning();
    limitHeapGrowth(${logBytes});
    const before = newSpace();
    const kept = [];
    for (let i = 0; i < 2e6; i++) kept.push({ i, text: 'x' + i });
    console.log(JSON.stringify({ before, after: newSpace(), kept: kept.length }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { before: number; after: number };
}

describe('limitHeapGrowth', () => {
  it('leaves a small workspace’s young generation to grow as V8 likes', () => {
    const { before, after } = newSpaceGrowth(LARGE_WORKSPACE_BYTES - 1);
    // From a megabyte to 32 MB (Node 20) or 128 MB (Node 24, on a machine of many gigabytes).
    expect(after).toBeGreaterThan(16 * before);
  });

  it('leaves a library user’s process as it is, however large the workspace', () => {
    const { before, after } = newSpaceGrowth(LARGE_WORKSPACE_BYTES, false);
    expect(after).toBeGreaterThan(16 * before);
  });

  it('keeps the young generation from growing for a large workspace, in the command’s own process', () => {
    const limited = newSpaceGrowth(LARGE_WORKSPACE_BYTES);
    const free = newSpaceGrowth(LARGE_WORKSPACE_BYTES, false);
    // Held at a few megabytes (its second half is only committed at the first collection, and Node 24, busy,
    // still adds a page or two), where left alone it grows to 32 MB (Node 20) or 128 MB (Node 24).
    expect(limited.after * 8).toBeLessThanOrEqual(free.after);
  });
});
