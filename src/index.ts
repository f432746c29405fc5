/**
 * The library behind the command line: the package's entry (`import { ... }
 * from 'revitalize'`), with its declarations. Everything a caller needs to
 * make a report or a rollup and to word what it found is here; what is not
 * exported is the tool's own business and may change.
 */
export { makeReport, reportFromWorkspace } from './make-report.js';
export type { MakeReportOptions, MakeReportResult, ReportFromWorkspaceOptions } from './make-report.js';
export { makeRollup, readTownshipReports } from './make-rollup.js';
export type { MakeRollupOptions, MakeRollupResult } from './make-rollup.js';
export type { ReadReport, ReportFile, RollupProblem } from './rollup/read-report.js';
export { catalogueFor } from './i18n/catalogues.js';
export type { Catalogue, ProblemText } from './i18n/catalogue.js';
export { DEFAULT_LOCALE, LOCALES } from './i18n/locale.js';
export type { Locale } from './i18n/locale.js';
export type { WorkspaceFs } from './load/read-regular-file.js';
export { loadWorkspace } from './load/load-workspace.js';
export type { LoadedWorkspace } from './load/load-workspace.js';
export { computeMetrics } from './metrics/compute-metrics.js';
export type { MetricValues, MetricFigures } from './metrics/compute-metrics.js';
export { METRICS, METRIC_KEYS } from './metrics/metric-definitions.js';
export type { MetricKey, MetricUnit } from './metrics/metric-definitions.js';
export { reportWindows, resolveMonth } from './metrics/report-period.js';
export type { YearMonth } from './metrics/report-period.js';
export { parseMonthNotes } from './notes/parse-month-notes.js';
export { NOTE_SECTIONS } from './notes/note-sections.js';
export type { MonthNotes, NoteSection } from './notes/note-sections.js';
export { checkNotesFolder, readMonthNotes } from './load/read-notes.js';
export { assembleReport, buildReport } from './report/build-report.js';
export type {
  Attachment,
  AttachmentKey,
  AssembleInput,
  CadenceRow,
  MetricHeading,
  MetricRow,
  OverdueSummary,
  PillarSection,
  ReportInput,
  ReportModel,
  ReportNote,
  ReportSettings,
  TargetRow,
  TrendPoint,
  VillageBreakdown,
  VillageTable,
} from './report/build-report.js';
export { renderReport, REPORT_FORMATS } from './render/render-report.js';
export type { RenderedReport, ReportFormat } from './render/render-report.js';
export { writeReportFiles } from './write/write-files.js';
export { ERROR_CODES, WARNING_CODES } from './problems/problem.js';
export type {
  ErrorCode,
  ParamsOf,
  Problem,
  ProblemCode,
  ProblemOf,
  ProblemParams,
  RollupCode,
  Severity,
  SourceLocation,
  WarningCode,
} from './problems/problem.js';
export { describeProblem, problemPlace } from './problems/describe-problem.js';
export type { Entry, Kind, Pillar } from './schema/log-schema.js';
// A workspace's revitalize.yaml, checked: what buildReport takes as `config`.
export { configSchema } from './schema/config-schema.js';
export type { CadenceRule, Config, StarRule, TargetRule } from './schema/config-schema.js';
