/**
 * The command's bundle (dist/bundle/, scripts/bundle-cli.mjs), read as
 * files: what each start loads, where the parse worker is, and that the
 * workspace cache's fingerprint follows the bundled parsing code. Each
 * chunk's source map names the modules it holds.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintFrom } from '../../src/load/code-fingerprint.js';
import { BIN, REPO } from './hosts.js';

const BUNDLE = path.join(REPO, 'dist', 'bundle');
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const chunks = () => readdirSync(BUNDLE).filter((file) => file.endsWith('.js'));
const text = (chunk: string) => readFileSync(path.join(BUNDLE, chunk), 'utf8');

/** The chunks a chunk imports before it runs (not those it loads with `import()`). */
function staticImports(chunk: string): string[] {
  return [...text(chunk).matchAll(/^(?:import|export)\s(?:[^'";]*?\sfrom\s*)?["']\.\/([^"']+)["']/gm)].map((found) => found[1]!);
}

/** A chunk and every chunk it loads before it runs. */
function loadedWith(entry: string): string[] {
  const seen = new Set([entry]);
  for (const chunk of seen) for (const imported of staticImports(chunk)) seen.add(imported);
  return [...seen];
}

/** The modules a chunk holds (its source map's sources), relative to the repository. */
function modulesOf(chunk: string): string[] {
  // The bundler's own helpers come without a map.
  if (!existsSync(path.join(BUNDLE, `${chunk}.map`))) return [];
  const map = JSON.parse(readFileSync(path.join(BUNDLE, `${chunk}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map((source) => path.relative(REPO, path.resolve(BUNDLE, source)).split(path.sep).join('/'));
}

const packageOf = (module: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module)?.[1];

describe('the bundle (dist/bundle)', () => {
  it('starts --version with no package and the help texts, and --help adds only the command-line parser', () => {
    const loaded = loadedWith('revitalize.js');
    const modules = loaded.flatMap(modulesOf);
    expect(modules.filter((module) => packageOf(module) !== undefined)).toEqual([]);
    expect(modules).toContain('src/i18n/help-zh-CN.ts');
    expect(modules).not.toContain('src/i18n/zh-CN.ts');
    const parser = chunks().filter((chunk) => modulesOf(chunk).some((module) => packageOf(module) === 'commander'));
    expect(parser).toHaveLength(1);
    expect(new Set(loadedWith(parser[0]!).flatMap(modulesOf).map(packageOf))).toEqual(new Set(['commander']));
  });

  it('starts report without the libraries of formats, prompts and watching (markdown-it reads the notes)', () => {
    const report = chunks().find((chunk) => modulesOf(chunk).includes('src/cli/commands/report.ts'))!;
    const packages = new Set(loadedWith(report).flatMap(modulesOf).map(packageOf));
    for (const heavy of ['echarts', 'zrender', 'docx', 'jszip', 'liquidjs', '@inquirer/core', 'chokidar']) {
      expect(packages.has(heavy), heavy).toBe(false);
    }
  });

  it('loads from node_modules only the two packages left outside it, so no package has a second copy', () => {
    const outside = new Set<string>();
    for (const chunk of chunks()) {
      const code = text(chunk);
      const named = [
        ...code.matchAll(/^(?:import|export)\s(?:[^'";]*?\sfrom\s*)?["']([^"'.][^"']*)["']/gm),
        ...code.matchAll(/\b(?:__require|import)\(["']([^"'.][^"']*)["']\)/g),
      ].map((found) => found[1]!);
      for (const name of named) if (!builtinModules.includes(name.replace(/^node:/, ''))) outside.add(name);
    }
    expect([...outside].sort()).toEqual(['exceljs', 'playwright-core']);
  });

  it('has the parse worker beside the chunk that starts it, with the parser', () => {
    const starters = chunks().filter((chunk) => modulesOf(chunk).includes('src/load/parse-in-parallel.ts'));
    expect(starters).toHaveLength(1);
    expect(text(starters[0]!)).toContain('./parse-worker.js');
    expect(existsSync(path.join(BUNDLE, 'parse-worker.js'))).toBe(true);
    expect(loadedWith('parse-worker.js').flatMap(modulesOf)).toContain('src/load/parse-log-file.ts');
  });

  it('changes the workspace cache’s fingerprint when the bundled parsing or checking code changes', async () => {
    const copy = path.join(scratch, 'bundle');
    cpSync(BUNDLE, copy, { recursive: true });
    const entry = path.join(copy, 'parse-worker.js');
    const before = await fingerprintFrom(entry);
    for (const module of ['src/load/parse-yaml.ts', 'src/validate/validate-log-file.ts', 'src/schema/log-schema.ts']) {
      const chunk = chunks().find((name) => modulesOf(name).includes(module));
      expect(chunk, module).toBeDefined();
      writeFileSync(path.join(copy, chunk!), `${text(chunk!)}\n// changed\n`);
      expect(await fingerprintFrom(entry), module).not.toBe(before);
      writeFileSync(path.join(copy, chunk!), text(chunk!));
    }
    expect(await fingerprintFrom(entry)).toBe(before);
  });

  it('names lines of src/ in the stack trace of an internal failure with --debug, and prints no trace without it', () => {
    // A failure no input can cause: every number format throws.
    const breakFormats = path.join(scratch, 'break-number-formats.mjs');
    writeFileSync(breakFormats, "Intl.NumberFormat = function () { throw new Error('formats broke'); };\n");
    const workspace = path.join(scratch, 'jinkouhe');
    cpSync(path.join(REPO, 'examples', 'jinkouhe'), workspace, { recursive: true });
    const report = (...flags: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', breakFormats, BIN, 'report', workspace, '--month', '2023-04', '--format', 'md', '-o', path.join(scratch, 'out'), ...flags],
        {
          cwd: REPO,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
    const debug = report('--debug');
    expect(debug.status).toBe(2);
    expect(debug.stderr).toContain('Error: formats broke');
    expect(debug.stderr).toMatch(/\(.*src\/figures\/format-figure\.ts:\d+:\d+\)/);
    const plain = report();
    expect(plain.status).toBe(2);
    expect(plain.stderr).not.toContain('formats broke');
  });
});
