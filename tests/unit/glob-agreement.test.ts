/**
 * Finding and matching agree: every file the search finds for a set of
 * globs is one the matcher says those globs match, and every file of the
 * workspace the matcher accepts is found. Both read globs through
 * glob-syntax.ts; this is the law that keeps them one engine.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { findWorkspaceFiles } from '../../src/load/find-workspace-files.js';
import { globMatcher } from '../../src/load/glob-syntax.js';

const FILES = [
  'logs/2023-04.yaml',
  'logs/2023-12.yaml',
  'logs/2023/05/东岭村.yaml',
  'logs/.hidden/a.yaml',
  'logs/.dot.yaml',
  'logs/with space/b.yml',
  'logs/[draft] c.yaml',
  'logs/a{b}.yaml',
  'logs/UPPER.YAML',
  '台账/二〇二三/五月.yaml',
  '台账/x.yaml.bak',
  '.revitalize-cache/logs.v8',
  'top.yaml',
  'deep/a/b/c/d.yaml',
];

const GLOBS = [
  '**/*.yaml',
  '**/*.{yaml,yml}',
  'logs/*.yaml',
  'logs/**',
  'logs/2023-{01..12}.yaml',
  'logs/2023-{1..4}.yaml',
  'logs/.hidden/*.yaml',
  'logs/.*.yaml',
  'logs/\\[draft\\]*.yaml',
  'logs/[[]draft*',
  'logs/a\\{b\\}.yaml',
  'logs/with space/*',
  'logs/*/*.yml',
  '台账/**/*.yaml',
  '台账/*',
  '**/!(*.bak)',
  'logs/+(2023)-*.yaml',
  'logs/2023-0?.yaml',
  './logs/*.yaml',
  'logs//*.yaml',
  'logs/',
  '*.yaml',
  'deep/**/d.yaml',
  '**/*.YAML',
];

const root = mkdtempSync(path.join(tmpdir(), 'glob-agreement-'));
for (const file of FILES) {
  mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
  writeFileSync(path.join(root, file), '');
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function found(globs: string[], caseSensitive: boolean): Promise<string[]> {
  const { matches } = await findWorkspaceFiles(root, globs, { caseSensitiveMatch: caseSensitive, onlyFiles: true });
  return [...matches].sort();
}

function matched(globs: string[], caseSensitive: boolean): string[] {
  const isMatch = globMatcher(globs, { caseSensitive });
  return FILES.filter((file) => isMatch(file)).sort();
}

describe('finding and matching globs', () => {
  it.each(GLOBS)('agree on %s', async (glob) => {
    expect(await found([glob], true)).toEqual(matched([glob], true));
    expect(await found([glob], false)).toEqual(matched([glob], false));
  });

  it('find the months of a range as fast-glob did, padded', async () => {
    expect(await found(['logs/2023-{01..12}.yaml'], true)).toEqual(['logs/2023-04.yaml', 'logs/2023-12.yaml']);
    expect(await found(['logs/2023-{1..12}.yaml'], true)).toEqual(['logs/2023-12.yaml']);
  });

  it('leave dot folders to globs that spell the dot', async () => {
    expect(await found(['**/*.yaml'], true)).not.toContain('logs/.hidden/a.yaml');
    expect(await found(['**/*'], true)).not.toContain('.revitalize-cache/logs.v8');
  });

  it('agree on any combination of globs built from the parts real ones use', async () => {
    const part = fc.constantFrom('logs', '台账', '**', '*', '.hidden', '2023', '{logs,台账}', 'with space', '[a-z]*', '?*', '二〇二三');
    const last = fc.constantFrom('*.yaml', '*.{yaml,yml}', '2023-{01..12}.yaml', '*', '?.yaml', '.*', '[[]*', '*.YAML', '!(*.bak)', '五月.yaml');
    const globs = fc.array(
      fc.tuple(fc.array(part, { maxLength: 3 }), last).map(([parts, name]) => [...parts, name].join('/')),
      { minLength: 1, maxLength: 3 },
    );
    await fc.assert(
      fc.asyncProperty(globs, fc.boolean(), async (patterns, caseSensitive) => {
        expect(await found(patterns, caseSensitive)).toEqual(matched(patterns, caseSensitive));
      }),
      { numRuns: 150 },
    );
  });
});
