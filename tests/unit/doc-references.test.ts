/**
 * Every pointer at the documentation resolves. Messages, help, templates,
 * the scaffold, examples and comments send readers to "docs/format.md",
 * "docs/zh-CN/logs.md 的“记录类型一览”一节" or 'docs/templates.md, "The
 * document's parts"'; the README and the pages link to each other with
 * anchors. Each must name a file that exists and, where it names a part, a
 * heading of that file (anchors as GitHub makes them). A clerk reads
 * Chinese: the Chinese messages, help, scaffold and templates point at the
 * Chinese guide.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import type { DocReference } from '../helpers/doc-references.js';
import { githubSlug, headingsOf, markdownLinks, writtenPointers } from '../helpers/doc-references.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');

/** Everything that may point a reader at the documentation. */
const SOURCES = globSync(
  ['README.md', 'docs/**/*.md', 'src/**/*.ts', 'templates/**/*.liquid', 'scaffold/**/*.liquid', 'examples/**/*.{yaml,md}', 'scripts/**/*.mjs', 'bin/**/*.js'],
  { cwd: REPO, ignore: ['**/node_modules/**', 'examples/*/reports/**'], expandDirectories: false },
);
/** Clerk-facing Chinese text: its pointers lead to docs/zh-CN/. */
const CHINESE = ['src/i18n/zh-CN.ts', 'src/i18n/help-zh-CN.ts', 'src/i18n/prose-zh-CN.ts', 'scaffold/zh-CN/**', 'templates/zh-CN/**', 'examples/jinkouhe/**'];

const references: DocReference[] = SOURCES.flatMap((file) => [
  ...(file.endsWith('.md') ? markdownLinks(file, read(file)) : []),
  ...writtenPointers(file, read(file)),
]);

const headings = new Map<string, ReturnType<typeof headingsOf>>();
const headingsIn = (file: string) => headings.get(file) ?? headings.set(file, headingsOf(read(file))).get(file)!;

/** What is wrong with a reference, or undefined. */
function brokenBecause(reference: DocReference): string | undefined {
  const target = path.join(REPO, reference.target);
  if (!existsSync(target)) return `${reference.target} does not exist`;
  if (!reference.target.endsWith('.md')) return undefined;
  if (reference.anchor !== undefined && !headingsIn(reference.target).anchors.has(reference.anchor)) {
    return `${reference.target} has no heading with the anchor #${reference.anchor}`;
  }
  if (reference.heading !== undefined && !headingsIn(reference.target).texts.has(reference.heading)) {
    return `${reference.target} has no heading “${reference.heading}”`;
  }
  return undefined;
}

describe('GitHub anchors', () => {
  it.each([
    ['The metrics', 'the-metrics'],
    ["A month's notes", 'a-months-notes'],
    ['`revitalize.yaml`', 'revitalizeyaml'],
    ['Merging township reports (rollup)', 'merging-township-reports-rollup'],
    ['E-TEMPLATE', 'e-template'],
    ['新建工作区', '新建工作区'],
    ['三、下步工作打算：', '三下步工作打算'],
    ['跨村联建党组织（joint-org）', '跨村联建党组织joint-org'],
    ['“四联”是什么', '四联是什么'],
  ])('%s → #%s', (heading, anchor) => {
    expect(githubSlug(heading)).toBe(anchor);
  });

  it('numbers repeated headings -1, -2 and ignores code blocks', () => {
    const page = '# Notes\n\n## Example\n\n```markdown\n## Not a heading\n```\n\n## Example\n\n## Example\n';
    expect([...headingsOf(page).anchors]).toEqual(['notes', 'example', 'example-1', 'example-2']);
  });
});

describe('references to the documentation', () => {
  it('finds the pointers of every form', () => {
    expect(SOURCES).toContain('src/i18n/zh-CN.ts');
    const forms = references.filter((reference) => reference.from === 'src/i18n/zh-CN.ts').map((reference) => reference.heading ?? reference.target);
    expect(forms).toContain('变量和过滤器');
    expect(references.some((reference) => reference.heading === "The document's parts")).toBe(true);
    expect(references.some((reference) => reference.from === 'README.md' && reference.anchor === 'install')).toBe(true);
    expect(references.length).toBeGreaterThan(200);
  });

  it('each names a file that exists and a heading it has', () => {
    const broken = references
      .map((reference) => ({ reference, why: brokenBecause(reference) }))
      .filter(({ why }) => why !== undefined)
      .map(({ reference, why }) => `${reference.from}:${reference.line}: ${reference.text}: ${why}`);
    expect(broken).toEqual([]);
  });

  it('Chinese messages, help, scaffold, templates and the Chinese example point at the Chinese guide', () => {
    const chinese = globSync(CHINESE, { cwd: REPO, ignore: ['examples/*/reports/**'], expandDirectories: false });
    const elsewhere = references
      .filter((reference) => chinese.includes(reference.from) && !reference.target.startsWith('docs/zh-CN/'))
      .map((reference) => `${reference.from}:${reference.line}: ${reference.text}`);
    expect(chinese.length).toBeGreaterThan(5);
    expect(elsewhere).toEqual([]);
  });
});
