/**
 * Assertions a reader can check against the brief, beside the golden files:
 * the example reproduces the article's figures, and hostile text stays text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkspace, inProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-content-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function report(fixture: string, month: string, format: string) {
  const cwd = mkdtempSync(path.join(scratch, 'run-'));
  copyWorkspace(fixture, path.join(cwd, 'ws'));
  const result = await inProcess(['report', 'ws', '--month', month, '--format', format], cwd);
  expect(result.exitCode, result.stderr).toBe(0);
  return (ext: string) => readFileSync(path.join(cwd, 'ws', 'reports', `${month}.${ext}`), 'utf8');
}

describe('the jinkouhe example, April 2023', () => {
  it('reproduces every figure of the article as year-to-date values', async () => {
    const read = await report('examples/jinkouhe', '2023-04', 'json,md');
    const { metrics } = JSON.parse(read('json')) as { metrics: Record<string, { ytd: number }> };
    const ytd = Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, value.ytd]));
    expect(ytd).toMatchObject({
      'organization.joint-orgs': 4,
      'organization.villages-covered': 4,
      'organization.projects': 3,
      'organization.investment': 30_500_000,
      'organization.sales-jin': 200_000,
      'talent.cultivated': 12,
      'talent.returnees': 4,
      'talent.mentees': 4,
      'talent.cooperatives': 12,
      'talent.livelihood-projects': 5,
      'talent.trainings': 12,
      'talent.education-upgrades': 5,
      'night-talk.suggestions': 132,
      'night-talk.resolved': 93,
      'ecology.teams': 1,
      'ecology.team-members': 21,
      'ecology.joint-actions': 6,
    });
    expect(ytd['night-talk.resolution-rate']).toBeCloseTo(93 / 132, 12);
    const markdown = read('md');
    expect(markdown).toContain('征求意见建议132条，解决诉求93件，办结率70.5%');
    expect(markdown).toContain('总投资3050万元');
    expect(markdown).toContain('销售20万斤');
  });
});

describe('text from logs and config', () => {
  it('reaches the HTML report as text: no markup, no links, no scripts', async () => {
    const read = await report('tests/fixtures/hostile-text', '2023-04', 'md,html');
    const html = read('html');
    const body = html.slice(html.indexOf('<body>'));
    expect(body).not.toMatch(/<script|<img|<a |<strong|<b>|href=/i);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('[点我](http://example.invalid)');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
    // Text full of table pipes does not break the Markdown table it sits in (the 督办 list), nor the sentences that name it.
    const markdown = read('md');
    expect(markdown).toContain('| \\| x \\| y \\| | 甲村 |');
    expect(markdown).toContain('\\*\\*项目\\*\\* \\<i\\>甲\\</i\\> \\| 1 \\|项目落地');
    expect(body).not.toMatch(/<i>|<a /);
    // The data-check notes keep the logs' own words, beside the report and not in it.
    expect(read('check.txt')).toContain('“| x | y |”');
    expect(markdown).not.toContain('数据核查');
  });
});

describe('data-check notes', () => {
  it('never reach the document sent upward: not the Markdown, the HTML or the Word file; they are beside it, for the clerk', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'run-'));
    copyWorkspace('tests/fixtures/hostile-text', path.join(cwd, 'ws'));
    const result = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md,html,docx'], cwd);
    expect(result.exitCode, result.stderr).toBe(0);
    const reports = path.join(cwd, 'ws', 'reports');
    const notes = readFileSync(path.join(reports, '2023-04.check.txt'), 'utf8');
    expect(notes).toContain('未知字段');
    const wordText = execFileSync('unzip', ['-p', path.join(reports, '2023-04.docx'), 'word/document.xml'], { encoding: 'utf8' });
    for (const [format, text] of [
      ['md', readFileSync(path.join(reports, '2023-04.md'), 'utf8')],
      ['html', readFileSync(path.join(reports, '2023-04.html'), 'utf8')],
      ['docx', wordText],
    ]) {
      expect(text, format).not.toContain('未知字段');
      expect(text, format).not.toContain('数据核查');
      // (The HTML's screen-only appendix names the entries behind each figure, warnings apart.)
      if (format !== 'html') expect(text, format).not.toContain('logs/甲村.yaml:');
    }
    // A later run with nothing to note takes the old notes away.
    writeFileSync(
      path.join(cwd, 'ws', 'logs', '甲村.yaml'),
      'village: 甲村\nentries:\n  - date: 2023-04-08\n    pillar: night-talk\n    kind: session\n    form: 集中畅谈\n    attendees: 30\n',
    );
    mkdirSync(path.join(cwd, 'ws', 'notes'));
    writeFileSync(path.join(cwd, 'ws', 'notes', '2023-04.md'), '## 存在问题\n\n台账记录不全。\n\n## 下步工作打算\n\n补齐台账。\n');
    const clean = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md'], cwd);
    expect(clean.exitCode, clean.stderr).toBe(0);
    expect(clean.stderr).not.toContain('警告');
    expect(existsSync(path.join(reports, '2023-04.check.txt'))).toBe(false);
  });
});
