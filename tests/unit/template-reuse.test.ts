/**
 * A report's renders read and parse each template once: the Markdown
 * report, rendered for `md` and again inside `html`, and the includes it
 * renders once per pillar or village table. A new report reads them again,
 * as `report --watch` needs after an edit.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { NODE_FS } from '../../src/load/read-regular-file.js';
import { makeReport } from '../../src/make-report.js';

const reads = vi.hoisted(() => [] as string[]);
vi.mock('../../src/load/read-regular-file.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/read-regular-file.js')>();
  return {
    ...original,
    readRegularFileSync: (file: string, options: Parameters<typeof original.readRegularFileSync>[1]) => {
      if (file.endsWith('.liquid')) reads.push(path.basename(file));
      return original.readRegularFileSync(file, options);
    },
  };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-template-reuse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const report = (workspace: string) =>
  makeReport({ workspace, month: '2023-04', formats: ['md', 'html'], generatedOn: '2023-05-01', today: '2023-05-01', fs: NODE_FS });

const counted = (names: string[]) => Object.fromEntries([...new Set(names)].sort().map((name) => [name, names.filter((each) => each === name).length]));

describe('templates of one report', () => {
  it('are each read and parsed once, includes too, for md and html together', async () => {
    reads.length = 0;
    const made = await report(path.resolve('examples', 'jinkouhe'));
    expect(made.ok).toBe(true);
    expect(counted(reads)).toEqual({ 'metric-table.liquid': 1, 'report.html.liquid': 1, 'report.md.liquid': 1, 'village-table.liquid': 1 });
  });

  it('are read again for the next report, with the edit made in between', async () => {
    const workspace = path.join(scratch, 'ws');
    cpSync(path.resolve('examples', 'jinkouhe'), workspace, { recursive: true });
    const own = path.join(workspace, 'templates', 'zh-CN', 'village-table.liquid');
    cpSync(path.resolve('templates', 'zh-CN', 'village-table.liquid'), own);
    const first = await report(workspace);
    writeFileSync(own, `${readFileSync(own, 'utf8')}\n本表由村里填报。\n`);
    reads.length = 0;
    const second = await report(workspace);
    expect(reads).toContain('village-table.liquid');
    if (!first.ok || !second.ok) throw new Error('the example has errors');
    expect(first.rendered.get('md')).not.toContain('本表由村里填报。');
    expect(second.rendered.get('md')).toContain('本表由村里填报。');
  });
});
