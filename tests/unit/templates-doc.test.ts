/**
 * docs/templates.md promises to document every variable of the report
 * model and every filter; this keeps the promise as the model grows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { configSchema } from '../../src/schema/config-schema.js';
import { buildReport } from '../../src/report/build-report.js';
import { templateFilters } from '../../src/render/template-engine.js';

const page = readFileSync(new URL('../../docs/templates.md', import.meta.url), 'utf8');
const report = buildReport({
  config: configSchema.parse({ region: '测试乡' }),
  month: '2023-04',
  generatedOn: '2023-05-01',
  entries: [],
  suggestions: [],
  warnings: [],
  catalogue: zhCN,
});

describe('docs/templates.md', () => {
  it('documents every field of the report model', () => {
    for (const key of Object.keys(report)) expect(page, `report.${key}`).toContain(`report.${key}`);
    for (const key of Object.keys(report.windowLabels)) expect(page).toContain(`.${key}`);
    for (const key of Object.keys(report.sections[0]!)) expect(page, `section ${key}`).toContain(`\`${key}\``);
    for (const key of Object.keys(report.sections[0]!.rows[0]!)) expect(page, `row ${key}`).toContain(`\`${key}\``);
  });

  it('documents every filter', () => {
    for (const name of Object.keys(templateFilters(zhCN))) expect(page, name).toContain(`| \`${name}`);
  });
});
