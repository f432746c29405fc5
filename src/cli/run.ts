/**
 * The command line: argv → a command → an exit code. Thin on purpose; the
 * commands' work lives in the library. Command modules load on demand, and
 * so do the message catalogues (only a failure is worded here), so `--help`
 * loads little more than the parser and the help, and `--version` alone not
 * even the parser.
 */
import { VERSION } from '../version.js';
import type { Command } from 'commander';
import type { Catalogue } from '../i18n/catalogue.js';
import type { HelpText } from '../i18n/help-text.js';
import { helpEn } from '../i18n/help-en.js';
import { helpZhCN } from '../i18n/help-zh-CN.js';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locale.js';
import type { CliIO, GlobalOptions } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { ExitError } from './exit-error.js';
import { printableLines } from '../printable-text.js';

/** The help of each language: the catalogues hold the same, but loading them costs more than a short command takes. */
const HELP: Record<Locale, HelpText> = { 'zh-CN': helpZhCN, en: helpEn };

type Commander = typeof import('commander');

/** The options that print the version (commander's, which prints it the same way when other options come too). */
const VERSION_FLAGS = ['--version', '-V'];

/**
 * The command line, with every description in one language: `--locale`'s
 * when given, else zh-CN (the workspace is not read before parsing).
 */
function buildProgram({ Command, Option }: Commander, io: CliIO, help: HelpText, setExitCode: (code: number) => void): Command {
  const after = (examples: string[]) => ['', help.examples, ...examples.map((example) => `  ${example}`), '', ...help.exitCodes].join('\n');
  const workspace = ['[workspace]', help.workspace, '.'] as const;
  // A command's module loads when it runs; commander hands it its arguments, then its options with the global ones.
  const run =
    <A extends unknown[], O extends GlobalOptions>(load: () => Promise<(...args: [...A, O, CliIO]) => Promise<number>>) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const positional = args.slice(0, -2) as A;
      setExitCode(await (await load())(...positional, command.optsWithGlobals<O>(), io));
    };

  const program = new Command('revitalize')
    .description(help.program.description)
    .version(VERSION, '-V, --version', help.program.version)
    .helpOption('-h, --help', help.program.help)
    .option('--locale <locale>', help.program.locale)
    .option('--debug', help.program.debug)
    .exitOverride()
    // The parser's own error lines are English; describeParseError words them instead.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} })
    .configureHelp({
      styleTitle: (title) => help.titles[title] ?? title,
      optionDescription: (option) =>
        option.defaultValue === undefined || option.negate ? option.description : `${option.description}${help.defaultValue(String(option.defaultValue))}`,
      argumentDescription: (argument) =>
        argument.defaultValue === undefined ? argument.description : `${argument.description}${help.defaultValue(String(argument.defaultValue))}`,
    })
    .helpCommand('help [command]', help.program.helpCommand)
    .addHelpText('after', after([...help.init.examples.slice(0, 1), ...help.report.examples.slice(0, 2)]));

  program
    .command('init')
    .description(help.init.description)
    .argument('[dir]', help.init.dir, '.')
    .option('--region <name>', help.init.region)
    .addHelpText('after', after(help.init.examples))
    .action(run(async () => (await import('./commands/init.js')).initCommand));

  program
    .command('add')
    .description(help.add.description)
    .argument(...workspace)
    .option('-k, --kind <kind>', help.add.kind)
    .option('--village <name>', help.add.village)
    .option('-d, --date <date>', help.add.date)
    .option('-s, --set <field=value>', help.add.set, (value: string, previous: string[] = []) => [...previous, value])
    .addHelpText('after', after(help.add.examples))
    .action(run(async () => (await import('./commands/add.js')).addCommand));

  program
    .command('resolve')
    .description(help.resolve.description)
    .argument('<id>', help.resolve.id)
    .argument(...workspace)
    .option('-d, --date <date>', help.resolve.date)
    .option('--note <text>', help.resolve.note)
    .addHelpText('after', after(help.resolve.examples))
    .action(run(async () => (await import('./commands/resolve.js')).resolveCommand));

  program
    .command('sheet')
    .description(help.sheet.description)
    .argument(...workspace)
    .option('-m, --month <month>', help.sheet.month)
    .option('--village <name>', help.sheet.village)
    .option('-o, --output <file>', help.sheet.output)
    .addHelpText('after', after(help.sheet.examples))
    .action(run(async () => (await import('./commands/sheet.js')).sheetCommand));

  program
    .command('import')
    .description(help.import.description)
    .argument('<files...>', help.import.files)
    .option('-w, --workspace <dir>', help.import.workspace, '.')
    .option('-n, --dry-run', help.import.dryRun)
    .addHelpText('after', after(help.import.examples))
    .action(run(async () => (await import('./commands/import.js')).importCommand));

  program
    .command('report')
    .description(help.report.description)
    .argument(...workspace)
    .option('-m, --month <month>', help.report.month, 'current')
    .addOption(new Option('-f, --format <formats>', help.report.format).default('md,html'))
    .option('-o, --output <dir>', help.report.output)
    .option('--generated-on <date>', help.report.generatedOn)
    .option('-q, --quiet', help.report.quiet)
    .option('--strict', help.report.strict)
    .option('--allow-future', help.report.allowFuture)
    .option('-w, --watch', help.report.watch)
    .addHelpText('after', after(help.report.examples))
    .action(run(async () => (await import('./commands/report.js')).reportCommand));

  program
    .command('rollup')
    .description(help.rollup.description)
    .argument('<reports...>', help.rollup.reports)
    .option('--region <name>', help.rollup.region)
    .option('-c, --config <file>', help.rollup.config)
    .addOption(new Option('-f, --format <formats>', help.rollup.format).default('md,html'))
    .option('-o, --output <dir>', help.rollup.output)
    .option('--generated-on <date>', help.rollup.generatedOn)
    .option('-q, --quiet', help.rollup.quiet)
    .addHelpText('after', after(help.rollup.examples))
    .action(run(async () => (await import('./commands/rollup.js')).rollupCommand));

  program
    .command('check')
    .description(help.check.description)
    .argument(...workspace)
    .option('--strict', help.check.strict)
    .option('--format <format>', help.check.format, 'text')
    .option('-m, --month <month>', help.check.month)
    .option('--allow-future', help.report.allowFuture)
    .addHelpText('after', after(help.check.examples))
    .action(run(async () => (await import('./commands/check.js')).checkCommand));

  program
    .command('explain')
    .description(help.explain.description)
    .argument('<metric>', help.explain.metric)
    .argument(...workspace)
    .option('-m, --month <month>', help.explain.month, 'current')
    .option('-w, --window <window>', help.explain.window, 'month')
    .option('--format <format>', help.explain.format, 'text')
    .addHelpText('after', after(help.explain.examples))
    .action(run(async () => (await import('./commands/explain.js')).explainCommand));

  program
    .command('metrics')
    .description(help.metrics.description)
    .argument(...workspace)
    .addHelpText('after', after(help.metrics.examples))
    .action(run(async () => (await import('./commands/metrics.js')).metricsCommand));

  program
    .command('summary')
    .description(help.summary.description)
    .argument(...workspace)
    .option('-m, --month <month>', help.summary.month, 'current')
    .addHelpText('after', after(help.summary.examples))
    .action(run(async () => (await import('./commands/summary.js')).summaryCommand));

  program
    .command('suggestions')
    .description(help.suggestions.description)
    .argument(...workspace)
    .option('-m, --month <month>', help.suggestions.month, 'current')
    .option('--open', help.suggestions.open)
    .option('--format <format>', help.suggestions.format, 'text')
    .addHelpText('after', after(help.suggestions.examples))
    .action(run(async () => (await import('./commands/suggestions.js')).suggestionsCommand));

  const templates = program.command('templates').description(help.templates.description).addHelpText('after', after(help.templates.examples));
  templates
    .command('list')
    .description(help.templates.list)
    .argument(...workspace)
    .action(run(async () => (await import('./commands/templates.js')).templatesListCommand));
  templates
    .command('eject')
    .description(help.templates.eject)
    .argument(...workspace)
    .addHelpText('after', after(help.templates.examples))
    .action(run(async () => (await import('./commands/templates.js')).templatesEjectCommand));

  return program;
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const locale = usageLocale(argv);
  const catalogue = () => import('../i18n/catalogues.js').then(({ catalogueFor }) => catalogueFor(locale));
  let reportSent = false;
  const watched: CliIO = {
    ...io,
    stdout: (output, content) => {
      if (content === 'report') reportSent = true;
      io.stdout(output, content);
    },
  };
  // The version alone, as scripts and installers ask for it, is answered before the parser loads.
  const versionAlone = argv.length === 1 && VERSION_FLAGS.includes(argv[0]!);
  if (versionAlone) io.stdout(`${VERSION}\n`);
  const exitCode = versionAlone ? EXIT.ok : await runCommand(argv, watched, HELP[locale], catalogue);
  return stdoutOutcome(await io.stdoutSettled?.(), reportSent, exitCode, io, catalogue);
}

/**
 * What a failed write to standard output makes of a run. The output is
 * what was asked for, so a run that could not deliver it failed (exit 2,
 * one line on standard error), whatever the command found: a full disk, an
 * I/O error. A reader that stopped early (`suggestions | head`, EPIPE) read
 * what it wanted of a listing, and the command's own exit code stands; but
 * a report sent to it was not delivered.
 */
async function stdoutOutcome(
  failure: NodeJS.ErrnoException | undefined,
  reportSent: boolean,
  exitCode: number,
  io: CliIO,
  catalogue: () => Promise<Catalogue>,
): Promise<number> {
  if (!failure) return exitCode;
  if (failure.code === 'EPIPE' && !reportSent) return exitCode;
  io.stderr(`revitalize: ${(await catalogue()).cli.stdoutFailed(failure.code ?? '', reportSent)}\n`);
  return EXIT.usage;
}

async function runCommand(argv: readonly string[], io: CliIO, help: HelpText, catalogue: () => Promise<Catalogue>): Promise<number> {
  let exitCode: number = EXIT.ok;
  const commander = await import('commander');
  const program = buildProgram(commander, io, help, (code) => (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof commander.CommanderError) {
      // Help and version "fail" with code 0; real parse errors are usage errors.
      if (error.exitCode === 0) return EXIT.ok;
      const text = await catalogue();
      io.stderr(`revitalize: ${printableLines(describeParseError(error, text.cli))}\n${text.cli.seeHelp(commandInUse(program, argv).join(' '))}\n`);
      return EXIT.usage;
    }
    if (error instanceof ExitError) {
      // Its message may quote a name from a log or the command line.
      io.stderr(`revitalize: ${printableLines(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr(`${(await catalogue()).cli.internalError(VERSION)}\n`);
    if (program.opts<GlobalOptions>().debug || argv.includes('--debug')) {
      io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    return EXIT.usage;
  }
}

/** The language of the help and of failures outside a command: `--locale` if it was given and valid. */
function usageLocale(argv: readonly string[]): Locale {
  const index = argv.indexOf('--locale');
  const inline = argv.find((arg) => arg.startsWith('--locale='))?.slice('--locale='.length);
  const requested = inline ?? (index === -1 ? undefined : argv[index + 1]);
  return isLocale(requested) ? requested : DEFAULT_LOCALE;
}

/**
 * The command a command line was calling, as far as it got: `revitalize
 * check`, `revitalize templates` (for `templates lst`), or `revitalize` when
 * no command was named. Options before the command (`--locale en`) are skipped.
 */
function commandInUse(program: Command, argv: readonly string[]): string[] {
  const path = [program.name()];
  let command = program;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      // Of the options that come before a command, only --locale takes a value.
      if (arg === '--locale') i++;
      continue;
    }
    const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!sub) break;
    path.push(sub.name());
    command = sub;
    if (sub.commands.length === 0) break;
  }
  return path;
}

/** Commander's error, in the words of the catalogue where it is one we know. */
function describeParseError(error: InstanceType<Commander['CommanderError']>, text: Catalogue['cli']): string {
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
    case 'commander.missingArgument':
      return text.missingArgument(quoted);
    default:
      return error.message.replace(/^error: /, '');
  }
}
