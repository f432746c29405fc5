/** The library behind the command line. */
export { makeReport } from './make-report.js';
export type { MakeReportOptions, MakeReportResult } from './make-report.js';
export { loadWorkspace } from './load/load-workspace.js';
export type { LoadedWorkspace } from './load/load-workspace.js';
export { computeMetrics } from './metrics/compute-metrics.js';
export type { MetricValues, MetricFigures } from './metrics/compute-metrics.js';
export { METRICS, METRIC_KEYS } from './metrics/metric-definitions.js';
export type { MetricKey, MetricUnit } from './metrics/metric-definitions.js';
export { reportWindows, resolveMonth } from './metrics/report-period.js';
export { buildReport } from './report/build-report.js';
export type { ReportModel } from './report/build-report.js';
export { renderReport, REPORT_FORMATS } from './render/render-report.js';
export type { ReportFormat } from './render/render-report.js';
export { writeReportFiles } from './write/write-files.js';
export type { Problem, ProblemCode } from './problems/problem.js';
export { describeProblem } from './problems/describe-problem.js';
export type { Entry, Kind, Pillar } from './schema/log-schema.js';
