/** docs/errors.md, made from the error catalogue in tests/errors/ and its golden outputs. */
import { ERROR_CODES, WARNING_CODES } from '../../src/problems/problem.js';

export interface CatalogueCase {
  code: string;
  summary: { 'zh-CN': string; en: string };
  /** The file that shows the mistake, relative to the workspace. */
  file: string;
  /** What the wrong file looks like, when it cannot be shown as text. */
  shown?: string;
  /** Where the fix goes, when the fix is to rename the file. */
  fixedFile?: string;
  /** Arguments after `revitalize check`, e.g. --month 2023-04. */
  args?: string[];
  /** The wrong file's text. */
  wrong: string;
  fix: string;
  /** What `revitalize check` (with `args`) prints for the wrong workspace. */
  output: string;
}

const fence = (language: string, text: string) => `\`\`\`${language}\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\``;
const LANGUAGES: Record<string, string> = { liquid: 'liquid', md: 'markdown' };
/** The language of a file's fenced example, by its extension (YAML unless known). */
const languageOf = (file: string) => LANGUAGES[file.slice(file.lastIndexOf('.') + 1)] ?? 'yaml';

export function renderErrorDocs(cases: CatalogueCase[]): string {
  const byCode = new Map(cases.map((entry) => [entry.code, entry]));
  const codes = [...ERROR_CODES, ...WARNING_CODES];
  const lines = [
    '# Errors and warnings',
    '',
    '<!-- Generated from tests/errors/ by `npm run golden:update`; edit the cases there, not this page. -->',
    '',
    'Every problem revitalize finds has a stable code. Codes starting with `E-`',
    'are errors: `revitalize report` writes nothing and exits 1, and so does',
    '`revitalize check`. Codes starting with `W-` are warnings: the report is',
    'written and lists them, and `check` exits 0 (1 with `--strict`).',
    '',
    'Each problem is printed as `FILE:LINE:COL:` (just `FILE:` when it concerns',
    'the whole file), then the lines around it with a caret under the column,',
    'then a hint, in the workspace\'s language. Below, each code has a wrong',
    'example, exactly what `revitalize check` says about it (a test checks',
    'this), and the fix. The same examples live as workspaces in `tests/errors/`.',
    '',
    '| code | what is wrong |',
    '|---|---|',
    ...codes.map((code) => `| [\`${code}\`](#${code.toLowerCase()}) | ${byCode.get(code)?.summary.en ?? ''} |`),
    '',
  ];
  for (const code of codes) {
    const entry = byCode.get(code);
    if (!entry) continue;
    lines.push(
      `## ${code}`,
      '',
      `${entry.summary['zh-CN']}`,
      '',
      entry.summary.en,
      '',
      `Wrong, \`${entry.file}\`:`,
      '',
      entry.shown === undefined ? fence(languageOf(entry.file), entry.wrong) : entry.shown.trimEnd(),
      '',
      `\`${['revitalize check', ...(entry.args ?? [])].join(' ')}\` says:`,
      '',
      fence('text', entry.output),
      '',
      entry.fixedFile ? `Fixed, \`${entry.fixedFile}\`:` : 'Fixed:',
      '',
      fence(languageOf(entry.fixedFile ?? entry.file), entry.fix),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
