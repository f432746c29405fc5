/**
 * The error pages made from the error catalogue in tests/errors/ and its
 * golden outputs: docs/errors.md (the reference, in English) and
 * docs/zh-CN/errors.md (the clerk's guide). Both list every code from the
 * same cases, so a new code appears on both.
 */
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
  /** Arguments after `revitalize check` (or `command`), e.g. --month 2023-04. */
  args?: string[];
  /** The command that finds the problem, when it is not `check`; its fix is told in words. */
  command?: 'rollup' | 'import';
  /** The wrong file's text. */
  wrong: string;
  fix: string;
  /** What `revitalize check` (or `command`, with `args`) prints for the wrong workspace. */
  output: string;
}

const fence = (language: string, text: string) => `\`\`\`${language}\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\``;
const LANGUAGES: Record<string, string> = { liquid: 'liquid', md: 'markdown' };
/** The language of a file's fenced example, by its extension (YAML unless known). */
const languageOf = (file: string) => LANGUAGES[file.slice(file.lastIndexOf('.') + 1)] ?? 'yaml';
const commandOf = (entry: CatalogueCase) => [`revitalize ${entry.command ?? 'check'}`, ...(entry.args ?? [])].join(' ');
const wrongExample = (entry: CatalogueCase) => (entry.shown === undefined ? fence(languageOf(entry.file), entry.wrong) : entry.shown.trimEnd());
const fixedExample = (entry: CatalogueCase) => fence(entry.command ? 'text' : languageOf(entry.fixedFile ?? entry.file), entry.fix);

/** Every code, errors first, in the catalogue's order, with its case when there is one. */
function codesWithCases(cases: CatalogueCase[]): { code: string; entry: CatalogueCase | undefined }[] {
  const byCode = new Map(cases.map((entry) => [entry.code, entry]));
  return [...ERROR_CODES, ...WARNING_CODES].map((code) => ({ code, entry: byCode.get(code) }));
}

/** docs/errors.md. */
export function renderErrorDocs(cases: CatalogueCase[]): string {
  const codes = codesWithCases(cases);
  const lines = [
    '# Errors and warnings',
    '',
    '<!-- Generated from tests/errors/ by `npm run golden:update`; edit the cases there, not this page. -->',
    '',
    'Every problem revitalize finds has a stable code. Codes starting with `E-`',
    'are errors: `revitalize report` writes nothing and exits 1, and so does',
    '`revitalize check`. Codes starting with `W-` are warnings: the report is',
    'written, the warnings are printed and written beside it as',
    '`<month>.check.txt` (never into the report), and `check` exits 0; with',
    '`--strict`, a warning stops `report` and `check` like an error (exit 1).',
    '',
    'Each problem is printed as `FILE:LINE:COL:` (just `FILE:` when it concerns',
    'the whole file), then the lines around it with a caret under the column,',
    "then a hint, in the workspace's language. Below, each code has a wrong",
    'example, exactly what `revitalize check` says about it (a test checks',
    'this), and the fix. The same examples live as workspaces in `tests/errors/`.',
    'The same page in Chinese, for clerks, is [zh-CN/errors.md](zh-CN/errors.md).',
    '',
    '| code | what is wrong |',
    '|---|---|',
    ...codes.map(({ code, entry }) => `| [\`${code}\`](#${code.toLowerCase()}) | ${entry?.summary.en ?? ''} |`),
    '',
  ];
  for (const { code, entry } of codes) {
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
      wrongExample(entry),
      '',
      `\`${commandOf(entry)}\` says:`,
      '',
      fence('text', entry.output),
      '',
      entry.fixedFile ? `Fixed, \`${entry.fixedFile}\`:` : 'Fixed:',
      '',
      fixedExample(entry),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The first problem of a case's output: the message, the excerpt and the hint. */
const firstProblem = (entry: CatalogueCase | undefined) => entry?.output.split(/\n\n/)[0] ?? '';

/** docs/zh-CN/errors.md: the same cases, told to a clerk. */
export function renderErrorDocsZhCN(cases: CatalogueCase[]): string {
  const codes = codesWithCases(cases);
  const table = (prefix: string) => [
    '| 代码 | 问题 |',
    '|---|---|',
    ...codes
      .filter(({ code }) => code.startsWith(prefix))
      .map(({ code, entry }) => `| [\`${code}\`](#${code.toLowerCase()}) | ${entry?.summary['zh-CN'] ?? ''} |`),
  ];
  const example = codes.find(({ code }) => code === 'E-DATE-FORMAT')?.entry;
  const lines = [
    '# 错误和警告',
    '',
    '<!-- 本页由 tests/errors/ 中的示例生成（`npm run golden:update`）；要修改，请改那里的示例，不要直接改本页。 -->',
    '',
    '`revitalize check` 和 `revitalize report` 会一次列出日志、配置和月报文字材料中的全部问题。',
    '每个问题都有一个固定的代码：',
    '',
    '- 以 `E-` 开头的是**错误**：数据有错，报告不会生成（什么文件也不写），命令以退出码 1 结束。',
    '  按提示改正后重新运行即可。',
    '- 以 `W-` 开头的是**警告**：报告照常生成；警告显示在屏幕上，并写在报告旁边的',
    '  `<月份>.check.txt` 中，供您核对，不会写进报送的月报。加 `--strict` 时，有警告也不生成报告（退出码 1）。',
    '',
    '## 怎样看懂一条提示',
    '',
    ...(example ? [fence('text', firstProblem(example)), ''] : []),
    '- 第一行：出问题的文件、行号和列号（这一行的第几个字符），是“错误”还是“警告”，以及出了什么问题。',
    '  问题涉及整个文件时，只写文件名。文件名从工作区文件夹算起。',
    '- 中间几行：文件中出问题的那几行，行首是行号，`^` 指着出问题的位置。',
    '- “提示”：怎样改。',
    '',
    '用记事本、WPS 或其他文本编辑器打开这个文件，找到这一行，按提示修改并保存，',
    '再运行 `revitalize check`，直到没有错误为止。不必改一处运行一次：所有问题已经一次列出。',
    '',
    '下面按代码逐一说明：错误的写法、`revitalize check` 显示的内容（与程序实际显示的一字不差，有测试核对），以及改正后的写法。',
    '',
    '## 错误',
    '',
    ...table('E-'),
    '',
    '## 警告',
    '',
    ...table('W-'),
    '',
  ];
  for (const { code, entry } of codes) {
    if (!entry) continue;
    lines.push(
      `## ${code}`,
      '',
      entry.summary['zh-CN'],
      '',
      `错误的写法（\`${entry.file}\`）：`,
      '',
      wrongExample(entry),
      '',
      `运行 \`${commandOf(entry)}\` 显示：`,
      '',
      fence('text', entry.output),
      '',
      entry.fixedFile ? `改正后（文件改名为 \`${entry.fixedFile}\`）：` : '改正后：',
      '',
      fixedExample(entry),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Each page of the catalogue, by its path in the repository. */
export const ERROR_PAGES: readonly { file: string; render: (cases: CatalogueCase[]) => string }[] = [
  { file: 'docs/errors.md', render: renderErrorDocs },
  { file: 'docs/zh-CN/errors.md', render: renderErrorDocsZhCN },
];
