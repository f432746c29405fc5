/**
 * One scenario of the table run on one host and compared with its golden
 * files: golden.test.ts runs them all in-process, golden-spawned.test.ts
 * through the built bin (the slow half, in the slow project).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import type { Host } from './hosts.js';
import { copyWorkspace, REPO } from './hosts.js';
import type { Scenario } from './scenarios.js';

const GOLDEN = path.join(REPO, 'tests', 'golden');
/** Golden files are written from in-process runs only; the spawned bin must then give the same. */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under a folder, relative, with forward slashes, sorted. */
function filesUnder(root: string, skip: (relative: string) => boolean = () => false): string[] {
  if (!existsSync(root)) return [];
  return (
    (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      // The workspace cache is the tool's own business, not an output to compare.
      .filter((file) => !skip(file) && !file.split('/').includes('.revitalize-cache'))
      .sort()
  );
}

function fingerprint(root: string, files: string[]): Record<string, string> {
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(root, file)))
        .digest('hex'),
    ]),
  );
}

const isOutput = (file: string) => file.startsWith('reports/');

/** Runs a scenario on a host in a fresh copy of its workspace, and checks it against tests/golden/<name>/. */
export async function checkScenario(scenario: Scenario, hostName: 'in-process' | 'spawned bin', host: Host): Promise<void> {
  const cwd = mkdtempSync(path.join(scratch, `${scenario.name}-`));
  const workspace = path.join(cwd, 'ws');
  if (scenario.fixture) copyWorkspace(scenario.fixture, workspace);
  const inputs = filesUnder(workspace);
  const before = fingerprint(workspace, inputs);

  const result = await host(scenario.args, cwd);

  // The workspace's own files are never modified.
  expect(fingerprint(workspace, inputs)).toEqual(before);
  expect(result.exitCode, result.stderr).toBe(scenario.exitCode);

  const transcript = [
    `$ revitalize ${scenario.args.join(' ')}`,
    `exit: ${result.exitCode}`,
    '--- stdout ---',
    result.stdout,
    '--- stderr ---',
    result.stderr,
  ].join('\n');
  const outputs = filesUnder(cwd, (file) => file.startsWith('ws/') && !isOutput(file.slice(3)));
  const goldenDir = path.join(GOLDEN, scenario.name);

  if (UPDATE && hostName === 'in-process') {
    rmSync(goldenDir, { recursive: true, force: true });
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path.join(goldenDir, 'transcript.txt'), transcript);
    for (const file of outputs) {
      const target = path.join(goldenDir, 'files', file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(path.join(cwd, file)));
    }
    return;
  }

  expect(transcript).toBe(readFileSync(path.join(goldenDir, 'transcript.txt'), 'utf8'));
  expect(outputs).toEqual(filesUnder(path.join(goldenDir, 'files')));
  for (const file of outputs) {
    expect(readFileSync(path.join(cwd, file), 'utf8'), file).toBe(readFileSync(path.join(goldenDir, 'files', file), 'utf8'));
  }
}
