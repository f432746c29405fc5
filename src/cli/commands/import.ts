/**
 * `revitalize import <file>...`: village spreadsheets (.xlsx from Excel, WPS
 * or LibreOffice, or .csv) into the logs. Each file is read bounded
 * (sheet/read-spreadsheet.ts), its rows become entries
 * (sheet/rows-to-drafts.ts), checked as `add` checks one and against the
 * rows imported before (sheet/plan-import.ts). Every problem is told at
 * once, at its sheet and cell; with any error nothing is written (exit 1).
 * Otherwise each log gets all its new entries in one append, every log
 * written together, holding the workspace's lock from reading the logs to
 * writing them, as `add` does. The workspace is `-w/--workspace` (the
 * current folder by default), so that any number of files may be given.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue } from '../../i18n/catalogue.js';
import { MAX_SHEET_FILE_MB } from '../../limits.js';
import { globMatcher } from '../../load/glob-syntax.js';
import { describeProblem } from '../../problems/describe-problem.js';
import type { Problem } from '../../problems/problem.js';
import { problem } from '../../problems/problem.js';
import { printableText } from '../../printable-text.js';
import { appendEntries } from '../../record/append-entry.js';
import type { ImportPlan } from '../../sheet/plan-import.js';
import { planImport } from '../../sheet/plan-import.js';
import { readSpreadsheet } from '../../sheet/read-spreadsheet.js';
import type { RowDraft } from '../../sheet/rows-to-drafts.js';
import { columnKey, rowsToDrafts } from '../../sheet/rows-to-drafts.js';
import { kindOfSheetName } from '../../sheet/sheet-columns.js';
import type { WorkspaceLock } from '../../write/workspace-lock.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { asOnlyWriter } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import type { WordedProblem } from '../print-problems.js';
import { formatWordedProblems, printableProblem } from '../print-problems.js';
import type { OpenedWorkspace } from '../record-entry.js';
import { failedAppend, logFileFor, openForRecording } from '../record-entry.js';

export interface ImportCommandOptions extends GlobalOptions {
  workspace?: string;
  dryRun?: boolean;
}

export async function importCommand(files: string[], options: ImportCommandOptions, io: CliIO): Promise<number> {
  const workspaceArg = options.workspace;
  if (options.dryRun) return importInto(files, await openForRecording(workspaceArg, options, io), io, undefined);
  return asOnlyWriter(workspaceArg, options, io, 'revitalize import', async (lock) =>
    importInto(files, await openForRecording(workspaceArg, options, io), io, lock),
  );
}

/** Reads, checks and (given the lock; without it, a dry run) writes; the exit code. */
async function importInto(files: readonly string[], opened: OpenedWorkspace, io: CliIO, lock: WorkspaceLock | undefined): Promise<number> {
  const { root, loaded, catalogue, roster, jointFile } = opened;
  const problems: Problem[] = [];
  const rows: RowDraft[] = [];
  const headings = new Map<string, string>();
  for (const file of files) {
    const read = await readOne(file, io, catalogue);
    problems.push(...read.problems);
    rows.push(...read.rows);
    for (const [column, heading] of read.headings) headings.set(column, heading);
  }
  const plan = planImport(rows, {
    entries: loaded.entries,
    takenIds: new Set(loaded.suggestions.map((s) => s.id)),
    roster,
    fileFor: (draft) => logFileFor(draft, jointFile),
  });
  problems.push(...plan.problems);
  const errors = problems.filter((found) => found.severity === 'error').length;
  if (problems.length > 0) {
    const worded = problems.map((found) => wordAtCell(printableProblem(found), headings, catalogue));
    io.stderr(await formatWordedProblems(worded, catalogue, { color: io.colors.stderr }));
  }
  if (errors > 0) {
    io.stderr(`${catalogue.importing.notImported(errors)}\n`);
    return EXIT.dataErrors;
  }
  const total = plan.additions.reduce((sum, addition) => sum + addition.entries.length, 0);
  if (total === 0) {
    io.stdout(`${plan.alreadyImported > 0 ? catalogue.importing.nothingNew(plan.alreadyImported) : catalogue.importing.nothingFound}\n`);
    return EXIT.ok;
  }
  const matches = globMatcher(loaded.logGlobs);
  for (const { file } of plan.additions) if (!matches(file)) throw new ExitError(catalogue.add.outsideLogs(file));
  if (lock === undefined) {
    for (const addition of plan.additions)
      io.stdout(`${catalogue.importing.wouldAdd(printableText(addition.file), addition.entries.length, kindCounts(addition, catalogue))}\n`);
    io.stdout(`${catalogue.importing.dryRun(total)}\n`);
    return EXIT.ok;
  }
  await writePlan(root, plan, catalogue, io, lock);
  for (const addition of plan.additions)
    io.stdout(`${catalogue.importing.addedTo(printableText(addition.file), addition.entries.length, kindCounts(addition, catalogue))}\n`);
  io.stdout(`${catalogue.importing.total(total, plan.additions.length)}\n`);
  if (plan.alreadyImported > 0) io.stdout(`${catalogue.importing.alreadyImported(plan.alreadyImported)}\n`);
  return EXIT.ok;
}

/** One file's rows, or the problems that keep it from being read. A file that is not there is a usage error. */
/**
 * A problem at a cell, told in the sheet's words where its column's heading
 * is known: a village fixes a column it can see (“参加人数”一栏), not a log's
 * field (attendees) written the YAML way. Any other problem is told as
 * `check` tells it.
 */
function wordAtCell(found: Problem, headings: ReadonlyMap<string, string>, catalogue: Catalogue): WordedProblem {
  const heading = headings.get(columnKey(found));
  const words = catalogue.importing.cell;
  const inSheetWords =
    heading === undefined
      ? undefined
      : found.code === 'E-MISSING-FIELD' || found.code === 'E-EMPTY-VALUE'
        ? words.missing(heading)
        : found.code === 'E-WRONG-TYPE'
          ? words.wrongType(heading, found.params)
          : found.code === 'E-NOT-ALLOWED'
            ? words.notAllowed(heading, found.params)
            : found.code === 'W-FULLWIDTH-DIGITS'
              ? words.fullwidthDigits(heading, found.params)
              : undefined;
  return { file: found.file, line: found.line, col: found.col, severity: found.severity, ...(inSheetWords ?? describeProblem(found, catalogue)) };
}

async function readOne(
  file: string,
  io: CliIO,
  catalogue: Catalogue,
): Promise<{ rows: RowDraft[]; problems: Problem[]; headings: ReadonlyMap<string, string> }> {
  const full = path.resolve(io.cwd, file);
  const facts = await stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new ExitError(catalogue.importing.notFound(printableText(file)));
    throw new ExitError(catalogue.importing.cannotRead(printableText(file), catalogue.cli.writeFailure(error.code ?? 'EIO')));
  });
  if (!facts.isFile()) throw new ExitError(catalogue.importing.cannotRead(printableText(file), catalogue.cli.writeFailure('EISDIR')));
  // The size is checked before a byte is read.
  if (facts.size > MAX_SHEET_FILE_MB * 1024 * 1024) {
    const found = Math.ceil(facts.size / (1024 * 1024));
    return {
      rows: [],
      problems: [problem('E-SHEET-TOO-LARGE', { file, line: 0, col: 0 }, { what: 'bytes', limit: MAX_SHEET_FILE_MB, found })],
      headings: new Map(),
    };
  }
  const read = await readSpreadsheet(file, await readFile(full));
  if (!read.ok) return { rows: [], problems: read.problems, headings: new Map() };
  return rowsToDrafts(read.sheets, catalogue, kindOfSheetName(path.basename(file, path.extname(file))));
}

async function writePlan(root: string, plan: ImportPlan, catalogue: Catalogue, io: CliIO, lock: WorkspaceLock): Promise<void> {
  try {
    lock.confirm();
    await appendEntries(
      root,
      plan.additions.map(({ file, village, entries }) => ({ file, village, entries: entries.map((entry) => entry.values) })),
      { fs: io.writeFs },
    );
  } catch (error) {
    failedAppend(error, catalogue, {
      readOnly: (readOnly) => path.relative(root, readOnly.file).split(path.sep).join('/'),
      logs: plan.additions.map((a) => a.file).join(', '),
    });
  }
}

/** 居民夜谈会 1、意见建议 2: the kinds of a log's new entries, in the order they come. */
function kindCounts(addition: ImportPlan['additions'][number], catalogue: Catalogue): string {
  const counts = new Map<string, number>();
  for (const { kind } of addition.entries) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, count]) => catalogue.importing.kindCount(catalogue.kinds[kind as keyof Catalogue['kinds']], count))
    .join(catalogue.importing.listSeparator);
}
