/**
 * The report pipeline, as a library call: load → validate → compute metrics
 * → build the report model (with the month's notes) → render. Writing is left to the caller, which
 * picks files or standard output. Never exits the process; `now` is not
 * needed here because the month is already resolved.
 */
import { catalogueFor } from './i18n/catalogues.js';
import type { Locale } from './i18n/locale.js';
import type { LoadedWorkspace } from './load/load-workspace.js';
import { loadWorkspace } from './load/load-workspace.js';
import type { MonthNotesRead } from './load/read-notes.js';
import { readMonthNotes } from './load/read-notes.js';
import type { WorkspaceFs } from './load/read-regular-file.js';
import type { YearMonth } from './metrics/report-period.js';
import { notesFile } from './notes/notes-file.js';
import type { Problem } from './problems/problem.js';
import { hasErrors, mergeProblems, problem, wholeFile } from './problems/problem.js';
import type { RenderedReport, ReportFormat } from './render/render-report.js';
import { renderReport, showsEvidence } from './render/render-report.js';
import { templateProblem } from './render/template-problem.js';
import type { ReportModel } from './report/build-report.js';
import { buildReport, emptyProblemsSection, reportNotes } from './report/build-report.js';
import { monthCoverageProblems } from './report/month-coverage.js';

export interface MakeReportOptions {
  /** Absolute path of the workspace folder. */
  workspace: string;
  month: YearMonth;
  formats: readonly ReportFormat[];
  /** Today as YYYY-MM-DD, for the warning about entries dated later. */
  today?: string;
  /** The report's date (YYYY-MM-DD), printed in it: never read from a clock here. */
  generatedOn: string;
  /** File access for the loader; the real file system by default. */
  fs?: WorkspaceFs;
  onProgress?: (done: number, total: number) => void;
  /** The Chromium that prints `pdf`; the caller finds it (see find-chromium.ts). */
  chromium?: string | undefined;
}

interface Checked {
  /** The workspace's language (its report's, and its messages' by default). */
  locale: Locale;
  /** The log globs and the files they matched, so outputs can stay clear of them. */
  logGlobs: string[];
  logFiles: string[];
  /** Text of the files with problems, for excerpts. */
  sources: Map<string, string>;
}

export interface ReportFromWorkspaceOptions {
  /** The Chromium that prints `pdf`. */
  chromium?: string | undefined;
  /** The month's notes, when the caller has read them already; otherwise they are read here. */
  notes?: MonthNotesRead | undefined;
  /** File access for reading the notes; the real file system by default. */
  fs?: WorkspaceFs | undefined;
  /**
   * Whether the month is one being reported, so that what it lacks is said
   * (no entries, silent villages, 存在问题 left empty): true for `report` and
   * `check --month`; false when `check` only tries the workspace's templates.
   */
  judgeMonth?: boolean | undefined;
}

export type MakeReportResult =
  | (Checked & { ok: false; problems: Problem[] })
  | (Checked & {
      ok: true;
      report: ReportModel;
      rendered: Map<ReportFormat, RenderedReport>;
      /** Warnings only (the month's notes' among them); they are also listed in the report. */
      problems: Problem[];
    });

export async function makeReport({ workspace, month, formats, today, generatedOn, fs, onProgress, chromium }: MakeReportOptions): Promise<MakeReportResult> {
  // In two steps, so that nothing holds the loaded workspace (a province's million entries) while the report is rendered.
  const built = await buildFromWorkspace(await loadWorkspace(workspace, { today, fs, onProgress }), month, formats, generatedOn, { fs });
  return built.ok ? renderBuilt(built, formats, chromium) : built;
}

/** The report of an already loaded workspace; `check` uses it to try the workspace's templates. */
export async function reportFromWorkspace(
  loaded: LoadedWorkspace,
  month: YearMonth,
  formats: readonly ReportFormat[],
  generatedOn: string,
  options: ReportFromWorkspaceOptions = {},
): Promise<MakeReportResult> {
  const built = await buildFromWorkspace(loaded, month, formats, generatedOn, options);
  return built.ok ? renderBuilt(built, formats, options.chromium) : built;
}

/** A report model built, with what a report needs besides it, but not yet rendered. */
type BuiltReport = Checked & { ok: true; report: ReportModel; problems: Problem[]; workspace: string };

async function buildFromWorkspace(
  loaded: LoadedWorkspace,
  month: YearMonth,
  formats: readonly ReportFormat[],
  generatedOn: string,
  { notes, fs, judgeMonth = true }: ReportFromWorkspaceOptions,
): Promise<BuiltReport | (Checked & { ok: false; problems: Problem[] })> {
  const { locale, logGlobs, logFiles, root: workspace } = loaded;
  // Without a usable config there is no report to put notes in: the config's errors come first.
  const monthNotes = !loaded.config ? { notes: null, problems: [] } : (notes ?? (await readMonthNotes(workspace, month, fs, loaded.config.maxFileSizeMB)));
  const sources = new Map(loaded.sources);
  if (monthNotes.text !== undefined) sources.set(notesFile(month), monthNotes.text);
  // With errors in the logs, their entries are not counted: a month would look emptier than it is.
  const coverage = loaded.config && judgeMonth && !hasErrors(loaded.problems) ? monthCoverageProblems(month, loaded.entries, loaded.config.villages) : [];
  let problems = mergeProblems(loaded.problems, monthNotes.problems, coverage);
  const checked = { locale, sources, logGlobs, logFiles };
  if (!loaded.config || hasErrors(problems)) return { ok: false, ...checked, problems };

  const catalogue = catalogueFor(locale);
  let report = buildReport({
    config: loaded.config,
    month,
    generatedOn,
    entries: loaded.entries,
    suggestions: loaded.suggestions,
    warnings: problems,
    notes: monthNotes.notes,
    catalogue,
    withEvidence: formats.some(showsEvidence),
  });
  // Notes written, but 存在问题 left to the figures, and they found none: the clerk is asked, as for 下步工作打算.
  if (judgeMonth && monthNotes.notes !== null && emptyProblemsSection(report)) {
    const asked = problem('W-NOTES-SECTION-MISSING', wholeFile(notesFile(month)), { section: 'problems' });
    problems = mergeProblems(problems, [asked]);
    report = { ...report, warnings: reportNotes(problems, catalogue) };
  }
  return { ok: true, ...checked, report, problems, workspace };
}

async function renderBuilt(built: BuiltReport, formats: readonly ReportFormat[], chromium: string | undefined): Promise<MakeReportResult> {
  const { report, problems, workspace, sources, locale, logGlobs, logFiles } = built;
  const checked = { locale, sources, logGlobs, logFiles };
  const catalogue = catalogueFor(locale);
  let rendered: Map<ReportFormat, RenderedReport>;
  try {
    rendered = await renderReport(report, catalogue, formats, { workspace, chromium });
  } catch (error) {
    // A mistake in the workspace's own template is reported like one in a log.
    const found = await templateProblem(error, workspace);
    if (!found) throw error;
    sources.set(found.problem.file, found.text);
    return { ok: false, ...checked, problems: mergeProblems(problems, [found.problem]) };
  }
  return { ok: true, ...checked, report, rendered, problems };
}
