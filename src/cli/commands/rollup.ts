/**
 * `revitalize rollup`: the district's report from its townships' JSON
 * reports of one month. Option handling, reading and writing only; the
 * work is makeRollup().
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locale.js';
import { decodeText } from '../../load/decode-text.js';
import { parseYaml } from '../../load/parse-yaml.js';
import { makeRollup } from '../../make-rollup.js';
import { dayOf } from '../../metrics/report-period.js';
import { problem, wholeFile } from '../../problems/problem.js';
import type { Problem } from '../../problems/problem.js';
import type { ReportFile } from '../../rollup/read-report.js';
import type { Config } from '../../schema/config-schema.js';
import { validateConfig } from '../../validate/validate-config.js';
import { reportFilePaths } from '../../write/write-files.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, regionOption, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { formatProblems, formatWordedProblems, printableParams } from '../print-problems.js';
import { checkStdoutFormats, parseFormats, pdfBrowser, printingFailure, writeReports } from '../report-formats.js';
import { printableText } from '../../printable-text.js';

export interface RollupCommandOptions extends GlobalOptions {
  region?: string;
  config?: string;
  format: string;
  output?: string;
  generatedOn?: string;
  /** Print nothing on success, for scheduled jobs. */
  quiet?: boolean;
}

/** Options are read before any file is, so a typo costs nothing. */
export async function rollupCommand(reportArgs: string[], options: RollupCommandOptions, io: CliIO): Promise<number> {
  const usage = messageCatalogue(options);
  const now = runDay(io, options.generatedOn, usage);
  const formats = parseFormats(options.format, usage.cli.badFormat);
  const toStdout = options.output === '-';
  if (toStdout) checkStdoutFormats(formats, usage);
  if (options.region === undefined && options.config === undefined) throw new ExitError(usage.rollup.needRegion);
  const region = options.region === undefined ? undefined : regionOption(options.region, usage);
  const chromium = pdfBrowser(formats, io, usage);

  const config = options.config === undefined ? undefined : await readConfig(options.config, options, io, usage);
  if (config === 'failed') return EXIT.dataErrors;
  const shown = (file: string) => path.relative(io.cwd, file) || file;
  const inputs = reportArgs.map((arg) => path.resolve(io.cwd, arg));
  const reports: ReportFile[] = [];
  for (const file of inputs) reports.push({ file: shown(file), text: await readText(file, shown(file), usage) });

  const generatedOn = dayOf(now);
  const result = await makeRollup({
    reports,
    region: region ?? config!.region,
    title: config?.title,
    recipient: config?.recipient,
    issuer: config?.issuer,
    targets: config?.targets ?? [],
    // --locale (checked above), else the config's, else the first report's.
    locale: (options.locale as Locale | undefined) ?? config?.locale,
    generatedOn,
    formats,
    chromium,
  }).catch((error: unknown) => printingFailure(error, chromium, usage));

  const catalogue = messageCatalogue(options, result.locale);
  if (!result.ok) {
    const worded = result.problems.map((found) => ({ ...found, severity: 'error' as const, ...catalogue.rollup.refusals[found.refusal](printableParams(found.params)) }));
    const sources = new Map(reports.map((report) => [report.file, report.text]));
    io.stderr(await formatWordedProblems(worded, catalogue, { color: io.colors.stderr, sources }));
    io.stderr(`${catalogue.rollup.refused(result.problems.length)}\n`);
    return EXIT.dataErrors;
  }

  if (toStdout) {
    io.stdout(result.rendered.get(formats[0]!) as string, 'report');
    return EXIT.ok;
  }
  const outputDir = path.resolve(io.cwd, options.output ?? 'reports');
  for (const target of reportFilePaths(outputDir, result.report.month, formats).values()) {
    if (inputs.includes(target)) throw new ExitError(catalogue.rollup.outputIsInput(shown(target)));
  }
  const written = await writeReports(outputDir, result.report, result.rendered, catalogue, shown);
  if (!options.quiet) for (const file of written) io.stderr(`${catalogue.cli.wrote(printableText(shown(file)))}\n`);
  return EXIT.ok;
}

/** A file's text; a file that cannot be read at all is a mistake in the command line (exit 2). */
async function readText(file: string, shown: string, catalogue: Catalogue): Promise<string> {
  try {
    return new TextDecoder('utf-8').decode(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new ExitError(catalogue.rollup.cannotRead(shown, code));
  }
}

/**
 * The district's config (`--config`), checked like a workspace's: its
 * problems are printed, and errors end the rollup with exit 1 ('failed').
 */
async function readConfig(arg: string, options: RollupCommandOptions, io: CliIO, usage: Catalogue): Promise<Config | 'failed'> {
  const file = path.resolve(io.cwd, arg);
  const shown = path.relative(io.cwd, file) || file;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new ExitError(usage.rollup.cannotRead(shown, code));
  }
  const decoded = decodeText(bytes);
  const text = decoded.ok ? decoded.text : '';
  const parsed = decoded.ok ? parseYaml(text, shown) : undefined;
  const checked = parsed?.ok ? validateConfig(parsed.document) : undefined;
  const problems: Problem[] = !decoded.ok ? [problem('E-FILE-ENCODING', wholeFile(shown))] : parsed && !parsed.ok ? parsed.problems : checked!.problems;
  const catalogue = messageCatalogue(options, checked?.locale);
  const errors = problems.filter((found) => found.severity === 'error');
  if (problems.length > 0 && (errors.length > 0 || !options.quiet)) {
    io.stderr(await formatProblems(problems, catalogue, { color: io.colors.stderr, sources: new Map([[shown, text]]) }));
  }
  if (errors.length > 0 || !checked?.config) {
    io.stderr(`${catalogue.rollup.refused(errors.length)}\n`);
    return 'failed';
  }
  return checked.config;
}
