import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { checkLayers, layerRules } from '../../scripts/check-layers.mjs';

const root = join(import.meta.dirname, '../..');

describe('layers', () => {
  it('src/ has no import that points up, no cycle, no command importing a command', async () => {
    expect(await checkLayers(root)).toEqual([]);
  });

  it('the config names its rules', () => {
    const names = (layerRules(root).forbidden as { name: string }[]).map((rule) => rule.name);
    expect(names).toEqual(
      expect.arrayContaining(['no-circular', 'no-command-imports-a-command', 'layer-schema-imports-only-below', 'layer-metrics-imports-only-below']),
    );
  });

  it('an upward import, a type-only one included, fails the check', async () => {
    const tree = mkdtempSync(join(tmpdir(), 'layers-test-'));
    try {
      const file = (path: string, text: string) => {
        mkdirSync(join(tree, path, '..'), { recursive: true });
        writeFileSync(join(tree, path), text);
      };
      file('src/schema/log-schema.ts', "import type { Report } from '../report/build-report.js';\nexport type Entry = Report;\n");
      file('src/report/build-report.ts', 'export interface Report { month: string }\n');
      file('src/cli/commands/add.ts', "export { resolveCommand } from './resolve.js';\n");
      file('src/cli/commands/resolve.ts', 'export const resolveCommand = 1;\n');
      const violations = await checkLayers(tree, { rules: layerRules(root) });
      expect(violations).toEqual(
        expect.arrayContaining([
          { rule: 'layer-schema-imports-only-below', from: 'src/schema/log-schema.ts', to: 'src/report/build-report.ts' },
          { rule: 'no-command-imports-a-command', from: 'src/cli/commands/add.ts', to: 'src/cli/commands/resolve.ts' },
        ]),
      );
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
