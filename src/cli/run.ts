/**
 * The command line: argv → a command → an exit code. Thin on purpose; the
 * commands' work lives in the library. Command modules load on demand, so
 * `--version` and `--help` start fast.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import type { CliIO } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { ExitError } from './exit-error.js';
import { catalogueFor } from '../i18n/catalogues.js';
import { DEFAULT_LOCALE } from '../i18n/locale.js';

export const VERSION: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Commander's error, in the words of the catalogue where it is one we know. */
function describeParseError(error: CommanderError, text: ReturnType<typeof catalogueFor>['cli']): string {
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

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('revitalize')
    .description('把乡镇“四联”工作日志（YAML）生成月度报告 / Turns 四联 activity logs into the monthly report.')
    .version(VERSION, '-V, --version', '显示版本号 / show the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .option('--debug', '出错时显示详细的内部信息 / show internal details on failure')
    .exitOverride()
    // The parser's own error lines are English; describeParseError words them instead.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .helpCommand('help [command]', '显示命令的帮助 / show help for a command');

  program
    .command('report')
    .description('生成月度报告 / write the monthly report')
    .argument('[workspace]', '工作区文件夹（含 revitalize.yaml）/ workspace folder', '.')
    .option('-m, --month <month>', '报告月份：YYYY-MM、current（本月）或 previous（上月）/ report month', 'current')
    .addOption(
      new Option('-f, --format <formats>', '报告格式，逗号分隔：md、html、json / formats, comma-separated').default('md,html'),
    )
    .option('-o, --output <dir>', '输出文件夹，默认 <工作区>/reports；- 表示输出到屏幕 / output folder, or - for stdout')
    .addHelpText(
      'after',
      [
        '',
        '示例 / Examples:',
        '  revitalize report                          本月报告，写入 ./reports / this month, into ./reports',
        '  revitalize report 金口河 --month previous   上月报告（定时任务常用）/ last month, as scheduled jobs do',
        '  revitalize report --format json -o -       把 JSON 输出到屏幕 / JSON to standard output',
        '',
        '退出码 / Exit codes: 0 成功 / success; 1 数据有错误，未生成报告 / data errors, nothing written;',
        '  2 用法错误或程序故障 / usage error or internal failure',
      ].join('\n'),
    )
    .action(async (workspace: string, options: { month: string; format: string; output?: string }) => {
      const { reportCommand } = await import('./commands/report.js');
      exitCode = await reportCommand(workspace, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "fail" with code 0; real parse errors are usage errors.
      if (error.exitCode === 0) return EXIT.ok;
      const text = catalogueFor(DEFAULT_LOCALE).cli;
      io.stderr(`revitalize: ${describeParseError(error, text)}\n${text.seeHelp}\n`);
      return EXIT.usage;
    }
    if (error instanceof ExitError) {
      io.stderr(`revitalize: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`${catalogueFor(DEFAULT_LOCALE).cli.internalError(VERSION)}\n`);
    if (program.opts<{ debug?: boolean }>().debug || argv.includes('--debug')) {
      io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return EXIT.usage;
  }
}
