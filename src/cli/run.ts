/**
 * The command line: argv → a command → an exit code. Thin on purpose; the
 * commands' work lives in the library. Command modules load on demand, so
 * `--version` and `--help` start fast.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import type { Catalogue } from '../i18n/catalogue.js';
import { catalogueFor } from '../i18n/catalogues.js';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locale.js';
import type { CliIO, GlobalOptions } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { ExitError } from './exit-error.js';

export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

const WORKSPACE_ARGUMENT = ['[workspace]', '工作区文件夹（含 revitalize.yaml）/ workspace folder', '.'] as const;

/** The help text after a command's options: examples, then the exit codes. */
function examplesAndExitCodes(...examples: string[]): string {
  return [
    '',
    '示例 / Examples:',
    ...examples.map((example) => `  ${example}`),
    '',
    '退出码 / Exit codes: 0 成功 / success; 1 数据有错误 / the data has errors;',
    '  2 用法错误或程序故障 / usage error or internal failure',
  ].join('\n');
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('revitalize')
    .description('把乡镇“四联”工作日志（YAML）生成月度报告 / Turns 四联 activity logs into the monthly report.')
    .version(VERSION, '-V, --version', '显示版本号 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .option('--locale <locale>', '消息的语言：zh-CN 或 en，默认跟随工作区 / language of messages (default: the workspace’s)')
    .option('--debug', '出错时显示详细的内部信息 / show internal details on failure')
    .exitOverride()
    // The parser's own error lines are English; describeParseError words them instead.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .helpCommand('help [command]', '显示命令的帮助 / show help for a command');

  program
    .command('init')
    .description('新建工作区：带注释的配置、一个月的示例日志 / start a workspace: a commented config and a sample month')
    .argument('[dir]', '文件夹，默认当前文件夹 / folder (default: this one)', '.')
    .option('--region <name>', '填报单位，如 乐山市金口河区 / who reports')
    .addHelpText('after', examplesAndExitCodes('revitalize init 金口河                       新建中文工作区 / a Chinese workspace', 'revitalize --locale en init riverside       新建英文工作区 / an English one'))
    .action(async (dir: string, _options: unknown, command: Command) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(dir, command.optsWithGlobals(), io);
    });

  program
    .command('add')
    .description('添加一条记录：在终端中逐项提问，或用参数一次写全 / add an entry: asked question by question, or given with flags')
    .argument(...WORKSPACE_ARGUMENT)
    .option('-k, --kind <kind>', '记录类型，如 suggestion、session（给出时不提问）/ kind of entry (no questions when given)')
    .option('--village <name>', '村 / village')
    .option('-d, --date <date>', '日期，默认今天 / date (default: today)')
    .option('-s, --set <field=value>', '字段的值，可多次使用；列表用逗号分开 / a field\'s value; repeat for more; lists comma-separated', (value: string, previous: string[] = []) => [...previous, value])
    .addHelpText(
      'after',
      examplesAndExitCodes(
        'revitalize add                                              在终端中逐项填写 / answer questions',
        'revitalize add --kind suggestion --village 永胜村 --date 2023-04-08 --set text=路灯不亮',
        'revitalize add --kind session --village 永胜村 --set form=集中畅谈 --set attendees=35',
      ),
    )
    .action(async (workspace: string, _options: unknown, command: Command) => {
      const { addCommand } = await import('./commands/add.js');
      exitCode = await addCommand(workspace, command.optsWithGlobals(), io);
    });

  program
    .command('resolve')
    .description('记录某条意见建议已办结 / record that a suggestion was resolved')
    .argument('<id>', '意见建议编号 / the suggestion\'s id')
    .argument(...WORKSPACE_ARGUMENT)
    .option('-d, --date <date>', '办结日期，默认今天 / the day it was resolved (default: today)')
    .option('--note <text>', '备注，如 办理情况 / a note')
    .addHelpText('after', examplesAndExitCodes('revitalize resolve 永胜-20230408-02 --date 2023-04-20 --note 已修复路灯'))
    .action(async (id: string, workspace: string, _options: unknown, command: Command) => {
      const { resolveCommand } = await import('./commands/resolve.js');
      exitCode = await resolveCommand(id, workspace, command.optsWithGlobals(), io);
    });

  program
    .command('report')
    .description('生成月度报告 / write the monthly report')
    .argument(...WORKSPACE_ARGUMENT)
    .option('-m, --month <month>', '报告月份：YYYY-MM、current（本月）或 previous（上月）/ report month', 'current')
    .addOption(
      new Option('-f, --format <formats>', '报告格式，逗号分隔：md、html、json / formats, comma-separated').default('md,html'),
    )
    .option('-o, --output <dir>', '输出文件夹，默认 <工作区>/reports；- 表示输出到屏幕 / output folder, or - for stdout')
    .option('--generated-on <date>', '报告日期，默认今天（或 SOURCE_DATE_EPOCH）/ the report date (default: today, or SOURCE_DATE_EPOCH)')
    .option('-q, --quiet', '成功时不输出任何内容（定时任务用）/ print nothing on success, for scheduled jobs')
    .option('-w, --watch', '日志、配置或模板修改后自动重新生成 / make the report again whenever the workspace changes')
    .addHelpText(
      'after',
      examplesAndExitCodes(
        'revitalize report                          本月报告，写入 ./reports / this month, into ./reports',
        'revitalize report 金口河 --month previous   上月报告（定时任务常用）/ last month, as scheduled jobs do',
        'revitalize report --format json -o -       把 JSON 输出到屏幕 / JSON to standard output',
      ),
    )
    .action(async (workspace: string, _options: unknown, command: Command) => {
      const { reportCommand } = await import('./commands/report.js');
      exitCode = await reportCommand(workspace, command.optsWithGlobals(), io);
    });

  program
    .command('check')
    .description('检查配置和全部日志，不写任何文件 / check the config and every log; writes nothing')
    .argument(...WORKSPACE_ARGUMENT)
    .option('--strict', '把警告也当作错误 / treat warnings as errors')
    .option('--format <format>', '输出格式：text 或 json / output format: text or json', 'text')
    .addHelpText(
      'after',
      examplesAndExitCodes(
        'revitalize check                 检查当前文件夹的工作区 / check the workspace in this folder',
        'revitalize check --format json   以 JSON 列出问题，供其他程序使用 / problems as JSON, for tools',
      ),
    )
    .action(async (workspace: string, _options: unknown, command: Command) => {
      const { checkCommand } = await import('./commands/check.js');
      exitCode = await checkCommand(workspace, command.optsWithGlobals(), io);
    });

  program
    .command('explain')
    .description('列出某个指标背后的每一条记录 / list the entries behind a figure')
    .argument('<metric>', '指标，如 night-talk.resolved / metric key, e.g. night-talk.resolved')
    .argument(...WORKSPACE_ARGUMENT)
    .option('-m, --month <month>', '报告月份：YYYY-MM、current（本月）或 previous（上月）/ report month', 'current')
    .option('-w, --window <window>', '统计区间：month（本月）、previousMonth（上月）、ytd（本年累计）/ window', 'month')
    .option('--format <format>', '输出格式：text 或 json / output format: text or json', 'text')
    .addHelpText(
      'after',
      examplesAndExitCodes(
        'revitalize explain night-talk.resolved --month 2023-04 --window ytd   累计解决诉求来自哪些记录 / where the 93 comes from',
        'revitalize explain organization.investment --format json             以 JSON 输出 / as JSON',
      ),
    )
    .action(async (metric: string, workspace: string, _options: unknown, command: Command) => {
      const { explainCommand } = await import('./commands/explain.js');
      exitCode = await explainCommand(metric, workspace, command.optsWithGlobals(), io);
    });

  program
    .command('summary')
    .description('本月工作概况：各板块指标、环比升降、最早的未办结意见建议 / how the month is going')
    .argument(...WORKSPACE_ARGUMENT)
    .option('-m, --month <month>', '月份：YYYY-MM、current（本月）或 previous（上月）/ month', 'current')
    .addHelpText('after', examplesAndExitCodes('revitalize summary                    本月概况 / this month', 'revitalize summary --month previous   上月概况 / last month'))
    .action(async (workspace: string, _options: unknown, command: Command) => {
      const { summaryCommand } = await import('./commands/summary.js');
      exitCode = await summaryCommand(workspace, command.optsWithGlobals(), io);
    });

  const templates = program
    .command('templates')
    .description('报告模板：查看或复制出来自行修改 / the report templates: list them, or copy them to edit');
  templates
    .command('list')
    .description('列出报告用到的模板，以及用的是内置还是工作区的 / which templates a report uses, built-in or the workspace’s')
    .argument(...WORKSPACE_ARGUMENT)
    .action(async (workspace: string, _options: unknown, command: Command) => {
      const { templatesListCommand } = await import('./commands/templates.js');
      exitCode = await templatesListCommand(workspace, command.optsWithGlobals(), io);
    });
  templates
    .command('eject')
    .description('把内置模板复制到工作区 templates 文件夹，之后以工作区的为准；已有的不覆盖 / copy the built-in templates into the workspace; existing files are kept')
    .argument(...WORKSPACE_ARGUMENT)
    .addHelpText('after', examplesAndExitCodes('revitalize templates eject                 复制工作区语言的模板 / the workspace language’s templates', 'revitalize --locale en templates eject     复制英文模板 / the English ones'))
    .action(async (workspace: string, _options: unknown, command: Command) => {
      const { templatesEjectCommand } = await import('./commands/templates.js');
      exitCode = await templatesEjectCommand(workspace, command.optsWithGlobals(), io);
    });

  program
    .command('suggestions')
    .description('意见建议台账：编号、日期、村、议题、状态、办结日期、历时 / the suggestion ledger')
    .argument(...WORKSPACE_ARGUMENT)
    .option('-m, --month <month>', '截至哪个月底（本月则截至今天）/ as of the end of this month (today, for the current month)', 'current')
    .option('--open', '只列未办结的 / open suggestions only')
    .option('--format <format>', '输出格式：text、csv（Excel/WPS 可直接打开）或 json / text, csv or json', 'text')
    .addHelpText(
      'after',
      examplesAndExitCodes(
        'revitalize suggestions --open                          未办结的意见建议 / the open suggestions',
        'revitalize suggestions --month 2023-04 --format csv > 台账.csv   导出给 Excel/WPS / for a spreadsheet',
      ),
    )
    .action(async (workspace: string, _options: unknown, command: Command) => {
      const { suggestionsCommand } = await import('./commands/suggestions.js');
      exitCode = await suggestionsCommand(workspace, command.optsWithGlobals(), io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    const text = usageCatalogue(argv).cli;
    if (error instanceof CommanderError) {
      // Help and version "fail" with code 0; real parse errors are usage errors.
      if (error.exitCode === 0) return EXIT.ok;
      io.stderr(`revitalize: ${describeParseError(error, text)}\n${text.seeHelp}\n`);
      return EXIT.usage;
    }
    if (error instanceof ExitError) {
      io.stderr(`revitalize: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`${text.internalError(VERSION)}\n`);
    if (program.opts<GlobalOptions>().debug || argv.includes('--debug')) {
      io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return EXIT.usage;
  }
}

/** The language for failures outside a command: `--locale` if it was given and valid. */
function usageCatalogue(argv: readonly string[]): Catalogue {
  const index = argv.indexOf('--locale');
  const inline = argv.find((arg) => arg.startsWith('--locale='))?.slice('--locale='.length);
  const requested = inline ?? (index === -1 ? undefined : argv[index + 1]);
  return catalogueFor(isLocale(requested) ? requested : DEFAULT_LOCALE);
}

/** Commander's error, in the words of the catalogue where it is one we know. */
function describeParseError(error: CommanderError, text: Catalogue['cli']): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /Did you mean (\S+?)\?/.exec(error.message)?.[1];
  switch (error.code) {
    case 'commander.unknownOption':
      return text.unknownOption(quoted, suggestion);
    case 'commander.unknownCommand':
      return text.unknownCommand(quoted, suggestion);
    case 'commander.optionMissingArgument':
      return text.optionMissingArgument(quoted);
    case 'commander.excessArguments':
      return text.tooManyArguments(quoted);
    default:
      return error.message.replace(/^error: /, '');
  }
}
