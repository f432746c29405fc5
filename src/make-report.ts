/**
 * The report pipeline, as a library call: load → validate → compute metrics
 * → build the report model → render. Writing is left to the caller, which
 * picks files or standard output. Never exits the process; `now` is not
 * needed here because the month is already resolved.
 */
import type { Catalogue } from './i18n/catalogue.js';
import { catalogueFor } from './i18n/catalogues.js';
import type { Locale } from './i18n/locale.js';
import { loadWorkspace } from './load/load-workspace.js';
import { computeMetrics } from './metrics/compute-metrics.js';
import type { YearMonth } from './metrics/report-period.js';
import type { Problem } from './problems/problem.js';
import { hasErrors } from './problems/problem.js';
import type { ReportFormat } from './render/render-report.js';
import { renderReport } from './render/render-report.js';
import type { ReportModel } from './report/build-report.js';
import { buildReport } from './report/build-report.js';

export interface MakeReportOptions {
  /** Absolute path of the workspace folder. */
  workspace: string;
  month: YearMonth;
  formats: readonly ReportFormat[];
}

export type MakeReportResult =
  | { ok: false; catalogue: Catalogue; problems: Problem[] }
  | {
      ok: true;
      catalogue: Catalogue;
      report: ReportModel;
      rendered: Map<ReportFormat, string>;
      /** Warnings only; they are also listed in the report. */
      problems: Problem[];
    };

export async function makeReport({ workspace, month, formats }: MakeReportOptions): Promise<MakeReportResult> {
  const loaded = await loadWorkspace(workspace);
  const catalogue = catalogueFor(loaded.locale satisfies Locale);
  if (!loaded.config || hasErrors(loaded.problems)) return { ok: false, catalogue, problems: loaded.problems };

  const metrics = computeMetrics(month, loaded.entries, loaded.suggestions);
  const report = buildReport({
    region: loaded.config.region,
    title: loaded.config.title,
    month,
    metrics,
    warnings: loaded.problems,
    catalogue,
  });
  const rendered = await renderReport(report, catalogue, formats);
  return { ok: true, catalogue, report, rendered, problems: loaded.problems };
}
