/**
 * A Chinese workspace is told what is wrong in Chinese, also where the
 * words would come from a library: a YAML parser's reason, the JavaScript
 * engine's limits, Playwright's log of a browser that would not start.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { describeProblem } from '../../src/problems/describe-problem.js';
import { templateProblem } from '../../src/render/template-problem.js';
import { suggestionLog, writeWorkspace } from '../helpers/hostile-workspace.js';
import { inProcess, inProcessWith } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-chinese-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LOG = 'logs/2023/04/永胜村.yaml';
/** English words in a message: "YAML" is the format's name, not English. */
const ENGLISH = /[A-Za-z]{3,}/;
const session = (form: string) =>
  `village: 永胜村\nentries:\n  - date: 2023-04-08\n    pillar: night-talk\n    kind: session\n    form: ${form}\n    attendees: 55\n`;

describe('YAML the parsers refuse, in Chinese', () => {
  it.each([
    ['flow nesting 800 deep', `village: 永胜村\nentries: ${'['.repeat(800)}${']'.repeat(800)}\n`, 'YAML 格式错误：嵌套层数过多'],
    ['flow nesting 5000 deep', `village: 永胜村\nentries: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'YAML 格式错误：嵌套层数过多'],
    ['an unknown scalar tag', session('!!foo 集中畅谈'), 'YAML 格式错误：值前面有以 ! 开头的 YAML 标签，日志中不使用'],
    ['a verbatim tag', session('!<tag:yaml.org,2002:binary> 集中畅谈'), 'YAML 格式错误：值前面有以 ! 开头的 YAML 标签，日志中不使用'],
    ['a control character in double quotes', session('"集中\u0001畅谈"'), 'YAML 格式错误：这里有一个看不见的控制字符'],
    ['an escape byte in plain text', session('集中\u001b[2J畅谈'), 'YAML 格式错误：这里有一个看不见的控制字符'],
    ['a bad escape in double quotes', session('"集中\\q畅谈"'), 'YAML 格式错误：双引号里的反斜杠 \\ 后面不是有效的写法'],
  ])('%s', async (_, log, message) => {
    const cwd = writeWorkspace(scratch, { [LOG]: log });
    const run = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(run.exitCode).toBe(1);
    const problems = JSON.parse(run.stdout) as { code: string; message: string }[];
    expect(problems.map((found) => [found.code, found.message])).toEqual([['E-YAML-SYNTAX', message]]);
    expect(problems[0]!.message.replaceAll('YAML', '')).not.toMatch(ENGLISH);
  });

  it("words a reason no table explains without the parser's English", () => {
    const worded = zhCN.problems['E-YAML-SYNTAX']({ yamlCode: 'OTHER', detail: 'some parser reason' });
    expect(worded.message).toBe('YAML 格式错误，无法解析');
  });
});

describe('limits of the JavaScript engine met by a template, in Chinese', () => {
  it.each([
    ['Invalid string length', '报告模板生成的内容过多，已停止'],
    ['Invalid array length', '报告模板生成的内容过多，已停止'],
    ['Maximum call stack size exceeded', '报告模板层层引用过深（可能引用了自己），已停止'],
  ])('%s', async (reason, message) => {
    const cwd = writeWorkspace(scratch, { 'templates/zh-CN/report.md.liquid': '{{ report.heading }}\n' });
    const token = { file: path.join(cwd, 'ws', 'templates/zh-CN/report.md.liquid'), getPosition: () => [1, 1] };
    const found = await templateProblem(Object.assign(new RangeError(`${reason}, line:1, col:1`), { token }), path.join(cwd, 'ws'));
    expect(describeProblem(found!.problem, zhCN).message).toBe(message);
  });
});

describe('a browser that fails to print, in Chinese', () => {
  it("says so without Playwright's English log", async () => {
    const cwd = writeWorkspace(scratch, { [LOG]: suggestionLog([{ id: '永胜-01', text: '路灯' }]) });
    const browser = path.join(cwd, 'broken-browser');
    writeFileSync(browser, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n');
    chmodSync(browser, 0o755);
    const run = await inProcessWith({ findBrowser: () => browser }, ['report', 'ws', '-m', '2023-04', '-f', 'pdf'], cwd);
    expect(run.exitCode).toBe(2);
    const said = run.stderr.slice(run.stderr.indexOf('revitalize: '));
    expect(said).toBe(
      `revitalize: 用浏览器 ${browser} 生成 PDF 失败：浏览器启动后立即退出（退出码 3），没有写入任何文件\n  提示：确认该浏览器能正常打开；或用环境变量 REVITALIZE_CHROMIUM 指定另一个浏览器\n`,
    );
  }, 60_000);
});
