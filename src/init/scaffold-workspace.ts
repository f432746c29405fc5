/**
 * The files of a new workspace: a commented config, one sample month of
 * logs with an entry of every kind (all dated on or before the given day, so
 * nothing is "in the future"), that month's notes with every section's
 * heading and what belongs under it, the editor schemas, and a .gitignore
 * for reports, the cache and the lock of commands that write logs. Made
 * from the scaffold/ templates; writing them is the caller's.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseDocument, stringify } from 'yaml';
import type { Locale } from '../i18n/locale.js';
import { catalogueFor } from '../i18n/catalogues.js';
import { monthOf } from '../metrics/report-period.js';
import { CACHE_FOLDER } from '../load/workspace-cache.js';
import { notesFile } from '../notes/notes-file.js';
import { LOCK_NAME } from '../write/workspace-lock.js';

const SCAFFOLD = new URL('../../scaffold/', import.meta.url);
const SCHEMAS = new URL('../../schema/', import.meta.url);

const SAMPLE: Record<Locale, { region: string; villageA: string; villageB: string; idPrefix: string; file: string; secondFile: string }> = {
  'zh-CN': { region: '示例乡', villageA: '示例一村', villageB: '示例二村', idPrefix: '示例一', file: '示例一村.yaml', secondFile: '示例二村.yaml' },
  en: { region: 'Sample Township', villageA: 'Village A', villageB: 'Village B', idPrefix: 'VA', file: 'village-a.yaml', secondFile: 'village-b.yaml' },
};

/**
 * Text as a YAML scalar that every reader reads back as that text: plain
 * when it can be, else double-quoted. `金口河区 #2` unquoted would lose its
 * `#2` as a comment, `a: b` would be a mapping, and `yes` is true to a YAML
 * 1.1 reader (the same rule as entries written by `add`).
 */
function yamlText(text: string): string {
  const plain = stringify(text, { lineWidth: 0 }).trimEnd();
  const readsBack = (version: '1.1' | '1.2') => {
    const parsed = parseDocument(plain, { version });
    return parsed.errors.length === 0 && parsed.toJS() === text;
  };
  return readsBack('1.1') && readsBack('1.2') ? plain : stringify(text, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 }).trimEnd();
}

/** Relative path → content, for a workspace started on `day`. */
export async function scaffoldWorkspace(locale: Locale, day: Date, region?: string): Promise<Map<string, string>> {
  const { Liquid } = await import('liquidjs');
  const engine = new Liquid({ root: fileURLToPath(new URL(`${locale}/`, SCAFFOLD)), extname: '.liquid', strictVariables: true });
  const sample = SAMPLE[locale];
  const month = monthOf(day);
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  // Sample days 1 to 8 of the month, none later than the day the workspace is made.
  const days = Object.fromEntries([1, 2, 3, 4, 5, 6, 8].map((n) => [`day${n}`, `${month}-${String(Math.min(n, day.getDate())).padStart(2, '0')}`]));
  const named = region ?? sample.region;
  const context = {
    ...sample,
    ...days,
    // In revitalize.yaml, as YAML text that reads back as itself; in the notes' opening comment, unable to close it.
    region: yamlText(named),
    regionInComment: named.replaceAll('--', '- -'),
    month,
    monthLabel: catalogueFor(locale).formatMonth(month),
    monthSlash: `${year}/${monthNumber}`,
    monthChinese: `${year}年${monthNumber}月`,
    idPrefix: `${sample.idPrefix}-${days.day8!.replace(/-/g, '')}`,
  };
  return new Map([
    ['revitalize.yaml', await engine.renderFile('revitalize.yaml.liquid', context)],
    [`logs/${year}/${String(monthNumber).padStart(2, '0')}/${sample.file}`, await engine.renderFile('sample-log.yaml.liquid', context)],
    // Every listed village logs something, as a month's logs should: the second village's night talk.
    [`logs/${year}/${String(monthNumber).padStart(2, '0')}/${sample.secondFile}`, await engine.renderFile('second-log.yaml.liquid', context)],
    [notesFile(month), await engine.renderFile('notes.md.liquid', context)],
    ['schema/revitalize.schema.json', await readFile(new URL('revitalize.schema.json', SCHEMAS), 'utf8')],
    ['schema/log.schema.json', await readFile(new URL('log.schema.json', SCHEMAS), 'utf8')],
    ['.gitignore', `reports/\n${CACHE_FOLDER}/\n${LOCK_NAME}/\n`],
  ]);
}
