/**
 * Commands that write logs take the workspace's lock: clerks (or scripts)
 * running `add` and `resolve` at once lose no entry, get unique ids, and
 * resolve a suggestion once; the workspace checks clean after every race.
 * A lock a live writer keeps is told about plainly (exit 2); one a dead
 * process left is taken over.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LOCK_NAME, lockWorkspace } from '../../src/write/workspace-lock.js';
import { REPO, inProcess, inProcessWith } from './hosts.js';

const BIN = path.join(REPO, 'bin', 'revitalize.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LOG = 'logs/2023/04/永胜村.yaml';
const LOG_LOCK = LOCK_NAME;

/** The brief's workspace: the config and one log with a session and a suggestion. */
function workspace(): string {
  const cwd = mkdtempSync(path.join(scratch, 'ws-'));
  mkdirSync(path.join(cwd, 'ws', 'logs', '2023', '04'), { recursive: true });
  writeFileSync(path.join(cwd, 'ws', 'revitalize.yaml'), 'region: 测试乡\nvillages: [永胜村, 和平村]\n');
  writeFileSync(
    path.join(cwd, 'ws', LOG),
    'village: 永胜村\nentries:\n  - {date: 2023-04-08, pillar: night-talk, kind: session, form: 集中畅谈, attendees: 55}\n  - {date: 2023-04-08, pillar: night-talk, kind: suggestion, id: 永胜-20230408-01, text: 三组路灯不亮}\n',
  );
  return cwd;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], cwd: string): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))) };
}
const race = (commands: string[][], cwd: string) => Promise.all(commands.map((args) => start(args, cwd).done));

interface LoggedEntry {
  kind: string;
  id?: string;
  ref?: string;
  attendees?: number;
  text?: string;
}
const entriesOf = (cwd: string, file = LOG) => (parse(readFileSync(path.join(cwd, 'ws', file), 'utf8')) as { entries: LoggedEntry[] }).entries;

describe('racing writers', () => {
  it('lose nothing: ten rounds of 2 to 8 adds at once, sessions and suggestions of one village and day', async () => {
    for (let round = 0; round < 10; round++) {
      const cwd = workspace();
      const count = 2 + (round % 7);
      const commands = Array.from({ length: count }, (_, i) =>
        i % 2 === 0
          ? ['add', 'ws', '--kind', 'session', '--village', '永胜村', '--date', '2023-04-12', '--set', 'form=集中畅谈', '--set', `attendees=${100 + i}`]
          : ['add', 'ws', '--kind', 'suggestion', '--village', '永胜村', '--date', '2023-04-12', '--set', `text=第${i}条`],
      );
      const outcomes = await race(commands, cwd);
      for (const outcome of outcomes) expect(outcome.code, outcome.stderr).toBe(0);
      const entries = entriesOf(cwd);
      expect(entries).toHaveLength(2 + count);
      expect(
        entries
          .filter((e) => e.kind === 'session')
          .map((e) => e.attendees)
          .sort(),
      ).toEqual([55, ...commands.flatMap((_, i) => (i % 2 === 0 ? [100 + i] : []))].sort());
      const ids = entries.filter((e) => e.kind === 'suggestion').map((e) => e.id!);
      expect(new Set(ids).size, ids.join(' ')).toBe(ids.length);
      expect(ids.filter((id) => id.startsWith('永胜-20230412-')).sort()).toEqual(
        Array.from({ length: Math.floor(count / 2) }, (_, i) => `永胜-20230412-${String(i + 1).padStart(2, '0')}`),
      );
      const check = await inProcess(['check', 'ws'], cwd);
      expect(check.exitCode, check.stdout).toBe(0);
      expect(existsSync(path.join(cwd, 'ws', LOG_LOCK))).toBe(false);
    }
  }, 180_000);

  it('resolve a suggestion once: ten rounds of 2 to 8 resolves of one id at once, on different dates, with adds among them', async () => {
    for (let round = 0; round < 10; round++) {
      const cwd = workspace();
      const count = 2 + (round % 7);
      const resolves = Array.from({ length: count }, (_, i) => ['resolve', '永胜-20230408-01', 'ws', '--date', `2023-04-${String(20 + i).padStart(2, '0')}`]);
      const adds = [['add', 'ws', '--kind', 'session', '--village', '和平村', '--date', '2023-04-15', '--set', 'form=入户访谈', '--set', 'attendees=8']];
      const outcomes = await race([...resolves, ...adds], cwd);
      const resolved = outcomes.slice(0, count);
      expect(
        resolved.filter((o) => o.code === 0),
        JSON.stringify(outcomes),
      ).toHaveLength(1);
      for (const refused of resolved.filter((o) => o.code !== 0)) {
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('被重复办结');
      }
      expect(outcomes.at(-1)!.code, outcomes.at(-1)!.stderr).toBe(0);
      expect(entriesOf(cwd).filter((e) => e.kind === 'resolution')).toHaveLength(1);
      expect(entriesOf(cwd, 'logs/2023/04/和平村.yaml')).toHaveLength(1);
      expect((await inProcess(['check', 'ws'], cwd)).exitCode).toBe(0);
    }
  }, 180_000);
});

describe('the workspace lock', () => {
  it("kept by a live writer: add waits, then says so in the workspace's language, and writes nothing", async () => {
    const cwd = workspace();
    const root = path.join(cwd, 'ws');
    const before = readFileSync(path.join(root, LOG), 'utf8');
    const lock = await lockWorkspace(root);
    try {
      const started = Date.now();
      const added = await inProcessWith(
        { lockTiming: { waitMs: 600 } },
        ['add', 'ws', '--kind', 'returnee', '--village', '永胜村', '--date', '2023-04-12', '--set', 'name=王五'],
        cwd,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      expect(added.exitCode).toBe(2);
      expect(added.stderr).toBe(
        'revitalize: 另一个 revitalize 命令（add 或 resolve）正在写入工作区 ws，等了 1 秒仍未结束，没有写入：请稍后重新运行 revitalize add\n' +
          '  提示：如果确定没有其他 revitalize 在运行，删除 ws 中的 .revitalize-lock 文件夹后再试\n',
      );
      const resolved = await inProcessWith({ lockTiming: { waitMs: 100 } }, ['--locale', 'en', 'resolve', '永胜-20230408-01', 'ws'], cwd);
      expect(resolved.exitCode).toBe(2);
      expect(resolved.stderr).toContain('another revitalize command (add or resolve) is writing to the workspace ws');
      expect(readFileSync(path.join(root, LOG), 'utf8')).toBe(before);
    } finally {
      await lock.release();
    }
    expect((await inProcess(['add', 'ws', '--kind', 'returnee', '--village', '永胜村', '--date', '2023-04-12', '--set', 'name=王五'], cwd)).exitCode).toBe(0);
  });

  it('left by a dead process: taken over once it is stale', async () => {
    const cwd = workspace();
    const lock = path.join(cwd, 'ws', LOG_LOCK);
    mkdirSync(lock);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    const added = await inProcess(['add', 'ws', '--kind', 'returnee', '--village', '永胜村', '--date', '2023-04-12', '--set', 'name=王五'], cwd);
    expect(added.exitCode, added.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('held by a process killed with SIGKILL: the next add waits until the lock is stale, then writes', async () => {
    const cwd = workspace();
    const root = path.join(cwd, 'ws');
    const module = pathToFileURL(path.join(REPO, 'dist', 'write', 'workspace-lock.js')).href;
    const holder = spawn(process.execPath, [
      '-e',
      `import(${JSON.stringify(module)}).then((m) => m.lockWorkspace(${JSON.stringify(root)})).then(() => { console.log('locked'); setInterval(() => {}, 1000); })`,
    ]);
    await new Promise<void>((resolve) => holder.stdout!.on('data', () => resolve()));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('close', resolve));
    expect(existsSync(path.join(root, LOG_LOCK))).toBe(true);
    const started = Date.now();
    const added = await start(['add', 'ws', '--kind', 'returnee', '--village', '永胜村', '--date', '2023-04-12', '--set', 'name=王五'], cwd).done;
    expect(added.code, added.stderr).toBe(0);
    // Not before the lock went stale (5 s after it was last touched), and within the 10 s a writer waits.
    expect(Date.now() - started).toBeGreaterThan(3_000);
    expect(entriesOf(cwd).at(-1)).toMatchObject({ kind: 'returnee' });
  }, 30_000);

  it('is a folder no log glob reads, even one that reads every file', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'ws', 'revitalize.yaml'), 'region: 测试乡\nlogs: "**/*"\n');
    mkdirSync(path.join(cwd, 'ws', LOG_LOCK));
    writeFileSync(path.join(cwd, 'ws', LOG_LOCK, 'stray.yaml'), 'not: [a log\n');
    const check = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(check.exitCode, check.stdout).toBe(0);
    expect((JSON.parse(check.stdout) as { file: string }[]).filter((found) => found.file.startsWith(LOG_LOCK))).toEqual([]);
  });
});
