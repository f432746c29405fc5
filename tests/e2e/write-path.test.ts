/**
 * The write path keeps what it replaces and never lands on an input:
 * `add` writes through a log that is a link and keeps its permissions and
 * owner, refuses a read-only log, says plainly when the disk is full or a
 * folder may not be written, and keeps a hand-written log's layout byte for
 * byte; a village name that cannot be a file name, or a field given twice,
 * is refused; `report`, `rollup` and `report --watch` compare their outputs
 * with their inputs by real path; `templates eject` writes all its files or
 * none.
 */
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WriteFs } from '../../src/write/write-files.js';
import { inProcess, inProcessWith, spawned, watchInProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-write-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LOG = 'logs/2023/04/永胜村.yaml';
const LOG_TEXT = [
  'village: 永胜村',
  'entries:',
  '  - date: 2023-04-08',
  '    pillar: night-talk',
  '    kind: session',
  '    form: 集中畅谈',
  '    attendees: 55',
  '  - date: 2023-04-08',
  '    pillar: night-talk',
  '    kind: suggestion',
  '    id: 永胜-20230408-01',
  '    text: 三组路灯不亮',
  '',
].join('\n');

/** A minimal workspace `ws` in a fresh folder: the config and one log of April 2023 (a session and a suggestion). */
function workspace(config = 'region: 测试乡\n', log = LOG_TEXT): string {
  const cwd = mkdtempSync(path.join(scratch, 'ws-'));
  mkdirSync(path.join(cwd, 'ws', 'logs', '2023', '04'), { recursive: true });
  writeFileSync(path.join(cwd, 'ws', 'revitalize.yaml'), config);
  writeFileSync(path.join(cwd, 'ws', LOG), log);
  return cwd;
}
const session = (attendees: number) => [
  'add',
  'ws',
  '--kind',
  'session',
  '--village',
  '永胜村',
  '--date',
  '2023-04-12',
  '--set',
  'form=集中畅谈',
  '--set',
  `attendees=${attendees}`,
];
const isRoot = process.getuid?.() === 0;

describe('add keeps what it replaces', () => {
  it('writes through a log that is a link to its target, and the link stays', async () => {
    // The target is within the workspace: a link out of it is not read at all (the read path's E-FILE-OUTSIDE-WORKSPACE).
    const cwd = workspace();
    const shared = path.join(cwd, 'ws', 'shared', '永胜村.yaml');
    mkdirSync(path.dirname(shared));
    renameSync(path.join(cwd, 'ws', LOG), shared);
    symlinkSync('../../../shared/永胜村.yaml', path.join(cwd, 'ws', LOG));
    const added = await inProcess(session(7), cwd);
    expect(added.exitCode, added.stderr).toBe(0);
    expect(lstatSync(path.join(cwd, 'ws', LOG)).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(cwd, 'ws', LOG))).toBe('../../../shared/永胜村.yaml');
    expect(readFileSync(shared, 'utf8')).toBe(
      `${LOG_TEXT}  - date: 2023-04-12\n    pillar: night-talk\n    kind: session\n    form: 集中畅谈\n    attendees: 7\n`,
    );
    expect(readdirSync(path.dirname(shared))).toEqual(['永胜村.yaml']);
  });

  it("keeps the log's permissions, and its owner when it may (running as root)", async () => {
    const cwd = workspace();
    const log = path.join(cwd, 'ws', LOG);
    chmodSync(log, 0o640);
    if (isRoot) chownSync(log, 4321, 100);
    expect((await inProcess(session(7), cwd)).exitCode).toBe(0);
    const after = statSync(log);
    expect(after.mode & 0o777).toBe(0o640);
    if (isRoot) expect([after.uid, after.gid]).toEqual([4321, 100]);
  });

  it('refuses a read-only log, and leaves it as it is', async () => {
    const cwd = workspace();
    const log = path.join(cwd, 'ws', LOG);
    chmodSync(log, 0o444);
    const added = await inProcess(session(7), cwd);
    expect(added.exitCode).toBe(2);
    expect(added.stderr).toBe(
      'revitalize: logs/2023/04/永胜村.yaml 是只读文件，没有改动它：要添加记录，请先取消它的只读属性（Windows 上在文件属性中取消“只读”，其他系统运行 chmod u+w logs/2023/04/永胜村.yaml）\n',
    );
    expect(readFileSync(log, 'utf8')).toBe(LOG_TEXT);
    expect(statSync(log).mode & 0o777).toBe(0o444);
  });
});

/** File access whose temporary files fail as a full disk (at the write) or a forbidden folder (at the open) would. */
function failing(code: 'ENOSPC' | 'EACCES'): WriteFs {
  const failure = () => Object.assign(new Error(`${code}: simulated`), { code });
  return {
    ...nodeFs,
    open: (async (file: string, flags?: string, mode?: number) => {
      if (code === 'EACCES' && file.endsWith('.tmp')) throw failure();
      const handle: FileHandle = await nodeFs.open(file, flags, mode);
      if (file.endsWith('.tmp')) handle.writeFile = async () => Promise.reject(failure());
      return handle;
    }) as WriteFs['open'],
  };
}

describe('add on a disk that will not take it', () => {
  it.each([
    ['ENOSPC', '磁盘已满'],
    ['EACCES', '没有写入权限'],
  ] as const)('%s: a clean message, exit 2, the log as it was and nothing left behind', async (code, reason) => {
    const cwd = workspace();
    const added = await inProcessWith({ writeFs: failing(code) }, session(7), cwd);
    expect(added.stderr).toBe(`revitalize: 无法写入 logs/2023/04/永胜村.yaml（${reason}），日志没有改动\n`);
    expect(added.exitCode).toBe(2);
    expect(readFileSync(path.join(cwd, 'ws', LOG), 'utf8')).toBe(LOG_TEXT);
    expect(readdirSync(path.join(cwd, 'ws', 'logs', '2023', '04'))).toEqual(['永胜村.yaml']);
  });

  it('removes the folders it made for a new month when the write fails', async () => {
    const cwd = workspace();
    const added = await inProcessWith(
      { writeFs: failing('ENOSPC') },
      ['add', 'ws', '--kind', 'returnee', '--village', '永胜村', '--date', '2023-06-02', '--set', 'name=王五'],
      cwd,
    );
    expect(added.exitCode).toBe(2);
    expect(readdirSync(path.join(cwd, 'ws', 'logs'))).toEqual(['2023']);
    expect(readdirSync(path.join(cwd, 'ws', 'logs', '2023'))).toEqual(['04']);
  });

  it.skipIf(isRoot)('says so of a folder it may not write (as a user other than root)', async () => {
    const cwd = workspace();
    const folder = path.join(cwd, 'ws', 'logs', '2023', '04');
    chmodSync(folder, 0o555);
    try {
      const added = await inProcess(session(7), cwd);
      expect(added.exitCode).toBe(2);
      expect(added.stderr).toContain('没有写入权限');
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});

describe('village names that cannot be file names', () => {
  it.each([
    ['a/b', '含有 / 或 \\，会被当作文件夹'],
    ['一村\n二村', '含有换行或其他控制字符'],
    ['村*', '含有 Windows 文件名不允许的字符 < > : " | ? *'],
    ['村?', '含有 Windows 文件名不允许的字符 < > : " | ? *'],
    ['CON', 'CON、PRN、AUX、NUL、COM1～COM9、LPT1～LPT9 是 Windows 保留的设备名'],
    ['NUL', 'CON、PRN、AUX、NUL、COM1～COM9、LPT1～LPT9 是 Windows 保留的设备名'],
    ['COM1', 'CON、PRN、AUX、NUL、COM1～COM9、LPT1～LPT9 是 Windows 保留的设备名'],
    ['长'.repeat(90), '文件名有 275 字节，超过了文件系统允许的 255 字节'],
  ])('%j is refused as a problem of the entry (exit 1), and nothing is made', async (village, reason) => {
    const cwd = workspace();
    const added = await inProcess(['add', 'ws', '--kind', 'returnee', '--village', village, '--date', '2023-04-12', '--set', 'name=王五'], cwd);
    expect(added.exitCode).toBe(1);
    expect(added.stderr).toContain(`错误：村名“${village.replace('\n', '↵')}”不能用作日志文件名：${reason}\n`);
    expect(added.stderr).toContain('发现 1 个错误，没有写入。');
    expect(readdirSync(path.join(cwd, 'ws', 'logs', '2023', '04'))).toEqual(['永胜村.yaml']);
  });

  it('is told in English to an English workspace', async () => {
    const cwd = workspace('region: Test Township\nlocale: en\n');
    const added = await inProcess(['add', 'ws', '--kind', 'returnee', '--village', 'a/b', '--date', '2023-04-12', '--set', 'name=Wang'], cwd);
    expect(added.exitCode).toBe(1);
    expect(added.stderr).toContain("--village a/b: error: the village name 'a/b' cannot be a log's file name: it holds / or \\, which would make a folder\n");
  });
});

describe('a field given twice', () => {
  it('is refused, naming the field and both values, rather than the last one kept', async () => {
    const cwd = workspace();
    const added = await inProcess([...session(30), '--set', 'attendees=35'], cwd);
    expect(added.exitCode).toBe(2);
    expect(added.stderr).toBe('revitalize: 字段 attendees 给了 2 次（--set attendees=30、--set attendees=35）：每个字段只能用一个 --set 给出\n');
    expect(readFileSync(path.join(cwd, 'ws', LOG), 'utf8')).toBe(LOG_TEXT);
  });

  it('says how a list takes several values', async () => {
    const cwd = workspace();
    const added = await inProcess(
      ['add', 'ws', '--kind', 'joint-action', '--date', '2023-04-12', '--set', 'type=护河行动', '--set', 'villages=甲村', '--set', 'villages=乙村'],
      cwd,
    );
    expect(added.exitCode).toBe(2);
    expect(added.stderr).toContain('有多个值时用逗号分开写在一起，如 --set villages=甲村,乙村');
  });
});

describe('add keeps a hand-written log byte for byte', () => {
  const entry = (dash: string, field: string, eol = '\n') =>
    [`${dash}date: 2023-04-12`, `${field}pillar: night-talk`, `${field}kind: session`, `${field}form: 集中畅谈`, `${field}attendees: 7`].join(eol);
  it.each([
    [
      'comments at the end, spacing, 0035, a folded note and a flow list',
      'village:   永胜村   # 村\nentries:\n- date: 2023-04-08   # 日期\n  pillar: night-talk\n  kind: session\n  form: 集中畅谈\n  attendees: 0035\n  note: >\n    第一行\n    第二行\n- date: 2023-04-09\n  pillar: ecology\n  kind: joint-action\n  type: 护河行动\n  villages: [ 永胜村 ,  和平村 ]\n# 末尾注释\n',
      (text: string) => text.replace('# 末尾注释', `${entry('- ', '  ')}\n# 末尾注释`),
    ],
    [
      'a byte-order mark, CRLF and no last line end',
      '\uFEFFvillage: 永胜村\r\nentries:\r\n  - date: 2023-04-08\r\n    pillar: night-talk\r\n    kind: session\r\n    form: 集中畅谈\r\n    attendees: 55',
      (text: string) => `${text}\r\n${entry('  - ', '    ', '\r\n')}`,
    ],
    ['entries: []', 'village: 永胜村\nentries: []\n', () => `village: 永胜村\nentries:\n${entry('  - ', '    ')}\n`],
    ['an empty entries:', '# 四月\nvillage: 永胜村\nentries:\n', (text: string) => `${text}${entry('  - ', '    ')}\n`],
  ])('%s', async (_name, text, expected) => {
    const cwd = workspace('region: 测试乡\n', text);
    const added = await inProcess(session(7), cwd);
    expect(added.exitCode, added.stderr).toBe(0);
    expect(readFileSync(path.join(cwd, 'ws', LOG), 'utf8')).toBe(expected(text));
    expect((await inProcess(['check', 'ws'], cwd)).exitCode).toBe(0);
  });
});

describe('outputs are compared with inputs by real path', () => {
  it('report -o a link into the logs is refused when the logs glob would read the report', async () => {
    const cwd = workspace('region: 测试乡\nlogs: "logs/**/*"\n');
    symlinkSync(path.join('ws', 'logs', '2023', '04'), path.join(cwd, 'into-logs'));
    const report = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md', '-o', 'into-logs'], cwd);
    expect(report.exitCode).toBe(2);
    expect(report.stderr).toContain('revitalize: 拒绝写入 into-logs/2023-04.md：它是配置文件、日志文件（或会被当作日志读取）或月报文字材料');
    expect(readdirSync(path.join(cwd, 'ws', 'logs', '2023', '04'))).toEqual(['永胜村.yaml']);
  });

  it('report refuses a report file that is a link to the config, and an output folder that is a link to notes/', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'out'));
    symlinkSync(path.join('..', 'ws', 'revitalize.yaml'), path.join(cwd, 'out', '2023-04.md'));
    const linked = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md', '-o', 'out'], cwd);
    expect(linked.exitCode).toBe(2);
    expect(readFileSync(path.join(cwd, 'ws', 'revitalize.yaml'), 'utf8')).toBe('region: 测试乡\n');
    mkdirSync(path.join(cwd, 'ws', 'notes'));
    symlinkSync(path.join('ws', 'notes'), path.join(cwd, 'notes-link'));
    const notes = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md', '-o', 'notes-link'], cwd);
    expect(notes.exitCode).toBe(2);
    expect(readdirSync(path.join(cwd, 'ws', 'notes'))).toEqual([]);
  });

  it("rollup -o a link to a township's folder does not overwrite the report it reads", async () => {
    const cwd = workspace();
    expect((await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'json', '-o', 'town'], cwd)).exitCode).toBe(0);
    const township = readFileSync(path.join(cwd, 'town', '2023-04.json'), 'utf8');
    symlinkSync('town', path.join(cwd, 'outlink'));
    const rollup = await spawned(['rollup', 'town/2023-04.json', '--region', '测试区', '--format', 'json', '-o', 'outlink'], cwd);
    expect(rollup.exitCode).toBe(2);
    expect(rollup.stderr).toBe('revitalize: 拒绝写入 outlink/2023-04.json：它是要汇总的报告之一。请用 -o 指定其他输出文件夹\n');
    expect(readFileSync(path.join(cwd, 'town', '2023-04.json'), 'utf8')).toBe(township);
  });

  it('report --watch with -o a link into the workspace makes the report once per change, not forever', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'ws', 'out'));
    symlinkSync(path.join('ws', 'out'), path.join(cwd, 'out-link'));
    const { said, stop } = watchInProcess(['report', 'ws', '--month', '2023-04', '--format', 'md', '-o', 'out-link', '--watch'], cwd);
    for (const started = Date.now(); !said.watching && Date.now() - started < 10_000; ) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(said.watching).toBe(true);
    writeFileSync(path.join(cwd, 'ws', LOG), `${LOG_TEXT}  - {date: 2023-04-20, pillar: night-talk, kind: session, form: 入户访谈, attendees: 9}\n`);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await stop()).toBe(0);
    expect(said.stderr.match(/检测到修改/g) ?? []).toHaveLength(1);
    expect(existsSync(path.join(cwd, 'ws', 'out', '2023-04.md'))).toBe(true);
  }, 30_000);
});

describe('templates eject writes all or nothing', () => {
  it('refuses, naming it, a file called templates, and copies nothing', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'ws', 'templates'), 'not a folder\n');
    const eject = await inProcess(['templates', 'eject', 'ws'], cwd);
    expect(eject.exitCode).toBe(2);
    expect(eject.stderr).toBe(
      'revitalize: 以下位置被占用，没有复制任何模板：\n  templates：这里需要一个文件夹，但已有同名文件\n  请移走或改名后重新运行 revitalize templates eject\n',
    );
    expect(readFileSync(path.join(cwd, 'ws', 'templates'), 'utf8')).toBe('not a folder\n');
  });

  it('refuses a link to nothing where a template goes, and copies nothing; then, once it is gone, copies them all', async () => {
    const cwd = workspace();
    mkdirSync(path.join(cwd, 'ws', 'templates', 'zh-CN'), { recursive: true });
    symlinkSync('nowhere.liquid', path.join(cwd, 'ws', 'templates', 'zh-CN', 'report.md.liquid'));
    const eject = await inProcess(['templates', 'eject', 'ws'], cwd);
    expect(eject.exitCode).toBe(2);
    expect(eject.stderr).toContain('  templates/zh-CN/report.md.liquid：这是一个链接，但它指向的位置不存在\n');
    expect(readdirSync(path.join(cwd, 'ws', 'templates'), { recursive: true }).sort()).toEqual(['zh-CN', 'zh-CN/report.md.liquid']);
    rmSync(path.join(cwd, 'ws', 'templates', 'zh-CN', 'report.md.liquid'));
    const again = await inProcess(['templates', 'eject', 'ws'], cwd);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('已复制 templates/zh-CN/report.md.liquid');
  });

  it('leaves nothing behind when the disk is full', async () => {
    const cwd = workspace();
    const eject = await inProcessWith({ writeFs: failing('ENOSPC') }, ['templates', 'eject', 'ws'], cwd);
    expect(eject.exitCode).toBe(2);
    expect(eject.stderr).toBe('revitalize: 无法把模板写入 ws/templates（磁盘已满），没有复制任何模板\n');
    expect(existsSync(path.join(cwd, 'ws', 'templates'))).toBe(false);
  });
});
