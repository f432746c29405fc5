/**
 * `revitalize rollup`: the district's report from its townships' JSON
 * reports of one month. Option handling, reading and writing only; the
 * work is makeRollup().
 */
import path from 'node:path';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { Locale } from '../../i18n/locale.js';
import { decodeText } from '../../load/decode-text.js';
import type { FileRefusal } from '../../load/read-regular-file.js';
import { readRegularFile } from '../../load/read-regular-file.js';
import { MB } from '../../load/read-source.js';
import { MAX_ROLLUP_INPUT_MB } from '../../limits.js';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../../schema/config-schema.js';
import { parseYaml } from '../../load/parse-yaml.js';
import { makeRollup } from '../../make-rollup.js';
import { dayOf } from '../../metrics/report-period.js';
import { problem, wholeFile } from '../../problems/problem.js';
import type { Problem } from '../../problems/problem.js';
import type { ReportFile } from '../../rollup/read-report.js';
import type { Config } from '../../schema/config-schema.js';
import { validateConfig } from '../../validate/validate-config.js';
import { targetsOverwritingFiles } from '../../write/protect-inputs.js';
import { reportFilePaths } from '../../write/write-files.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, regionOption, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { formatProblems } from '../print-problems.js';
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
    const sources = new Map(reports.map((report) => [report.file, report.text]));
    io.stderr(await formatProblems(result.problems, catalogue, { color: io.colors.stderr, sources }));
    io.stderr(`${catalogue.rollup.refused(result.problems.length)}\n`);
    return EXIT.dataErrors;
  }

  if (toStdout) {
    io.stdout(result.rendered.get(formats[0]!) as string, 'report');
    return EXIT.ok;
  }
  const outputDir = path.resolve(io.cwd, options.output ?? 'reports');
  // By real path: an output folder that is a link to a township's folder would otherwise overwrite its report.
  const [overwriting] = await targetsOverwritingFiles(reportFilePaths(outputDir, result.report.month, formats).values(), inputs).catch(
    (error: NodeJS.ErrnoException) => {
      if (!error.code) throw error;
      throw new ExitError(catalogue.cli.cannotWrite(shown(outputDir), error.code));
    },
  );
  if (overwriting !== undefined) throw new ExitError(catalogue.rollup.outputIsInput(shown(overwriting)));
  const written = await writeReports(outputDir, result.report, result.rendered, catalogue, shown);
  if (!options.quiet) for (const file of written) io.stderr(`${catalogue.cli.wrote(printableText(shown(file)))}\n`);
  return EXIT.ok;
}

/** A file's text; a file that cannot be read at all is a mistake in the command line (exit 2). */
async function readText(file: string, shown: string, catalogue: Catalogue): Promise<string> {
  return new TextDecoder('utf-8').decode(await readBytes(file, shown, MAX_ROLLUP_INPUT_MB, catalogue));
}

/** A file named on the command line, read like any other (only a regular file, at most `maxSizeMB`), or a usage error saying why not. */
async function readBytes(file: string, shown: string, maxSizeMB: number, catalogue: Catalogue): Promise<Uint8Array> {
  const read = await readRegularFile(file, { maxBytes: maxSizeMB * MB });
  if (read.ok) return read.bytes;
  throw new ExitError(refusalMessage(read, shown, maxSizeMB, catalogue));
}

function refusalMessage(refusal: FileRefusal, shown: string, maxSizeMB: number, catalogue: Catalogue): string {
  switch (refusal.reason) {
    case 'not-a-file':
      return catalogue.rollup.notAFile(shown, refusal.type);
    case 'too-large':
      return catalogue.rollup.tooLarge(shown, refusal.bytes, maxSizeMB);
    case 'unreadable':
      return catalogue.rollup.cannotRead(shown, refusal.code);
    default:
      return catalogue.rollup.cannotRead(shown, { missing: 'ENOENT', 'broken-link': 'ENOENT', 'link-loop': 'ELOOP', outside: 'EACCES' }[refusal.reason]);
  }
}

/**
 * The district's config (`--config`), checked like a workspace's: its
 * problems are printed, and errors end the rollup with exit 1 ('failed').
 */
async function readConfig(arg: string, options: RollupCommandOptions, io: CliIO, usage: Catalogue): Promise<Config | 'failed'> {
  const file = path.resolve(io.cwd, arg);
  const shown = path.relative(io.cwd, file) || file;
  const bytes = await readBytes(file, shown, DEFAULT_MAX_FILE_SIZE_MB, usage);
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
