/**
 * Whatever a clerk does to a file, the tool answers with located problems
 * or a report, never a crash: random mutations of valid workspaces (lines
 * deleted, indents changed, values swapped for other types, random bytes,
 * files cut short) through `check` and `report`, in-process.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkspace, inProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-mutations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ODD_VALUES = [
  '[]',
  '{}',
  '"x"',
  '-1',
  '1.5',
  'null',
  '~',
  '2023-02-30',
  '*a',
  '&a x',
  '[',
  '"',
  "'",
  '- x',
  ': :',
  '1e400',
  '!!binary AA',
  '9999999999999',
];

type Mutation = (text: Buffer) => Buffer;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n) => (text: Buffer) => lines(text, (all) => all.filter((_, i) => i !== n % Math.max(1, all.length)))),
  fc.tuple(fc.nat(), fc.integer({ min: -3, max: 3 })).map(
    ([n, shift]) =>
      (text: Buffer) =>
        lines(text, (all) => all.map((line, i) => (i === n % Math.max(1, all.length) ? (shift > 0 ? ' '.repeat(shift) + line : line.slice(-shift)) : line))),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...ODD_VALUES)).map(
    ([n, odd]) =>
      (text: Buffer) =>
        lines(text, (all) => all.map((line, i) => (i === n % Math.max(1, all.length) ? line.replace(/:\s.*$/, `: ${odd}`) : line))),
  ),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([n, bytes]) => (text: Buffer) => {
    const at = n % (text.length + 1);
    return Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at)]);
  }),
  fc.nat().map((n) => (text: Buffer) => text.subarray(0, n % (text.length + 1))),
  fc.nat().map((n) => (text: Buffer) => lines(text, (all) => all.flatMap((line, i) => (i === n % Math.max(1, all.length) ? [line, line] : [line])))),
);

function lines(text: Buffer, change: (all: string[]) => string[]): Buffer {
  return Buffer.from(change(text.toString('utf8').split('\n')).join('\n'));
}

const LOCATED = /^\S+?(:\d+:\d+)?: (错误|警告|error|warning)(：|: )/m;

describe.each(['examples/riverside', 'tests/fixtures/edges'])('random mutations of %s', (fixture) => {
  const cwd = mkdtempSync(path.join(scratch, 'ws-'));
  const workspace = path.join(cwd, 'ws');
  copyWorkspace(fixture, workspace);
  const files = (readdirSync(workspace, { recursive: true }) as string[]).filter((file) => file.endsWith('.yaml')).sort();

  it('never crash: check and report exit 0 or 1, with located problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (pick, mutations) => {
        const file = path.join(workspace, files[pick % files.length]!);
        const original = readFileSync(file);
        writeFileSync(
          file,
          mutations.reduce<Buffer>((text, mutate) => mutate(text), original),
        );
        try {
          const check = await inProcess(['check', 'ws'], cwd);
          expect([0, 1], check.stderr).toContain(check.exitCode);
          expect(check.stderr).toBe('');
          if (check.exitCode === 1) expect(check.stdout).toMatch(LOCATED);

          const report = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md,html,json', '-o', 'out'], cwd);
          expect([0, 1], report.stderr).toContain(report.exitCode);
          expect(report.stderr).not.toMatch(/内部错误|internal error/);
          // report and check agree on whether the data has errors
          expect(report.exitCode).toBe(check.exitCode);
          if (report.exitCode === 1) expect(report.stderr).toMatch(LOCATED);
        } finally {
          writeFileSync(file, original);
        }
      }),
      { numRuns: Number(process.env.MUTATION_RUNS ?? 60) },
    );
  }, 120_000);
});
