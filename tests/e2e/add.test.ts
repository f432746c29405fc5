/**
 * `add` and `resolve`: entries go into the right log file, everything
 * already there is kept byte for byte, and what is written passes `check`.
 * The interactive form is driven through the prompt library's own streams,
 * typing answers as a clerk would.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { copyWorkspace, inProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-add-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function workspace(fixture = 'examples/jinkouhe'): string {
  const cwd = mkdtempSync(path.join(scratch, 'ws-'));
  copyWorkspace(fixture, path.join(cwd, 'ws'));
  return cwd;
}
const read = (cwd: string, file: string) => readFileSync(path.join(cwd, 'ws', file), 'utf8');
const LOG = 'logs/2023/04/永胜村.yaml';

describe('add with flags', () => {
  it("appends to the village's log of the month, keeping every byte already there, and checks clean", async () => {
    const cwd = workspace();
    const before = read(cwd, LOG);
    const entriesBefore = Number(/(\d+) 条有效记录/.exec((await inProcess(['check', 'ws'], cwd)).stdout)![1]);
    const added = await inProcess(
      ['add', 'ws', '--kind', 'suggestion', '--village', '永胜村', '--date', '2023/4/28', '--set', 'text=五组路灯不亮', '--set', 'topic=公共服务'],
      cwd,
    );
    expect(added.exitCode, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^已添加 logs\/2023\/04\/永胜村\.yaml:\d+ {2}意见建议：永胜-20230428-01 五组路灯不亮\n$/);
    const after = read(cwd, LOG);
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      [
        '',
        '  - date: 2023-04-28',
        '    pillar: night-talk',
        '    kind: suggestion',
        '    id: 永胜-20230428-01',
        '    text: 五组路灯不亮',
        '    topic: 公共服务',
        '',
      ].join('\n'),
    );
    const check = await inProcess(['check', 'ws'], cwd);
    expect(check.stdout).toContain(`${entriesBefore + 1} 条有效记录：没有发现问题`);
    expect(check.exitCode).toBe(0);
  });

  it('numbers suggestions of one village and day in turn, and resolve records a resolution', async () => {
    const cwd = workspace();
    for (const text of ['一', '二']) {
      expect((await inProcess(['add', 'ws', '-k', 'suggestion', '--village', '永胜村', '-d', '2023-04-28', '-s', `text=${text}`], cwd)).exitCode).toBe(0);
    }
    expect(read(cwd, LOG)).toContain('id: 永胜-20230428-02');
    const resolved = await inProcess(['resolve', '永胜-20230428-02', 'ws', '--date', '2023-04-29', '--note', '已修好'], cwd);
    expect(resolved.exitCode, resolved.stderr).toBe(0);
    const report = JSON.parse((await inProcess(['report', 'ws', '-m', '2023-04', '-f', 'json', '-o', '-'], cwd)).stdout);
    expect(report.metrics['night-talk.suggestions'].ytd).toBe(134);
    expect(report.metrics['night-talk.resolved'].ytd).toBe(94);
  });

  it('starts a new file for a new month, with the village as its default', async () => {
    const cwd = workspace();
    expect((await inProcess(['add', 'ws', '-k', 'returnee', '--village', '新华村', '-d', '2023-05-02', '-s', 'name=王五'], cwd)).exitCode).toBe(0);
    expect(read(cwd, 'logs/2023/05/新华村.yaml')).toBe(
      'village: 新华村\nentries:\n  - date: 2023-05-02\n    pillar: talent\n    kind: returnee\n    name: 王五\n',
    );
  });

  it('refuses what check would refuse, and writes nothing', async () => {
    const cwd = workspace();
    const before = read(cwd, LOG);
    const wrong = await inProcess(['add', 'ws', '-k', 'session', '--village', '永胜村', '-d', '2023-04-30', '-s', 'form=集中谈', '-s', 'attendees=很多'], cwd);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toContain('是不是想写“集中畅谈”');
    expect(wrong.stderr).toContain('字段 attendees 应为整数');
    const twice = await inProcess(['resolve', '永胜-20230408-02', 'ws'], cwd);
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain('被重复办结');
    const village = await inProcess(['add', 'ws', '-k', 'returnee', '--village', '永盛村', '-s', 'name=王'], cwd);
    expect(village.stderr).toContain('是不是想写“永胜村”');
    expect(read(cwd, LOG)).toBe(before);
  });

  it('is a usage error without a kind when nobody is at a terminal', async () => {
    const cwd = workspace();
    const run = await inProcess(['add', 'ws'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--kind');
  });
});

describe('add, answering questions', () => {
  /** Answers each question when its text appears, as a person typing would. */
  async function answering(cwd: string, answers: [RegExp, string][]) {
    const input = new PassThrough();
    const output = new PassThrough();
    // Each finished question ends its output, as a terminal would shrug off; a test stream must stay open too.
    output.end = (() => output) as typeof output.end;
    let screen = '';
    let shown = '';
    let next = 0;
    output.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      shown += chunk.toString();
      const plain = screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
      while (next < answers.length && answers[next]![0].test(plain)) {
        const [, keys] = answers[next]!;
        next++;
        screen = '';
        setTimeout(() => input.write(keys), 5);
        break;
      }
    });
    let stdout = '';
    let stderr = '';
    const exitCode = await run(['add', 'ws'], {
      cwd,
      now: () => new Date(2023, 3, 28),
      env: {},
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      colors: { stdout: false, stderr: false },
      prompt: { input, output },
    });
    return { exitCode, stdout, stderr, answered: next, shown };
  }

  const DOWN = '\u001b[B';
  const ENTER = '\r';

  it('asks pillar, kind, date, village and each field, checks answers as typed, and writes the entry', async () => {
    const cwd = workspace();
    const before = read(cwd, LOG);
    const result = await answering(cwd, [
      [/哪个板块/, `${DOWN}${DOWN}${ENTER}`], // 夜谈联访
      [/哪类记录/, ENTER], // 居民夜谈会 (session)
      [/日期/, ENTER], // today: 2023-04-28
      [/哪个村/, ENTER], // the last village logged
      [/形式/, `${DOWN}${ENTER}`], // 专题座谈
      [/参加人数/, `很多${ENTER}`], // refused as typed ...
      [/应为整数/, `\u0015${'\u007f'.repeat(4)}36${ENTER}`], // ... so cleared and typed again
      [/地点/, `村委会活动室${ENTER}`],
      [/时间/, ENTER],
      [/备注/, `讨论春耕${ENTER}`],
      [/写入 logs/, ENTER],
    ]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.answered).toBe(11);
    // Every word on the screen is the workspace's language, the key help too.
    expect(result.shown).toContain('↑↓ 移动 • ⏎ 选择');
    expect(result.shown).not.toMatch(/navigate|select\b/);
    expect(result.stdout).toMatch(/已添加 logs\/2023\/04\/\S+\.yaml:\d+ {2}居民夜谈会：专题座谈，36人/);
    const file = /已添加 (logs\/\S+\.yaml)/.exec(result.stdout)![1]!;
    const text = read(cwd, file);
    expect(text).toContain(
      '  - date: 2023-04-28\n    pillar: night-talk\n    kind: session\n    form: 专题座谈\n    attendees: 36\n    location: 村委会活动室\n    note: 讨论春耕\n',
    );
    if (file === LOG) expect(text.startsWith(before)).toBe(true);
    expect((await inProcess(['check', 'ws'], cwd)).exitCode).toBe(0);
  });

  it('writes nothing when the clerk says no at the end', async () => {
    const cwd = workspace();
    const result = await answering(cwd, [
      [/哪个板块/, ENTER],
      [/哪类记录/, `${DOWN}${ENTER}`], // project
      [/日期/, ENTER],
      [/哪个村/, ENTER],
      [/名称/, `测试项目${ENTER}`],
      [/投资额/, ENTER],
      [/状态/, ENTER],
      [/备注/, ENTER],
      [/写入 logs/, `n${ENTER}`],
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('已取消');
    expect(existsSync(path.join(cwd, 'ws', 'logs', '2023', '04', '永胜村.yaml'))).toBe(true);
    expect(read(cwd, LOG)).not.toContain('测试项目');
  });

  it("offers choices and the yes-or-no in the workspace's words, and writes the values they stand for", async () => {
    const cwd = workspace();
    const result = await answering(cwd, [
      [/哪个板块/, ENTER],
      [/哪类记录/, `${DOWN}${ENTER}`], // project
      [/日期/, ENTER],
      [/哪个村/, ENTER],
      [/名称/, `冷链仓储${ENTER}`],
      [/投资额/, `3000000${ENTER}`],
      [/状态/, `${DOWN}${DOWN}${ENTER}`], // （不填）, 策划, 落地
      [/备注/, ENTER],
      [/写入 logs\S+ \(是\/否\)/, `是${ENTER}`],
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.answered).toBe(9);
    const plain = result.shown.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(plain).toContain('策划');
    expect(plain).toContain('落地');
    expect(plain).not.toMatch(/planned|landed|Yes|No\b/);
    const file = /已添加 (logs\/\S+\.yaml)/.exec(result.stdout)![1]!;
    expect(read(cwd, file)).toContain('    kind: project\n    name: 冷链仓储\n    investment: 3000000\n    status: landed\n');
  });

  it('asks an English workspace in English, with its own units and brackets', async () => {
    const cwd = workspace('examples/riverside');
    const result = await answering(cwd, [
      [/Which pillar/, ENTER],
      [/What kind of entry/, `${DOWN}${DOWN}${ENTER}`], // sale
      [/Date/, ENTER],
      [/Which village/, ENTER],
      [/Product/, `Eggs${ENTER}`],
      [/Quantity/, `3${ENTER}`],
      [/Unit/, `${DOWN}${ENTER}`], // jin, kg, t
      [/Note/, ENTER],
      [/Write it to logs.+\(Y\/n\)/, `y${ENTER}`],
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const plain = result.shown.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    expect(plain).toContain('Joint organisation building (organization)');
    expect(plain).toMatch(/jin[\s\S]*kg[\s\S]*t \(tonnes\)/);
    expect(plain).not.toMatch(/[斤吨（）]/);
    expect(result.stdout).toBe('added logs/2023/04/Yongsheng Village.yaml:3  produce sale: Eggs 3kg (6 jin)\n');
  });

  it("refuses, as it is typed, a village name that cannot be its log's file name (a workspace without a village list)", async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'ws', 'revitalize.yaml'), 'region: 测试乡\n');
    const result = await answering(cwd, [
      [/哪个板块/, ENTER],
      [/哪类记录/, `${DOWN}${ENTER}`], // project
      [/日期/, ENTER],
      [/哪个村/, `\u0015${'\u007f'.repeat(8)}一组/二组${ENTER}`],
      [/不能用作日志文件名：含有 \/ 或/, `${'\u007f'.repeat(5)}一组二组${ENTER}`],
      [/名称/, `测试项目${ENTER}`],
      [/投资额/, ENTER],
      [/状态/, ENTER],
      [/备注/, ENTER],
      [/写入 logs/, ENTER],
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.answered).toBe(10);
    expect(result.stdout).toMatch(/^已添加 logs\/2023\/04\/一组二组\.yaml:/);
    expect(existsSync(path.join(cwd, 'ws', 'logs', '2023', '04', '一组'))).toBe(false);
  });

  it("never asks a suggestion's id: the next free one is assigned", async () => {
    const cwd = workspace();
    const result = await answering(cwd, [
      [/哪个板块/, `${DOWN}${DOWN}${ENTER}`], // 夜谈联访
      [/哪类记录/, `${DOWN}${ENTER}`], // 意见建议
      [/日期/, ENTER],
      [/哪个村/, ENTER],
      [/内容/, `五组路灯不亮${ENTER}`],
      [/主题/, ENTER],
      [/办结日期/, ENTER],
      [/备注/, ENTER],
      [/写入 logs/, ENTER],
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.shown).not.toContain('编号');
    expect(result.stdout).toMatch(/已添加 logs\/2023\/04\/\S+\.yaml:\d+ {2}意见建议：\S+-20230428-01 五组路灯不亮/);
  });
});

describe('add and resolve, told in flags', () => {
  const ROSTER = '村名单（revitalize.yaml 的 villages）：永胜村、大瓦山村、胜利村、和平村、共安村、新华村';

  it('names each missing value as its flag, never asks for an id, and gives the command to type again', async () => {
    const cwd = workspace();
    const run = await inProcess(['add', 'ws', '--kind', 'suggestion'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      [
        '（命令行）: 错误：意见建议缺少村名：请用 --village 给出',
        `  提示：${ROSTER}`,
        '（命令行）: 错误：意见建议缺少内容：请用 --set text=… 给出',
        '发现 2 个错误，没有写入。请按提示修改后重新运行。',
        '补全后重新运行：',
        '  revitalize add ws --kind suggestion --village 〈村名〉 --set text=〈内容〉',
        '',
      ].join('\n'),
    );
    expect(run.stderr).not.toMatch(/\bid\b|village:|suggestion 记录/);
  });

  it('says the same in English, with the placeholders English shells take', async () => {
    const cwd = workspace('examples/riverside');
    const run = await inProcess(['add', 'ws', '--kind', 'suggestion'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      [
        '(command line): error: the suggestion has no village: give it with --village',
        '  hint: the villages (villages in revitalize.yaml): Yongsheng Village, Dawa Village, Heping Village',
        "(command line): error: the suggestion needs 'What was said': give it with --set text=…",
        '2 errors found; nothing was written. Fix them and run again.',
        'Run it again with the missing values:',
        '  revitalize add ws --kind suggestion --village VILLAGE --set text=TEXT',
        '',
      ].join('\n'),
    );
  });

  it('takes a kind and a choice by their Chinese names', async () => {
    const cwd = workspace();
    const added = await inProcess(
      ['add', 'ws', '--kind', '联建项目', '--village', '永胜村', '-d', '2023-04-28', '--set', 'name=冷链仓储', '--set', 'status=落地'],
      cwd,
    );
    expect(added.exitCode, added.stderr).toBe(0);
    expect(read(cwd, LOG)).toContain('    kind: project\n    name: 冷链仓储\n    status: landed\n');
    const wrong = await inProcess(['add', 'ws', '--kind', 'project', '--village', '永胜村', '--set', 'name=x', '--set', 'status=plan'], cwd);
    expect(wrong.stderr).toContain('--set status=plan: 错误：字段 status 的值“plan”不在可选范围内\n  提示：可选：planned（策划）、landed（落地）\n');
    const unknown = await inProcess(['add', 'ws', '--kind', '意见建意'], cwd);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('未知的记录类型“意见建意”，是不是想写 suggestion（意见建议）？可用的记录类型：joint-org（跨村联建党组织）、');
  });

  it('points a wrong value at the flag that gave it, with the flag written right', async () => {
    const cwd = workspace();
    const run = await inProcess(['add', 'ws', '-k', 'session', '--village', '永胜村', '-d', '2023-04-30', '-s', 'form=集中畅谈', '-s', 'attendees=很多'], cwd);
    expect(run.stderr).toContain('--set attendees=很多: 错误：字段 attendees 应为整数，这里是文字 很多\n  提示：写成不带小数点的整数，如 --set attendees=35\n');
    const field = await inProcess(['add', 'ws', '-k', 'suggestion', '--set', 'txt=路灯'], cwd);
    expect(field.exitCode).toBe(2);
    expect(field.stderr).toContain(
      '意见建议没有字段“txt”，是不是想写 text？可用的字段：id（编号）、text（内容）、topic（主题）、resolved（办结日期）、note（备注）',
    );
  });

  it('gives an impossible date as its one problem, at --date, with no follow-on about the id', async () => {
    const cwd = workspace();
    const run = await inProcess(['add', 'ws', '--kind', 'suggestion', '--village', '永胜村', '--set', 'text=路灯不亮', '--date', '2023-02-30'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      [
        '--date 2023-02-30: 错误：日期 2023-02-30 在日历上不存在',
        '  提示：检查月份和日子：4、6、9、11 月只有 30 天，2 月只有 28 天（闰年 29 天）',
        '发现 1 个错误，没有写入。请按提示修改后重新运行。',
        '',
      ].join('\n'),
    );
  });

  it('files a joint action of several villages in the joint file, led by the first of them', async () => {
    const cwd = workspace();
    const joint = 'logs/2023/04/跨村联建.yaml';
    const before = read(cwd, joint);
    const run = await inProcess(['add', 'ws', '--kind', 'joint-action', '-d', '2023-04-28', '--set', 'type=护河行动', '--set', 'villages=胜利村,和平村'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^已添加 logs\/2023\/04\/跨村联建\.yaml:\d+ {2}联合行动：护河行动\n$/);
    expect(read(cwd, joint).slice(before.length)).toBe(
      [
        '',
        '  - date: 2023-04-28',
        '    pillar: ecology',
        '    kind: joint-action',
        '    village: 胜利村',
        '    type: 护河行动',
        '    villages: [胜利村, 和平村]',
        '',
      ].join('\n'),
    );
    expect((await inProcess(['check', 'ws'], cwd)).exitCode).toBe(0);
  });

  it('says how to log a joint action without a village: --village, or the villages and the joint file', async () => {
    const cwd = workspace();
    const run = await inProcess(['add', 'ws', '--kind', 'joint-action', '--set', 'type=护河行动'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      [
        '（命令行）: 错误：联合行动缺少村名：请用 --village 给出',
        `  提示：${ROSTER}`,
        '    几个村联合开展的，可以不写 --village，改用 --set villages=甲村,乙村 列出各村：第一个村为牵头村，记录写入当月的 跨村联建.yaml',
      ].join('\n'),
    );
  });

  it("names the joint file in the workspace's language, whatever --locale says", async () => {
    const cwd = workspace('examples/riverside');
    const run = await inProcess(
      ['add', 'ws', '--kind', 'joint-org', '-d', '2023-04-28', '--set', 'name=River Joint Branch', '--set', 'villages=Dawa Village,Heping Village'],
      cwd,
    );
    expect(run.stdout).toMatch(/^added logs\/2023\/04\/joint\.yaml:/);
    const chinese = await inProcess(
      [
        '--locale',
        'zh-CN',
        'add',
        'ws',
        '--kind',
        'joint-org',
        '-d',
        '2023-04-29',
        '--set',
        'name=Hill Joint Branch',
        '--set',
        'villages=Dawa Village,Yongsheng Village',
      ],
      cwd,
    );
    expect(chinese.stdout).toMatch(/^已添加 logs\/2023\/04\/joint\.yaml:/);
    expect(existsSync(path.join(cwd, 'ws', 'logs', '2023', '04', '跨村联建.yaml'))).toBe(false);
  });

  it('quotes what a YAML reader could take for something else, as the samples do, and keeps dates plain', async () => {
    const cwd = workspace();
    const run = await inProcess(
      [
        'add',
        'ws',
        '-k',
        'session',
        '--village',
        '永胜村',
        '-d',
        '2023/4/28',
        '-s',
        'form=集中畅谈',
        '-s',
        'attendees=30',
        '-s',
        'time=19:30',
        '-s',
        'location=010',
        '-s',
        'note=yes',
      ],
      cwd,
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(read(cwd, LOG)).toContain(
      '  - date: 2023-04-28\n    pillar: night-talk\n    kind: session\n    form: 集中畅谈\n    attendees: 30\n    location: "010"\n    time: "19:30"\n    note: "yes"\n',
    );
    const check = await inProcess(['check', 'ws'], cwd);
    expect(check.exitCode).toBe(0);
  });

  it('resolve points at --date and says what to do about a suggestion already resolved', async () => {
    const cwd = workspace();
    const early = await inProcess(['resolve', '永胜-20230408-01', 'ws', '--date', '2023-04-01'], cwd);
    expect(early.exitCode).toBe(1);
    expect(early.stderr).toContain(
      '--date 2023-04-01: 错误：意见建议 永胜-20230408-01 的办结日期 2023-04-01 早于提出日期 2023-04-08\n  提示：办结日期不能早于提出日期 2023-04-08：请用 --date 写明实际办结的日期\n',
    );
    const twice = await inProcess(['resolve', '永胜-20230408-02', 'ws'], cwd);
    expect(twice.stderr).toMatch(
      /^永胜-20230408-02: 错误：意见建议 永胜-20230408-02 被重复办结，(\S+) 已经记录过办结\n {2}提示：这条意见建议已在 \1 记为办结，不用再记；如果那条记录有误，请到那里修改\n/,
    );
  });
});
