/** `init` makes a workspace that works at once, in either language, and never overwrites one. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../../src/metrics/metric-definitions.js';
import { inProcess, inProcessOn } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each([
  ['zh-CN', [], '示例一村.yaml', '没有发现问题'],
  ['en', ['--locale', 'en'], 'village-a.yaml', 'no problems found'],
])('init (%s)', (locale, localeArgs, sample, clean) => {
  const cwd = mkdtempSync(path.join(scratch, `${locale}-`));

  it('makes a workspace that checks clean and reports every kind once', async () => {
    const init = await inProcess([...localeArgs, 'init', 'ws', '--region', '测试乡'], cwd);
    expect(init.exitCode, init.stderr).toBe(0);
    // In-process runs stand on 15 March 2024: the sample month is March 2024.
    const log = readFileSync(path.join(cwd, 'ws', 'logs', '2024', '03', sample), 'utf8');
    expect(log).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schema\/log\.schema\.json$/m);
    expect(existsSync(path.join(cwd, 'ws', 'schema', 'log.schema.json'))).toBe(true);
    expect(readFileSync(path.join(cwd, 'ws', '.gitignore'), 'utf8')).toBe('reports/\n.revitalize-cache/\n');
    expect(readFileSync(path.join(cwd, 'ws', 'revitalize.yaml'), 'utf8')).toContain(`locale: ${locale}`);

    const check = await inProcess(['check', 'ws'], cwd);
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toContain(clean);

    const report = await inProcess(['report', 'ws', '--format', 'json', '-o', '-'], cwd);
    expect(report.exitCode, report.stderr).toBe(0);
    expect(report.stderr).toBe('');
    const { month, region, metrics } = JSON.parse(report.stdout);
    expect([month, region]).toEqual(['2024-03', '测试乡']);
    for (const key of METRIC_KEYS) expect(metrics[key].month, key).not.toBe(0);
  });

  it('refuses to overwrite the workspace it made', async () => {
    const again = await inProcess([...localeArgs, 'init', 'ws'], cwd);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('revitalize.yaml');
  });
});

describe('init on the 2nd of a month', () => {
  it('dates no sample entry after the day it runs, so nothing is "in the future"', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'early-'));
    const second = new Date(2024, 2, 2);
    expect((await inProcessOn(second, ['init', 'ws'], cwd)).exitCode).toBe(0);
    const check = await inProcessOn(second, ['check', 'ws', '--strict'], cwd);
    expect(check.exitCode, check.stdout).toBe(0);
  });
});
