/**
 * The workspace cache and the parallel parse: a rerun parses only what
 * changed, and whatever the cache holds (nothing, something stale, garbage)
 * the result is the one a cold run gives. Worker threads give the same
 * result as the main thread.
 */
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../src/load/code-fingerprint.js';
import { loadWorkspace } from '../../src/load/load-workspace.js';
import { unpackOutcome } from '../../src/load/pack-outcome.js';
import type { WorkspaceFs } from '../../src/load/read-regular-file.js';
import { NODE_FS } from '../../src/load/read-regular-file.js';
import { CACHE_FOLDER, readWorkspaceCache } from '../../src/load/workspace-cache.js';
import { cacheEntry, writeWorkspaceCache } from '../helpers/cache-records.js';
import { PARALLEL_THRESHOLD_BYTES } from '../../src/load/parse-in-parallel.js';
import { VERSION } from '../../src/version.js';
import { copyWorkspace, inProcess, spawned } from './hosts.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function example(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'revitalize-cache-'));
  roots.push(root);
  copyWorkspace('examples/jinkouhe', path.join(root, 'ws'));
  return path.join(root, 'ws');
}

/** What a load found, without the bookkeeping of how. */
const found = (loaded: Awaited<ReturnType<typeof loadWorkspace>>) => ({ entries: loaded.entries, problems: loaded.problems, suggestions: loaded.suggestions });

describe('workspace cache', () => {
  it('parses every file once, then only the file that changed', async () => {
    const ws = example();
    const cold = await loadWorkspace(ws, { today: '2023-05-01' });
    expect(cold.parsedFiles).toBe(cold.logFiles.length);
    const warm = await loadWorkspace(ws, { today: '2023-05-01' });
    expect(warm.parsedFiles).toBe(0);
    expect(found(warm)).toEqual(found(cold));

    appendFileSync(path.join(ws, 'logs/2023/04/永胜村.yaml'), '\n  - date: 2023-04-30\n    pillar: talent\n    kind: returnee\n    name: 王小明\n');
    const edited = await loadWorkspace(ws, { today: '2023-05-01' });
    expect(edited.parsedFiles).toBe(1);
    expect(edited.entries.length).toBe(cold.entries.length + 1);
    expect(found(edited)).toEqual(found(await loadWorkspace(ws, { today: '2023-05-01', cache: false })));
  });

  it('gives the cold result with a corrupt, truncated or foreign cache, and mends it', async () => {
    const ws = example();
    const cold = found(await loadWorkspace(ws, { cache: false }));
    await loadWorkspace(ws);
    // One shard per log folder: the example has eight months.
    const shards = readdirSync(path.join(ws, CACHE_FOLDER)).map((name) => path.join(ws, CACHE_FOLDER, name));
    expect(shards).toHaveLength(8);
    const [damaged, ...others] = shards;
    const good = readFileSync(damaged!);
    for (const bad of [Buffer.from('not a cache'), good.subarray(0, Math.floor(good.length / 2)), Buffer.alloc(0)]) {
      writeFileSync(damaged!, bad);
      const loaded = await loadWorkspace(ws);
      expect(found(loaded)).toEqual(cold);
      // Only the damaged shard's folder (seven files) is parsed again.
      expect(loaded.parsedFiles).toBe(7);
      expect((await loadWorkspace(ws)).parsedFiles).toBe(0);
    }
    for (const shard of others) writeFileSync(shard, 'garbage');
    expect(found(await loadWorkspace(ws))).toEqual(cold);
    rmSync(path.join(ws, CACHE_FOLDER), { recursive: true });
    expect(found(await loadWorkspace(ws))).toEqual(cold);
  });

  it('is set aside when another version wrote it, or when the village list changed', async () => {
    const ws = example();
    const loaded = await loadWorkspace(ws);
    const villages = loaded.config!.villages;
    expect((await readWorkspaceCache(ws, { version: '0.0.0-other', code: await codeFingerprint(), villages })).size).toBe(0);
    expect((await readWorkspaceCache(ws, { version: VERSION, code: await codeFingerprint(), villages })).size).toBe(loaded.logFiles.length);

    // Dropping a village from the config must bring its name back as an error, not a cached "fine".
    const config = path.join(ws, 'revitalize.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  - 新华村\n', ''));
    const narrowed = await loadWorkspace(ws);
    expect(narrowed.parsedFiles).toBe(narrowed.logFiles.length);
    expect(narrowed.problems.some((p) => p.code === 'E-UNKNOWN-VILLAGE' && p.params.value === '新华村')).toBe(true);
  });

  it('is set aside when the code that checks the logs changed, so a new check is not answered by the old one', async () => {
    const ws = example();
    const file = 'logs/2023/04/永胜村.yaml';
    appendFileSync(path.join(ws, file), '\n  - date: 2023-04-30\n    pillar: talent\n    kind: nonsense\n');
    const fresh = await loadWorkspace(ws, { cache: false });
    const errors = fresh.problems.filter((p) => p.file === file);
    expect(errors.length).toBeGreaterThan(0);

    // The outcome an older check gave this very text: no problems. Kept under that code's fingerprint.
    const villages = fresh.config!.villages;
    const oldKey = { version: VERSION, code: 'the code before', villages };
    await loadWorkspace(ws, { codeFingerprint: 'the code before' });
    const written = await readWorkspaceCache(ws, oldKey);
    const record = written.get(file)!;
    const outcome = unpackOutcome(record.outcome, file)!;
    written.set(file, cacheEntry(oldKey, file, record, { ...outcome, problems: [] }));
    await writeWorkspaceCache(ws, oldKey, written, new Set([file]));

    const sameCode = await loadWorkspace(ws, { codeFingerprint: 'the code before' });
    expect(sameCode.parsedFiles).toBe(0);
    expect(sameCode.problems.filter((p) => p.file === file)).toEqual([]);
    const newCode = await loadWorkspace(ws);
    expect(newCode.parsedFiles).toBe(newCode.logFiles.length);
    expect(newCode.problems.filter((p) => p.file === file)).toEqual(errors);
  });

  it('says which dates are after today on the day it is asked, cached or not', async () => {
    const ws = example();
    await loadWorkspace(ws, { today: '2023-12-31' });
    const early = await loadWorkspace(ws, { today: '2023-04-15' });
    expect(early.parsedFiles).toBe(0);
    expect(early.problems.filter((p) => p.code === 'W-DATE-IN-FUTURE')).toEqual(
      (await loadWorkspace(ws, { today: '2023-04-15', cache: false })).problems.filter((p) => p.code === 'W-DATE-IN-FUTURE'),
    );
    expect(early.problems.some((p) => p.code === 'W-DATE-IN-FUTURE')).toBe(true);
  });

  it('forgets a deleted log file', async () => {
    const ws = example();
    const before = await loadWorkspace(ws);
    rmSync(path.join(ws, 'logs/2022/01/共安村.yaml'));
    const after = await loadWorkspace(ws);
    expect(after.logFiles.length).toBe(before.logFiles.length - 1);
    expect(after.entries.some((entry) => entry.at.file === 'logs/2022/01/共安村.yaml')).toBe(false);
    expect(
      (await readWorkspaceCache(ws, { version: VERSION, code: await codeFingerprint(), villages: after.config!.villages })).has('logs/2022/01/共安村.yaml'),
    ).toBe(false);
  });
});

describe("workspace cache, going by the files' stamps", () => {
  /** The real file system, counting the log files it opens. */
  function countingFs() {
    const opened: string[] = [];
    const fs: WorkspaceFs = {
      ...NODE_FS,
      open: (file, flags) => {
        if (file.endsWith('.yaml') && file.includes(`${path.sep}logs${path.sep}`)) opened.push(file);
        return NODE_FS.open(file, flags);
      },
    };
    return { fs, opened };
  }
  /** A clock a minute ahead: every log's last change is long settled. */
  const later = () => Date.now() + 60_000;

  it('reads no log whose stamp is unchanged and settled, and gives the same result', async () => {
    const ws = example();
    const cold = await loadWorkspace(ws, { cache: false });
    const counted = countingFs();
    const first = await loadWorkspace(ws, { fs: counted.fs, cache: true, now: later });
    expect(counted.opened.length).toBe(first.logFiles.length);
    counted.opened.length = 0;
    const warm = await loadWorkspace(ws, { fs: counted.fs, cache: true, now: later });
    expect(counted.opened).toEqual([]);
    expect(warm.parsedFiles).toBe(0);
    expect(found(warm)).toEqual(found(cold));
  });

  it('reads and hashes a log that changed within a moment of being cached, even at the same size and time', async () => {
    const ws = example();
    const file = path.join(ws, 'logs/2023/04/永胜村.yaml');
    // Cached by the real clock, right after the copy: every log changed a moment ago.
    await loadWorkspace(ws);
    const counted = countingFs();
    const warm = await loadWorkspace(ws, { fs: counted.fs, cache: true });
    expect(counted.opened.length).toBe(warm.logFiles.length);
    expect(warm.parsedFiles).toBe(0);

    // The same size, and the modification time set back: the change time still tells.
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('attendees: 55', 'attendees: 56'));
    utimesSync(file, before.atimeMs / 1000, before.mtimeMs / 1000);
    expect(statSync(file).size).toBe(before.size);
    const edited = await loadWorkspace(ws, { now: later });
    expect(edited.parsedFiles).toBe(1);
    expect(found(edited)).toEqual(found(await loadWorkspace(ws, { cache: false })));
  });

  it('reads a log again once its permissions changed', async () => {
    const ws = example();
    await loadWorkspace(ws, { now: later });
    const file = 'logs/2023/04/永胜村.yaml';
    chmodSync(path.join(ws, file), 0o000);
    try {
      const loaded = await loadWorkspace(ws, { now: later });
      // Root reads any file: there the file is read as before, and its outcome served by its hash.
      if (process.getuid?.() !== 0) expect(loaded.problems.some((p) => p.file === file && p.code === 'E-FILE-UNREADABLE')).toBe(true);
    } finally {
      chmodSync(path.join(ws, file), 0o644);
    }
  });
});

/**
 * Rewrites every outcome kept in the cache's shards with `change`, as
 * someone editing a shard by hand would (the logs, and so their times, are
 * left alone). Outcomes are kept packed (pack-outcome.ts: a letter for the
 * form, then JSON or node:v8's bytes); an edited one is written back in
 * node:v8's form, which keeps any value.
 */
function editShards(ws: string, change: (outcome: Record<string, unknown>) => unknown): void {
  const rewrite = (packed: Uint8Array): Uint8Array => {
    const body = Buffer.from(packed).subarray(1);
    const value: unknown = packed[0] === 'J'.charCodeAt(0) ? JSON.parse(body.toString('utf8')) : deserialize(body);
    return Buffer.concat([Buffer.from('V'), serialize(change(value as Record<string, unknown>))]);
  };
  for (const name of readdirSync(path.join(ws, CACHE_FOLDER)).filter((each) => each.endsWith('.v8'))) {
    const shard = path.join(ws, CACHE_FOLDER, name);
    const content = deserialize(readFileSync(shard)) as { files: Map<string, { outcome: Uint8Array }> };
    for (const record of content.files.values()) record.outcome = rewrite(record.outcome);
    writeFileSync(shard, serialize(content));
  }
}

/** Every number kept under `field` anywhere in a value, set to `to`. */
function forge(value: unknown, field: string, to: number): unknown {
  if (Array.isArray(value)) return value.map((item) => forge(item, field, to));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = key === field && typeof record[key] === 'number' ? to : forge(record[key], field, to);
  return record;
}

describe('workspace cache, edited or made by someone else', () => {
  it('does not serve an outcome edited by hand for the text it was computed from', async () => {
    const ws = example();
    const cold = found(await loadWorkspace(ws, { cache: false }));
    await loadWorkspace(ws);
    editShards(ws, (outcome) => forge(outcome, 'attendees', 599_994));
    const loaded = await loadWorkspace(ws);
    expect(JSON.stringify(loaded.entries)).not.toContain('599994');
    expect(found(loaded)).toEqual(cold);
    // The files whose outcome was edited were parsed again (those without an attendance may be served as they were).
    expect(loaded.parsedFiles).toBeGreaterThan(0);
  });

  it('costs only a re-parse when a shard deserialises to the wrong shape', async () => {
    const ws = example();
    const cold = found(await loadWorkspace(ws, { cache: false }));
    const wrong: unknown[] = [
      {},
      null,
      { entries: [null], problems: [], refusedSuggestions: [] },
      { entries: [], problems: [{}], refusedSuggestions: [] },
      { entries: [{ kind: 'session' }], problems: [], refusedSuggestions: [] },
    ];
    for (const shape of wrong) {
      await loadWorkspace(ws);
      editShards(ws, () => structuredClone(shape));
      expect(found(await loadWorkspace(ws)), JSON.stringify(shape)).toEqual(cold);
    }
  });

  it('checks the shape of what it serves even when the digest was made again', async () => {
    const ws = example();
    const cold = found(await loadWorkspace(ws, { cache: false }));
    const key = { version: VERSION, code: await codeFingerprint(), villages: (await loadWorkspace(ws)).config!.villages };
    for (const shape of [
      null,
      { entries: [null], problems: [], refusedSuggestions: [] },
      { entries: [], problems: [{ code: 'E-NOPE' }], refusedSuggestions: [] },
    ]) {
      await loadWorkspace(ws);
      for (const name of readdirSync(path.join(ws, CACHE_FOLDER))) {
        const shard = path.join(ws, CACHE_FOLDER, name);
        const content = deserialize(readFileSync(shard)) as { files: Map<string, Parameters<typeof cacheEntry>[2]> };
        for (const [file, record] of content.files) content.files.set(file, cacheEntry(key, file, record, shape as never));
        writeFileSync(shard, serialize(content));
      }
      expect(found(await loadWorkspace(ws)), JSON.stringify(shape)).toEqual(cold);
    }
  });

  it('removes the temporary files of a run that was killed, and uses no cache folder that is a link', async () => {
    const ws = example();
    await loadWorkspace(ws);
    // A pid above any system's limit: its run has ended.
    const left = path.join(ws, CACHE_FOLDER, 'x.v8.999999999-0a0b0c0d.tmp');
    writeFileSync(left, 'half a shard');
    expect((await loadWorkspace(ws)).parsedFiles).toBe(0);
    expect(existsSync(left)).toBe(false);

    const elsewhere = mkdtempSync(path.join(tmpdir(), 'revitalize-elsewhere-'));
    roots.push(elsewhere);
    rmSync(path.join(ws, CACHE_FOLDER), { recursive: true });
    symlinkSync(elsewhere, path.join(ws, CACHE_FOLDER));
    const loaded = await loadWorkspace(ws);
    expect(loaded.parsedFiles).toBe(loaded.logFiles.length);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('parsing on all cores', () => {
  it('gives the built command (worker threads) the same report as the main thread', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'revitalize-parallel-'));
    roots.push(root);
    const ws = path.join(root, 'ws');
    const villages = Array.from({ length: 40 }, (_, i) => `村${String(i).padStart(2, '0')}`);
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'revitalize.yaml'), `region: 测试县\nvillages:\n${villages.map((v) => `  - ${v}`).join('\n')}\n`);
    let bytes = 0;
    for (let month = 1; month <= 6; month++) {
      const folder = path.join(ws, 'logs', '2023', String(month).padStart(2, '0'));
      mkdirSync(folder, { recursive: true });
      villages.forEach((village, v) => {
        let text = `village: ${village}\nentries:\n`;
        for (let i = 0; i < 30; i++) {
          const day = String(1 + ((i * 7 + v) % 28)).padStart(2, '0');
          const date = `2023-${String(month).padStart(2, '0')}-${day}`;
          text +=
            i % 3 === 0
              ? `  - date: ${date}\n    pillar: night-talk\n    kind: suggestion\n    id: ${village}-${month}-${i}\n    text: 路灯不亮\n${i % 2 ? `    resolved: 2023-${String(month).padStart(2, '0')}-28\n` : ''}`
              : i % 3 === 1
                ? `  - date: ${date}\n    pillar: talent\n    kind: training\n    topic: 电商\n    attendees: ${(i * 13) % 60}\n`
                : `  - date: ${date}\n    pillar: organization\n    kind: sale\n    product: 茶叶\n    quantity: ${1 + i}\n    unit: 公斤\n`;
        }
        // One mistake, so problems cross the thread boundary too.
        if (v === 7 && month === 3) text += '  - date: 2023-03-32\n    pillar: talent\n    kind: returnee\n    name: 李\n';
        writeFileSync(path.join(folder, `${village}.yaml`), text);
        bytes += Buffer.byteLength(text);
      });
    }
    expect(bytes).toBeGreaterThan(PARALLEL_THRESHOLD_BYTES);
    const args = ['check', 'ws', '--format', 'json'];
    const threads = await spawned(args, root);
    // At once again: every log changed a moment ago, so the workers read and hash each, find its text unchanged,
    // and the cache's outcome is served, with the text of the file with a mistake for its excerpt.
    const threadsAgain = await spawned(['check', 'ws'], root);
    rmSync(path.join(ws, CACHE_FOLDER), { recursive: true, force: true });
    const single = await inProcess(args, root);
    expect(threads.exitCode).toBe(1);
    expect(threads.stdout).toBe(single.stdout);
    rmSync(path.join(ws, CACHE_FOLDER), { recursive: true, force: true });
    const singleText = await inProcess(['check', 'ws'], root);
    expect(threadsAgain.stdout + threadsAgain.stderr).toContain('2023-03-32');
    expect(threadsAgain.stderr).toBe(singleText.stderr);
    expect(threadsAgain.stdout).toBe(singleText.stdout);

    writeFileSync(path.join(ws, 'logs/2023/03/村07.yaml'), readFileSync(path.join(ws, 'logs/2023/03/村07.yaml'), 'utf8').replace('2023-03-32', '2023-03-30'));
    const report = ['report', 'ws', '--month', '2023-06', '--format', 'json', '-o', '-', '--generated-on', '2023-07-01'];
    rmSync(path.join(ws, CACHE_FOLDER), { recursive: true, force: true });
    const threadReport = await spawned(report, root);
    rmSync(path.join(ws, CACHE_FOLDER), { recursive: true, force: true });
    const singleReport = await inProcess(report, root);
    expect(threadReport.exitCode, threadReport.stderr).toBe(0);
    expect(threadReport.stdout).toBe(singleReport.stdout);
  }, 60_000);
});
