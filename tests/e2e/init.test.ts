/** `init` makes a workspace that works at once, in either language, and never overwrites one. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

    // The only thing to write in before the first report: who it goes to and who signs it, commented in the config.
    const asked = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(asked.exitCode).toBe(0);
    expect((JSON.parse(asked.stdout) as { code: string }[]).map((found) => found.code).sort()).toEqual(['W-NO-ISSUER', 'W-NO-RECIPIENT']);
    fillInOffices(path.join(cwd, 'ws', 'revitalize.yaml'));

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

/** What a clerk does first: the config's commented recipient and issuer, taken in as they are. */
function fillInOffices(config: string): void {
  const text = readFileSync(config, 'utf8');
  const filled = text.replace(/^# (recipient|issuer):/gm, '$1:');
  expect(filled).not.toBe(text);
  writeFileSync(config, filled);
}

describe('init on the 2nd of a month', () => {
  it('dates no sample entry after the day it runs, so nothing is "in the future"', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'early-'));
    const second = new Date(2024, 2, 2);
    expect((await inProcessOn(second, ['init', 'ws'], cwd)).exitCode).toBe(0);
    fillInOffices(path.join(cwd, 'ws', 'revitalize.yaml'));
    const check = await inProcessOn(second, ['check', 'ws', '--strict'], cwd);
    expect(check.exitCode, check.stdout).toBe(0);
  });
});
