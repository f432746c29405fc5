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
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './hosts.js';

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

function npm(args: string[], cwd: string) {
  const run = spawnSync('npm', args, { cwd, encoding: 'utf8', env: npmEnvironment() });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return run;
}

const revitalize = (bin: string, args: string[], cwd = scratch) =>
  spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

beforeAll(() => {
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
  npm(['pack', '--pack-destination', scratch], copy);

  const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { name: string; packages: Record<string, unknown> };
  const root = { name: 'revitalize-install-test', private: true };
  mkdirSync(prefix);
  writeFileSync(path.join(prefix, 'package.json'), JSON.stringify(root));
  writeFileSync(path.join(prefix, 'package-lock.json'), JSON.stringify({ ...lock, name: root.name, packages: { ...lock.packages, '': root } }));
  npm(['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(scratch, `revitalize-${version}.tgz`)], scratch);
}, 300_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('installed from the packed tarball (slow)', () => {
  const installed = () => path.join(prefix, 'node_modules', 'revitalize');
  const bin = () => path.join(prefix, 'node_modules', '.bin', 'revitalize');

  it('revitalize --version and --help run', () => {
    const shown = revitalize(bin(), ['--version']);
    expect(shown.stderr).toBe('');
    expect(shown.status).toBe(0);
    expect(shown.stdout.trim()).toBe(version);
    const help = revitalize(bin(), ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('revitalize report');
    expect(help.stdout).toContain('用法');
  });

  it('holds the program, its templates, scaffold and schemas, and the documentation, and nothing else', () => {
    for (const file of ['dist/index.js', 'bin/revitalize.js', 'templates/zh-CN/report.md.liquid', 'scaffold/zh-CN/revitalize.yaml.liquid', 'schema/log.schema.json', 'docs/format.md', 'docs/errors.md', 'docs/zh-CN/README.md', 'docs/zh-CN/errors.md']) {
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

  it('starts a workspace and reports on it', () => {
    const init = revitalize(bin(), ['init', 'ws', '--region', '测试乡']);
    expect(init.status, init.stderr).toBe(0);
    const report = revitalize(bin(), ['report', 'ws', '--format', 'md', '-o', '-']);
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toMatch(/^# 测试乡\d{4}年\d{1,2}月“四联”工作情况报告/);
  });
});

describe.skipIf(process.platform === 'win32')('installed from a clone after npm ci (slow)', () => {
  it('npm install -g . links the command to the folder, and it runs', () => {
    // The dependencies are in place and dist/ is built (by the pack above, as by npm ci's prepare).
    const global = path.join(scratch, 'global');
    npm(['install', '-g', '.', '--prefix', global, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], copy);
    expect(realpathSync(path.join(global, 'lib', 'node_modules', 'revitalize'))).toBe(realpathSync(copy));
    const shown = revitalize(path.join(global, 'bin', 'revitalize'), ['--version']);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout.trim()).toBe(version);
  });
});
