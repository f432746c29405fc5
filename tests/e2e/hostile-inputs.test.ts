/**
 * The read path against inputs made to break it: files out of the
 * workspace, FIFOs and devices where files should be, links that loop,
 * folders that may not be opened, globs and JSON made to exhaust the stack,
 * and files large enough to overflow a spread or make printing quadratic.
 * Each must end promptly with a located problem, never hang, crash or read
 * what it should not. Workspaces are made in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, inProcess } from './hosts.js';

const BIN = path.join(REPO, 'bin', 'revitalize.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const POSIX = process.platform !== 'win32';

const CONFIG = 'region: 测试乡\nrecipient: 区委组织部\nissuer: 中共测试乡委员会\n';
const LOG = [
  'village: 永胜村',
  'pillar: night-talk',
  'entries:',
  '  - date: 2023-04-08',
  '    kind: session',
  '    form: 集中畅谈',
  '    attendees: 35',
  '  - date: 2023-04-08',
  '    kind: suggestion',
  '    id: 永胜-20230408-01',
  '    text: 三组路灯不亮',
  '',
].join('\n');

let count = 0;
/** A minimal workspace (one session, one suggestion) in a fresh folder; returns the folder holding it as `ws`. */
function workspace(config = CONFIG): { cwd: string; ws: string } {
  const cwd = path.join(scratch, `case-${count++}`);
  const ws = path.join(cwd, 'ws');
  mkdirSync(path.join(ws, 'logs/2023/04'), { recursive: true });
  writeFileSync(path.join(ws, 'revitalize.yaml'), config);
  writeFileSync(path.join(ws, 'logs/2023/04/永胜村.yaml'), LOG);
  return { cwd, ws };
}

interface Listed {
  file: string;
  line: number;
  code: string;
}

async function checkJson(cwd: string, ...args: string[]): Promise<{ exitCode: number; problems: Listed[] }> {
  const run = await inProcess(['check', 'ws', '--format', 'json', ...args], cwd);
  expect(run.stderr).toBe('');
  return { exitCode: run.exitCode, problems: JSON.parse(run.stdout) as Listed[] };
}

/** The built command, killed if it has not ended within `seconds`: a hang shows as `timedOut`. */
function spawnedWithin(seconds: number, args: string[], cwd: string, options: { uid?: number; gid?: number } = {}) {
  const started = performance.now();
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: seconds * 1000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1' },
    ...options,
  });
  return {
    status: child.status,
    timedOut: child.status === null,
    stdout: child.stdout,
    stderr: child.stderr,
    ms: performance.now() - started,
    cannotStart: (child.error as NodeJS.ErrnoException | undefined)?.code === 'EACCES',
  };
}

function mkfifo(file: string): void {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo ${file} failed`);
}

describe('files outside the workspace', () => {
  it('are reached neither by a glob of logs nor by a link', async () => {
    const { cwd, ws } = workspace(`${CONFIG}logs: ["../../../../etc/passwd", "../g1secret/*.yaml", "/etc/*.conf", "logs/**/*.yaml"]\n`);
    mkdirSync(path.join(cwd, 'g1secret'));
    writeFileSync(path.join(cwd, 'g1secret/秘密.yaml'), 'village: 秘密村\nentries: []\n');
    symlinkSync('/etc/passwd', path.join(ws, 'logs/passwd.yaml'));
    const { exitCode, problems } = await checkJson(cwd);
    expect(exitCode).toBe(1);
    expect(problems.map(({ file, line, code }) => `${file}:${line} ${code}`)).toEqual([
      'logs/passwd.yaml:0 E-FILE-OUTSIDE-WORKSPACE',
      'revitalize.yaml:4 E-GLOB-OUTSIDE-WORKSPACE',
      'revitalize.yaml:4 E-GLOB-OUTSIDE-WORKSPACE',
      'revitalize.yaml:4 E-GLOB-OUTSIDE-WORKSPACE',
    ]);
    const text = await inProcess(['check', 'ws'], cwd);
    expect(text.stdout).not.toMatch(/root:|秘密村/);
    expect(text.stdout).toContain('是绝对路径');
  });
});

describe.skipIf(!POSIX)('FIFOs and devices where files should be', () => {
  it('are refused by name, at once, wherever the tool reads', () => {
    // A log, the config, a notes file, a template and a cache shard, each a FIFO no one writes to.
    const places: [string, string[], string][] = [
      ['logs/2023/04/管道.yaml', ['check', 'ws'], 'logs/2023/04/管道.yaml: 错误：这不是普通文件，而是一个命名管道（FIFO）'],
      ['revitalize.yaml', ['check', 'ws'], 'revitalize.yaml: 错误：这不是普通文件，而是一个命名管道（FIFO）'],
      ['notes/2023-04.md', ['check', 'ws', '--month', '2023-04'], 'notes/2023-04.md: 错误：这不是普通文件，而是一个命名管道（FIFO）'],
      [
        'templates/zh-CN/report.md.liquid',
        ['check', 'ws', '--month', '2023-04'],
        'templates/zh-CN/report.md.liquid: 错误：这不是普通文件，而是一个命名管道（FIFO）',
      ],
      ['.revitalize-cache/0000.v8', ['check', 'ws'], '没有发现问题'],
    ];
    for (const [file, args, said] of places) {
      const { cwd, ws } = workspace();
      mkdirSync(path.dirname(path.join(ws, file)), { recursive: true });
      rmSync(path.join(ws, file), { force: true });
      mkfifo(path.join(ws, file));
      const run = spawnedWithin(10, args, cwd);
      expect(run.timedOut, file).toBe(false);
      expect(run.stdout + run.stderr, file).toContain(said);
    }
    // Rollup inputs are named on the command line: a FIFO or a device there is a usage error.
    const { cwd } = workspace();
    mkfifo(path.join(cwd, 'in.json'));
    for (const input of ['in.json', '/dev/zero', '/dev/urandom']) {
      const run = spawnedWithin(10, ['rollup', input, '--region', '区'], cwd);
      expect(run.timedOut, input).toBe(false);
      expect(run.status, input).toBe(2);
      expect(run.stderr, input).toMatch(/它不是普通文件，而是一个(命名管道（FIFO）|设备文件)/);
    }
  });

  it('do not pass the size limit as links to /dev/zero or /dev/urandom', async () => {
    const { cwd, ws } = workspace();
    symlinkSync('/dev/zero', path.join(ws, 'logs/zero.yaml'));
    symlinkSync('/dev/urandom', path.join(ws, 'logs/random.yaml'));
    const run = spawnedWithin(10, ['check', 'ws', '--format', 'json'], cwd);
    expect(run.timedOut).toBe(false);
    const problems = JSON.parse(run.stdout) as Listed[];
    expect(problems.map(({ file, code }) => `${file} ${code}`)).toEqual(['logs/random.yaml E-NOT-A-FILE', 'logs/zero.yaml E-NOT-A-FILE']);
  });
});

describe.skipIf(!POSIX)('links and folders', () => {
  it('tell a loop of links from a missing file, and read a file reached twice once', async () => {
    const { cwd, ws } = workspace();
    const april = path.join(ws, 'logs/2023/04');
    symlinkSync('自己.yaml', path.join(april, '自己.yaml'));
    // A link to the folder above would be walked forty levels deep, the log read again at each.
    symlinkSync('..', path.join(april, '上一层'));
    symlinkSync('永胜村.yaml', path.join(april, '别名.yaml'));
    const { problems } = await checkJson(cwd);
    expect(problems.map(({ file, code }) => `${file} ${code}`)).toEqual(['logs/2023/04/自己.yaml E-LINK-LOOP']);
    const text = await inProcess(['check', 'ws'], cwd);
    expect(text.stdout).toContain('链接绕回了自己');
    expect(text.stdout).toContain('共检查 2 个日志文件、2 条有效记录');
  });

  // Root reads any folder: the test then runs the command as nobody.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  it('report a folder that may not be opened at the folder, and the workspace itself as a usage error', (context) => {
    const { cwd, ws } = workspace();
    const may = path.join(ws, 'logs/2023/05');
    mkdirSync(may);
    writeFileSync(path.join(may, '永胜村.yaml'), LOG.replaceAll('2023-04-08', '2023-05-08').replace('20230408', '20230508'));
    for (const folder of [scratch, cwd, ws, path.join(ws, 'logs'), path.join(ws, 'logs/2023'), path.join(ws, 'logs/2023/04')]) chmodSync(folder, 0o755);
    chmodSync(may, 0o000);
    try {
      const run = spawnedWithin(10, ['check', 'ws'], cwd, asNobody);
      // A Node installed under root's home (npm run test:node24) cannot be started as nobody; the run on the system's Node covers this.
      if (run.cannotStart) return context.skip();
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('logs/2023/05: 错误：无法打开此文件夹：当前用户没有读取权限，其中的日志没有读取');
      chmodSync(ws, 0o000);
      const root = spawnedWithin(10, ['check', 'ws'], cwd, asNobody);
      expect(root.status).toBe(2);
      expect(root.stderr).toContain('revitalize: 无法打开工作区文件夹 ws（当前用户没有读取权限）');
    } finally {
      chmodSync(ws, 0o755);
      chmodSync(may, 0o755);
    }
  });
});

describe('globs and JSON made to exhaust the stack', () => {
  it('refuse a brace explosion in logs where it is written', async () => {
    const ten = '{a,b,c,d,e,f,g,h,i,j}';
    const { cwd } = workspace(`${CONFIG}logs:\n  - logs/**/*.yaml\n  - "x/${ten.repeat(10)}"\n  - "{1..100000000}/*.yaml"\n`);
    const { problems } = await checkJson(cwd);
    expect(problems.map(({ file, line, code }) => `${file}:${line} ${code}`)).toEqual([
      'revitalize.yaml:6 E-GLOB-TOO-COMPLEX',
      'revitalize.yaml:7 E-GLOB-TOO-COMPLEX',
    ]);
  });

  it('say only what is wrong when the one glob is refused, not also that no log was found', async () => {
    const ten = '{a,b,c,d,e,f,g,h,i,j}';
    const { cwd } = workspace(`${CONFIG}logs: "logs/${ten.repeat(10)}.yaml"\n`);
    const { problems } = await checkJson(cwd);
    expect(problems.map(({ code }) => code)).toEqual(['E-GLOB-TOO-COMPLEX']);
  });

  it('refuse a rollup input nested thousands deep with a located message', async () => {
    const { cwd } = workspace();
    for (const depth of [1000, 5000]) {
      writeFileSync(path.join(cwd, `deep-${depth}.json`), `${'['.repeat(depth)}${']'.repeat(depth)}`);
      const run = await inProcess(['rollup', `deep-${depth}.json`, '--region', '区'], cwd);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain(`deep-${depth}.json:1:65: 错误：嵌套层数过多：此处的括号已是第 65 层，超过了 64 层的上限`);
    }
  });
});

describe('large inputs', () => {
  it('read a valid log of 130,000 entries', async () => {
    const { cwd, ws } = workspace();
    const entry = '  - date: 2023-04-08\n    kind: session\n    form: 集中畅谈\n    attendees: 35\n';
    writeFileSync(path.join(ws, 'logs/2023/04/永胜村.yaml'), `village: 永胜村\npillar: night-talk\nentries:\n${entry.repeat(130_000)}`);
    const run = await inProcess(['check', 'ws'], cwd);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('共检查 1 个日志文件、130000 条有效记录：没有发现问题。\n');
  }, 60_000);

  it('report all of 150,000 empty entries', async () => {
    const { cwd, ws } = workspace();
    writeFileSync(path.join(ws, 'logs/2023/04/永胜村.yaml'), `village: 永胜村\npillar: night-talk\nentries:\n${'- {}\n'.repeat(150_000)}`);
    const { problems } = await checkJson(cwd);
    expect(problems).toHaveLength(150_000);
  }, 60_000);

  it('print a file of 40,000 mistakes in linear time, the first 50 of them and a count of the rest', async () => {
    const { cwd, ws } = workspace();
    const log = path.join(ws, 'logs/2023/04/永胜村.yaml');
    writeFileSync(log, `village: 永胜村\npillar: night-talk\nentries:\n${'  - {}\n'.repeat(40_000)}`);
    const started = performance.now();
    const text = await inProcess(['check', 'ws'], cwd);
    const ms = performance.now() - started;
    // Quadratic printing took 75 s here; splitting the file once per problem was the cost.
    expect(ms).toBeLessThan(15_000);
    const blocks = text.stdout.split('\n').filter((line) => /^logs\/2023\/04\/永胜村\.yaml:\d+:\d+: /.test(line));
    expect(blocks).toHaveLength(50);
    expect(text.stdout).toContain('logs/2023/04/永胜村.yaml: 此文件还有 39950 个问题未列出（revitalize check --format json 可列出全部）');
    expect(text.stdout).toContain('共检查 1 个日志文件、0 条有效记录：发现 40000 个错误、0 条警告。');
    // JSON keeps them all.
    expect((await checkJson(cwd)).problems).toHaveLength(40_000);
  }, 60_000);
});
