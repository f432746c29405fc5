/**
 * The district's report from its townships' JSON reports, as a library
 * call: read each report → check they agree → merge their figures →
 * assemble the report model (the district's region, title and targets) →
 * render. Reading files and writing the result are left to the caller.
 * Never exits the process.
 */
import { catalogueFor } from './i18n/catalogues.js';
import type { Locale } from './i18n/locale.js';
import { DEFAULT_LOCALE } from './i18n/locale.js';
import type { RenderedReport, ReportFormat } from './render/render-report.js';
import { renderReport } from './render/render-report.js';
import type { ReportModel } from './report/build-report.js';
import { noteTexts } from './notes/note-sections.js';
import { assembleReport } from './report/build-report.js';
import { checkReportsAgree } from './rollup/check-reports-agree.js';
import { mergeReports, mergeWarnings } from './rollup/merge-reports.js';
import type { ReadReport, ReportFile, RollupProblem } from './rollup/read-report.js';
import { readReport } from './rollup/read-report.js';
import type { TargetRule } from './schema/config-schema.js';

export interface MakeRollupOptions {
  /** The township reports, in the order their villages are listed. */
  reports: readonly ReportFile[];
  /** The district: who reports, the report's title, and its own targets. */
  region: string;
  title?: string | undefined;
  /** 主送机关 and 发文机关署名, from the district's config. */
  recipient?: string | undefined;
  issuer?: string | undefined;
  targets?: readonly TargetRule[];
  /** The report's language; by default the first report's. */
  locale?: Locale | undefined;
  /** The rollup's date (YYYY-MM-DD), printed in it. */
  generatedOn: string;
  formats: readonly ReportFormat[];
  /** The Chromium that prints `pdf`. */
  chromium?: string | undefined;
}

export type MakeRollupResult =
  | { ok: false; locale: Locale; problems: RollupProblem[] }
  | { ok: true; locale: Locale; report: ReportModel; rendered: Map<ReportFormat, RenderedReport> };

/** The township reports, read and checked to agree; or every reason they cannot be merged. */
export function readTownshipReports(
  files: readonly ReportFile[],
): { ok: true; reports: ReadReport[] } | { ok: false; problems: RollupProblem[]; reports: ReadReport[] } {
  const reports: ReadReport[] = [];
  const problems: RollupProblem[] = [];
  for (const file of files) {
    const read = readReport(file);
    if (read.ok) reports.push(read.report);
    else for (const found of read.problems) problems.push(found);
  }
  for (const found of checkReportsAgree(reports)) problems.push(found);
  return problems.length > 0 ? { ok: false, problems, reports } : { ok: true, reports };
}

export async function makeRollup(options: MakeRollupOptions): Promise<MakeRollupResult> {
  const read = readTownshipReports(options.reports);
  const locale = options.locale ?? read.reports[0]?.document.locale ?? DEFAULT_LOCALE;
  if (!read.ok) return { ok: false, locale, problems: read.problems };

  const documents = read.reports.map((report) => report.document);
  const catalogue = catalogueFor(locale);
  const report = assembleReport({
    figures: mergeReports(documents),
    heading: { region: options.region, title: options.title, recipient: options.recipient, issuer: options.issuer },
    targets: options.targets ?? [],
    generatedOn: options.generatedOn,
    catalogue,
    // There are no entries behind a rollup's figures: each township's report lists its own.
    evidence: null,
    warnings: mergeWarnings(documents),
    // A district writes its own notes; the townships' stay in their reports.
    notes: noteTexts(null),
  });
  const rendered = await renderReport(report, catalogue, options.formats, { chromium: options.chromium });
  return { ok: true, locale, report, rendered };
}
