/**
 * A workspace's own template cannot hang `report` or `check`, nor exhaust
 * memory: LiquidJS's limits (template-engine.ts) stop it, and the breach is
 * a template problem located at the template, in the workspace's language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { describeProblem } from '../../src/problems/describe-problem.js';
import { MAX_TEMPLATE_MB } from '../../src/limits.js';
import { TEMPLATE_LIMITS, createTemplateEngine } from '../../src/render/template-engine.js';
import { templateProblem } from '../../src/render/template-problem.js';
import { suggestionLog, writeWorkspace } from '../helpers/hostile-workspace.js';
import { REPO, inProcess } from './hosts.js';
import { runChild } from '../helpers/run-child.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-template-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TEMPLATE = 'templates/zh-CN/report.md.liquid';

/**
 * The bin, killed (SIGKILL: a template loop does not yield to SIGTERM) when
 * it runs past the render limit and some: without the limits these runs
 * would hang, or end with V8's fatal error.
 */
async function runBin(args: readonly string[], cwd: string) {
  const child = await runChild(process.execPath, [path.join(REPO, 'bin', 'revitalize.js'), ...args], {
    cwd,
    timeoutMs: TEMPLATE_LIMITS.renderLimit + 10_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { exitCode: child.status, output: child.stdout + child.stderr };
}
const withTemplate = (template: string) =>
  writeWorkspace(scratch, { 'logs/2023/04/永胜村.yaml': suggestionLog([{ id: 'a-1', text: '路灯' }]), [TEMPLATE]: template });

describe('template limits', { timeout: 120_000 }, () => {
  it('are set on every report engine', async () => {
    const engine = await createTemplateEngine(zhCN, 'markdown');
    expect(engine.options).toMatchObject(TEMPLATE_LIMITS);
  });

  it.each([
    ['a range of a billion', '# 报告\n{% for i in (1..1000000000) %}x{% endfor %}\n', '2:1', '报告模板生成的内容过多，已停止'],
    ['two nested loops of 100,000', '{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}\n', '1:27', '报告模板生成的内容过多，已停止'],
    ['a template that includes itself', '{% include "report.md.liquid" %}\n', '1:1', '报告模板层层引用过深（可能引用了自己），已停止'],
  ])('stop %s as a located template problem, in report and check alike', async (_, template, at, message) => {
    const cwd = withTemplate(template);
    for (const args of [
      ['report', 'ws', '-m', '2023-04', '-f', 'md'],
      ['check', 'ws', '-m', '2023-04'],
    ]) {
      const started = Date.now();
      const run = await runBin(args, cwd);
      expect(run.exitCode, run.output).toBe(1);
      expect(run.output).toContain(`${TEMPLATE}:${at}: 错误：${message}\n`);
      expect(run.output).toContain('提示：检查这里的循环');
      expect(run.output).not.toMatch(/limit exceeded|Invalid|Maximum call stack|[Ee]rror:/);
      expect(Date.now() - started).toBeLessThan(TEMPLATE_LIMITS.renderLimit);
    }
  });

  it('word a render that ran out of time with its limit in seconds', async () => {
    // A real breach takes renderLimit to happen: the error LiquidJS throws then, at the loop's tag.
    const cwd = withTemplate('{% for i in (1..10) %}{% endfor %}\n');
    const token = { file: path.join(cwd, 'ws', TEMPLATE), getPosition: () => [1, 1] };
    const found = await templateProblem(Object.assign(new Error('template render limit exceeded, file:x, line:1, col:1'), { token }), path.join(cwd, 'ws'));
    expect(found?.problem).toMatchObject({ code: 'E-TEMPLATE', file: TEMPLATE, line: 1, col: 1, params: { reason: 'limit', name: 'time', limit: 20 } });
    expect(describeProblem(found!.problem, zhCN).message).toBe('报告模板运行超过 20 秒仍未完成，已停止');
  });

  it('refuse a template too large to read, naming the file, with a hint for a template', async () => {
    // The size cap (MAX_TEMPLATE_MB) comes before LiquidJS's parseLimit, which stays as a second guard.
    const cwd = withTemplate('x'.repeat(MAX_TEMPLATE_MB * 1024 * 1024 + 1));
    const run = await inProcess(['report', 'ws', '-m', '2023-04', '-f', 'md'], cwd);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${TEMPLATE}: 错误：文件有 1.0 MB，超过了 1 MB 的上限，未读取\n  提示：报告模板通常只有几千个字符`);
  });
});
