/**
 * The error catalogue: for every problem code, tests/errors/<CODE>/ holds a
 * workspace that shows exactly that problem, and its case.yaml the fix.
 * A rollup's case (`command: rollup`) holds the township reports instead,
 * laid over `base`: the base's own report is the fix.
 * This checks each one's exact message and location (against expected.txt),
 * its exit code, that the fix clears it, and that docs/errors.md and
 * docs/zh-CN/errors.md are the pages made from them all.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as nodeFs from 'node:fs/promises';
import type { WorkspaceFs } from '../../src/load/read-regular-file.js';
import { readTownshipReports } from '../../src/make-rollup.js';
import { ERROR_CODES, WARNING_CODES } from '../../src/problems/problem.js';
import type { CatalogueCase } from '../helpers/error-docs.js';
import { ERROR_PAGES } from '../helpers/error-docs.js';
import { REPO, copyWorkspace, inProcess } from './hosts.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-errors-'));
const CODES = [...ERROR_CODES, ...WARNING_CODES];
const folderOf = (code: string) => path.join(REPO, 'tests', 'errors', code);

interface CaseFile {
  summary: CatalogueCase['summary'];
  file: string;
  shown?: string;
  fix: string;
  /** Where the fix is written, when it is not `file` (a file renamed); `file` is then deleted. */
  fixedFile?: string;
  /** Arguments after `check ws`, e.g. [--month, 2023-04]; for a rollup, after `rollup`, run in the folder of the reports. */
  args?: string[];
  /** The command, when it is not `check`; `import`'s args name the spreadsheet under ws/ (ws/五月.csv -w ws). */
  command?: 'rollup' | 'import';
  /** A rollup's reports without the mistake, under ws/'s: the fix is to give `file` as it is here. */
  base?: string;
  simulate?: { file: string; code: string };
}

/** File access that fails to open one file, as a locked or forbidden file would. */
function failingRead(root: string, simulate: CaseFile['simulate']): WorkspaceFs | undefined {
  if (!simulate) return undefined;
  // Files are opened by their real path (links followed).
  const target = realpathSync(path.join(root, simulate.file));
  return {
    ...nodeFs,
    open: async (file: string, flags: number) => {
      if (file === target) throw Object.assign(new Error(`${simulate.code}: simulated`), { code: simulate.code });
      return nodeFs.open(file, flags);
    },
  };
}

function readCase(code: string): CaseFile {
  return parse(readFileSync(path.join(folderOf(code), 'case.yaml'), 'utf8')) as CaseFile;
}

/** A code's entry on the pages: its case, the wrong file and what the command says about it (expected.txt), as committed. */
function catalogueCase(code: string): CatalogueCase {
  const entry = readCase(code);
  const wrongPath = path.join(folderOf(code), 'ws', entry.file);
  // A case that cannot be shown as text (a link to a device, a loop) says so in `shown`, and is not read here either.
  const wrong = entry.shown === undefined && existsSync(wrongPath) ? readFileSync(wrongPath, 'utf8') : '';
  return {
    code,
    summary: entry.summary,
    file: entry.file,
    ...(entry.shown ? { shown: entry.shown } : {}),
    ...(entry.fixedFile ? { fixedFile: entry.fixedFile } : {}),
    ...(entry.command ? { command: entry.command, args: entry.args ?? [] } : entry.args ? { args: entry.args } : {}),
    wrong,
    fix: entry.fix,
    output: readFileSync(path.join(folderOf(code), 'expected.txt'), 'utf8'),
  };
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('error catalogue', () => {
  for (const code of CODES) {
    it(code, async () => {
      const folder = folderOf(code);
      expect(existsSync(path.join(folder, 'case.yaml')), `tests/errors/${code}/case.yaml`).toBe(true);
      const entry = readCase(code);
      if (entry.command === 'rollup') return checkRollupCase(code, folder, entry);
      if (entry.command === 'import') return checkImportCase(code, folder, entry);
      const cwd = mkdtempSync(path.join(scratch, `${code}-`));
      const workspace = path.join(cwd, 'ws');
      copyWorkspace(`tests/errors/${code}/ws`, workspace);
      const fs = failingRead(workspace, entry.simulate);

      const check = ['check', 'ws', ...(entry.args ?? [])];
      const text = await inProcess(check, cwd, fs);
      const listed = await inProcess([...check, '--format', 'json'], cwd, fs);
      const problems = JSON.parse(listed.stdout) as { code: string }[];
      expect(problems.map((p) => p.code)).toContain(code);
      expect(
        problems.every((p) => p.code === code),
        JSON.stringify(problems),
      ).toBe(true);
      expect(text.exitCode).toBe(code.startsWith('E-') ? 1 : 0);
      expect(text.stderr).toBe('');

      const expectedFile = path.join(folder, 'expected.txt');
      if (UPDATE) writeFileSync(expectedFile, text.stdout);
      expect(text.stdout).toBe(readFileSync(expectedFile, 'utf8'));

      const fixedFile = entry.fixedFile ?? entry.file;

      // The fix clears the problem, and leaves no other.
      rmSync(path.join(workspace, entry.file), { force: true });
      mkdirSync(path.dirname(path.join(workspace, fixedFile)), { recursive: true });
      writeFileSync(path.join(workspace, fixedFile), entry.fix);
      const fixed = await inProcess([...check, '--format', 'json'], cwd);
      expect(JSON.parse(fixed.stdout)).toEqual([]);
      expect(fixed.exitCode).toBe(0);
    });
  }

  /** A rollup refusing exactly this problem (exit 1, said on stderr), and rolling up once `file` is the base's. */
  async function checkRollupCase(code: string, folder: string, entry: CaseFile): Promise<void> {
    expect(entry.base, `tests/errors/${code}: a rollup case needs a base`).toBeDefined();
    const cwd = mkdtempSync(path.join(scratch, `${code}-`));
    copyWorkspace(entry.base!, cwd);
    copyWorkspace(`tests/errors/${code}/ws`, cwd);
    const args = ['rollup', ...(entry.args ?? [])];
    const text = await inProcess(args, cwd);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toBe('');

    // rollup lists no problems as JSON: their codes are read from the library that finds them.
    const reports = (entry.args ?? []).filter((arg) => arg.endsWith('.json')).map((file) => ({ file, text: readFileSync(path.join(cwd, file), 'utf8') }));
    const read = readTownshipReports(reports);
    const codes = read.ok ? [] : read.problems.map((found) => found.code);
    expect(codes).toContain(code);
    expect(
      codes.every((found) => found === code),
      JSON.stringify(codes),
    ).toBe(true);

    const expectedFile = path.join(folder, 'expected.txt');
    if (UPDATE) writeFileSync(expectedFile, text.stderr);
    expect(text.stderr).toBe(readFileSync(expectedFile, 'utf8'));

    copyWorkspace(path.join(entry.base!, entry.file), path.join(cwd, entry.file));
    const fixed = await inProcess(args, cwd);
    expect(fixed.stderr).not.toMatch(/错误|error/i);
    expect(fixed.exitCode).toBe(0);
  }

  /**
   * An import refusing a spreadsheet (exit 1) or warning about it (exit 0):
   * what it prints (problems, then what was imported) is expected.txt; the
   * fixed spreadsheet (`fixedFile` when the fix is another file) imports
   * with nothing said on standard error.
   */
  async function checkImportCase(code: string, folder: string, entry: CaseFile): Promise<void> {
    const cwd = mkdtempSync(path.join(scratch, `${code}-`));
    copyWorkspace(`tests/errors/${code}/ws`, path.join(cwd, 'ws'));
    const args = ['import', ...(entry.args ?? [])];
    const text = await inProcess(args, cwd);
    expect(text.exitCode).toBe(code.startsWith('E-') ? 1 : 0);
    expect(text.stderr).toContain(code.startsWith('E-') ? '错误' : '警告');
    const expectedFile = path.join(folder, 'expected.txt');
    if (UPDATE) writeFileSync(expectedFile, text.stderr + text.stdout);
    expect(text.stderr + text.stdout).toBe(readFileSync(expectedFile, 'utf8'));

    const fixedFile = entry.fixedFile ?? entry.file;
    rmSync(path.join(cwd, 'ws', entry.file), { force: true });
    writeFileSync(path.join(cwd, 'ws', fixedFile), entry.fix);
    const fixedArgs = args.map((arg) => (arg === `ws/${entry.file}` ? `ws/${fixedFile}` : arg));
    const fixed = await inProcess(fixedArgs, cwd);
    expect(fixed.stderr).toBe('');
    expect(fixed.exitCode).toBe(0);
  }

  for (const { file, render } of ERROR_PAGES) {
    // Made from the committed cases and their expected outputs (each checked above against a real run), so it holds on its own, in any order.
    it(`${file} is the page made from the catalogue`, () => {
      const cases = CODES.filter((code) => existsSync(path.join(folderOf(code), 'case.yaml'))).map(catalogueCase);
      const page = render(cases);
      const docs = path.join(REPO, file);
      if (UPDATE) writeFileSync(docs, page);
      expect(
        existsSync(docs) ? readFileSync(docs, 'utf8') : '',
        `${file} is out of date: UPDATE_GOLDEN=1 npx vitest run tests/e2e/error-catalogue.test.ts`,
      ).toBe(page);
    });
  }
});
