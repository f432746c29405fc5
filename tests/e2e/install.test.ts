/**
 * SLOW (about 15 seconds: npm packs, builds and installs). revitalize
 * installed as the README says. A copy of the repository, with the
 * dependencies `npm ci` installed, is packed with `npm pack` (whose
 * `prepare` builds dist/); the tarball is installed into a temporary prefix
 * with `npm install --offline`, and the installed command runs. The clone
 * install (`npm ci`, then `npm install -g .`) is checked too: a link to the
 * folder.
 *
 * Offline: `npm ci` fills npm's cache with every locked tarball, but not
 * with the registry's documents that resolving a version range needs, so a
 * tarball installed on its own would ask the registry. The prefix gets the
 * repository's lock file instead (its root emptied): each dependency then
 * resolves to its locked version and comes from the cache, as in CI right
 * after `npm ci`. Locked devDependencies are nobody's dependency there, and
 * are pruned. (Symbolic links to the repository's node_modules do not do:
 * npm then runs the linked packages' own build scripts in place.)
 *
 * The installed package is also used as a library, as a consumer would:
 * `import { ... } from 'revitalize'` in a script run by Node, and the same
 * calls in a TypeScript file checked against the installed declarations.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, copyWorkspace } from './hosts.js';
import { runChild } from '../helpers/run-child.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-install-'));
const copy = path.join(scratch, 'repo');
const prefix = path.join(scratch, 'prefix');
const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** What a checkout holds that a clone would not, or that npm must make itself. */
const LEFT_OUT = new Set(['node_modules', '.git', 'dist', 'reports', '.revitalize-cache']);

/** npm's environment without what `npm test` passes its scripts (a prefix, the package's own settings). */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_(package_|lifecycle_|config_(prefix|global|local_prefix|dry_run)$)/i.test(name)),
  );
  return { ...env, npm_config_update_notifier: 'false', NO_COLOR: '1' };
}

async function npm(args: string[], cwd: string) {
  const run = await runChild('npm', args, { cwd, env: npmEnvironment(), timeoutMs: 240_000 });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

const revitalize = (bin: string, args: string[], cwd = scratch) => runChild(bin, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });

beforeAll(async () => {
  cpSync(REPO, copy, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const name = path.basename(source);
      return !LEFT_OUT.has(name) && !name.endsWith('.tgz');
    },
  });
  // As after `npm ci`: the dependencies, the build tools among them.
  symlinkSync(realpathSync(path.join(REPO, 'node_modules')), path.join(copy, 'node_modules'), 'junction');
  await npm(['pack', '--pack-destination', scratch], copy);

  const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { name: string; packages: Record<string, unknown> };
  const root = { name: 'revitalize-install-test', private: true };
  mkdirSync(prefix);
  writeFileSync(path.join(prefix, 'package.json'), JSON.stringify(root));
  writeFileSync(path.join(prefix, 'package-lock.json'), JSON.stringify({ ...lock, name: root.name, packages: { ...lock.packages, '': root } }));
  await npm(['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(scratch, `revitalize-${version}.tgz`)], scratch);
}, 300_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('installed from the packed tarball (slow)', () => {
  const installed = () => path.join(prefix, 'node_modules', 'revitalize');
  const bin = () => path.join(prefix, 'node_modules', '.bin', 'revitalize');

  it('revitalize --version and --help run', async () => {
    const shown = await revitalize(bin(), ['--version']);
    expect(shown.stderr).toBe('');
    expect(shown.status).toBe(0);
    expect(shown.stdout.trim()).toBe(version);
    const help = await revitalize(bin(), ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('revitalize report');
    expect(help.stdout).toContain('用法');
  });

  it('holds the program, its templates, scaffold and schemas, and the documentation, and nothing else', () => {
    for (const file of [
      'dist/index.js',
      'bin/revitalize.js',
      'templates/zh-CN/report.md.liquid',
      'scaffold/zh-CN/revitalize.yaml.liquid',
      'schema/log.schema.json',
      'docs/format.md',
      'docs/errors.md',
      'docs/zh-CN/README.md',
      'docs/zh-CN/errors.md',
    ]) {
      expect(existsSync(path.join(installed(), file)), file).toBe(true);
    }
    for (const left of ['src', 'tests', 'examples', 'scripts', 'docs/screenshots']) {
      expect(existsSync(path.join(installed(), left)), left).toBe(false);
    }
    const dependencies = readdirSync(path.join(prefix, 'node_modules'));
    expect(dependencies).toContain('commander');
    expect(dependencies).not.toContain('typescript');
    expect(dependencies).not.toContain('vitest');
  });

  it('starts a workspace and reports on it', async () => {
    const init = await revitalize(bin(), ['init', 'ws', '--region', '测试乡']);
    expect(init.status, init.stderr).toBe(0);
    const report = await revitalize(bin(), ['report', 'ws', '--format', 'md', '-o', '-']);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/^# 测试乡\d{4}年\d{1,2}月“四联”工作情况报告/);
  });
});

describe.skipIf(process.platform === 'win32')('imported as a library from the installed package (slow)', () => {
  // A report of a clean workspace, and the problems of a broken one worded in English: what a caller of the library does.
  const CONSUMER = `
import { catalogueFor, describeProblem, makeReport, problemPlace } from 'revitalize';

const [clean, broken] = process.argv.slice(2);
const made = await makeReport({ workspace: clean, month: '2023-04', formats: ['json'], generatedOn: '2023-05-01' });
if (!made.ok) throw new Error('the clean workspace has problems');
const refused = await makeReport({ workspace: broken, month: '2023-04', formats: ['md'], generatedOn: '2023-05-01' });
const english = catalogueFor('en');
console.log(JSON.stringify({
  region: made.report.region,
  json: JSON.parse(made.rendered.get('json')).region,
  refused: !refused.ok,
  problems: refused.problems.map((found) => \`\${problemPlace(found)}: \${found.code}: \${describeProblem(found, english).message}\`),
}));
`;
  // The same calls, typed: checked against the installed declarations only (types come from the package, not from src/).
  const TYPED_CONSUMER = `
import { catalogueFor, describeProblem, makeReport } from 'revitalize';
import type { Catalogue, MakeReportResult, Problem, ProblemCode, ReportModel } from 'revitalize';

const english: Catalogue = catalogueFor('en');
export async function firstProblem(workspace: string): Promise<string | undefined> {
  const made: MakeReportResult = await makeReport({ workspace, month: '2023-04', formats: ['md'], generatedOn: '2023-05-01' });
  const found: Problem | undefined = made.problems[0];
  const code: ProblemCode | undefined = found?.code;
  return found && code ? describeProblem(found, english).message : undefined;
}
export function regionOf(report: ReportModel): string {
  return report.region;
}
`;

  it('makes a report and words its problems through the package entry (ESM import)', async () => {
    const consumer = mkdtempSync(path.join(scratch, 'consumer-'));
    copyWorkspace('examples/jinkouhe', path.join(consumer, 'clean'));
    copyWorkspace('tests/fixtures/bad-type', path.join(consumer, 'broken'));
    writeFileSync(path.join(prefix, 'consumer.mjs'), CONSUMER);
    const run = await runChild(process.execPath, [path.join(prefix, 'consumer.mjs'), path.join(consumer, 'clean'), path.join(consumer, 'broken')], {
      cwd: prefix,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const said = JSON.parse(run.stdout) as { region: string; json: string; refused: boolean; problems: string[] };
    expect(said.region).toBe(said.json);
    expect(said.region.length).toBeGreaterThan(0);
    expect(said.refused).toBe(true);
    expect(said.problems[0]).toMatch(/^logs\/2023\/04\/甲村\.yaml:7:16: E-WRONG-TYPE: .*attendees/);
  });

  it('type-checks a TypeScript consumer against the installed declarations', async () => {
    const installedTypes = path.join(prefix, 'node_modules', 'revitalize', 'dist', 'index.d.ts');
    expect(existsSync(installedTypes), installedTypes).toBe(true);
    writeFileSync(path.join(prefix, 'consumer.ts'), TYPED_CONSUMER);
    writeFileSync(
      path.join(prefix, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ['consumer.ts'],
      }),
    );
    const tsc = path.join(REPO, 'node_modules', '.bin', 'tsc');
    const checked = await runChild(tsc, ['-p', path.join(prefix, 'tsconfig.json')], { cwd: prefix });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);

    // And a wrong call is caught: the declarations really type the package.
    writeFileSync(path.join(prefix, 'consumer.ts'), `${TYPED_CONSUMER}\nexport const wrong: number = catalogueFor('en');\n`);
    const refused = await runChild(tsc, ['-p', path.join(prefix, 'tsconfig.json')], { cwd: prefix });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toContain('consumer.ts');
  });
});

describe.skipIf(process.platform === 'win32')('installed from a clone after npm ci (slow)', () => {
  it('npm install -g . links the command to the folder, and it runs', async () => {
    // The dependencies are in place and dist/ is built (by the pack above, as by npm ci's prepare).
    const global = path.join(scratch, 'global');
    await npm(['install', '-g', '.', '--prefix', global, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], copy);
    expect(realpathSync(path.join(global, 'lib', 'node_modules', 'revitalize'))).toBe(realpathSync(copy));
    const shown = await revitalize(path.join(global, 'bin', 'revitalize'), ['--version']);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout.trim()).toBe(version);
  });
});
