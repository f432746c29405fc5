/** What the commands share: the message language, the workspace argument, and the lock of commands that write logs. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue } from '../i18n/catalogue.js';
import { catalogueFor } from '../i18n/catalogues.js';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE, LOCALES, isLocale } from '../i18n/locale.js';
import type { LoadedWorkspace } from '../load/load-workspace.js';
import { WorkspaceNotFoundError, WorkspaceUnreadableError, loadWorkspace, readWorkspaceLocale } from '../load/load-workspace.js';
import type { YearMonth } from '../metrics/report-period.js';
import { dayOf, monthOf, resolveMonth } from '../metrics/report-period.js';
import type { Config } from '../schema/config-schema.js';
import { FIRST_YEAR, LAST_YEAR, isYearInRange, isoDate } from '../schema/log-schema.js';
import type { WorkspaceLock } from '../write/workspace-lock.js';
import { WAIT_MS, WorkspaceLockLostError, WorkspaceLockedError, lockWorkspace } from '../write/workspace-lock.js';
import type { CliIO, GlobalOptions } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { ExitError } from './exit-error.js';
import { formatProblems } from './print-problems.js';
import { printableText } from '../printable-text.js';

/**
 * The language for messages: `--locale` when given, else the workspace's
 * once it is known, else zh-CN (for what goes wrong before the config is read).
 */
export function messageCatalogue(globals: GlobalOptions, workspaceLocale?: Locale): Catalogue {
  const chosen = globals.locale;
  if (chosen !== undefined && !isLocale(chosen)) {
    throw new ExitError(catalogueFor(DEFAULT_LOCALE).cli.badLocale(chosen, LOCALES));
  }
  return catalogueFor(chosen ?? workspaceLocale ?? DEFAULT_LOCALE);
}

export function workspacePath(argument: string | undefined, cwd: string): string {
  return path.resolve(cwd, argument ?? '.');
}

/**
 * The day a run stands on: for the report's date, "today" in date warnings,
 * and `current` / `previous` months. `--generated-on` wins, then
 * SOURCE_DATE_EPOCH (seconds, read in UTC, as reproducible builds do), and
 * only then the clock, so a scheduled run can be made byte-identical.
 */
export function runDay(io: CliIO, generatedOn: string | undefined, catalogue: Catalogue): Date {
  if (generatedOn !== undefined) {
    const day = isoDate.safeParse(generatedOn.trim());
    if (!day.success) {
      const year = /^\s*(\d{4})(?:[-/.年]|$)/.exec(generatedOn)?.[1];
      throw new ExitError(
        year !== undefined && !isYearInRange(Number(year))
          ? catalogue.cli.yearOutOfRange('--generated-on', generatedOn, FIRST_YEAR, LAST_YEAR)
          : catalogue.cli.badGeneratedOn(generatedOn),
      );
    }
    return localNoon(day.data);
  }
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new ExitError(catalogue.cli.badSourceDateEpoch(epoch));
    // Past 9999 (or past what a Date holds) the seconds name no day a report can carry.
    const day = new Date(Number(epoch) * 1000);
    if (Number.isNaN(day.getTime()) || !isYearInRange(day.getUTCFullYear())) {
      throw new ExitError(catalogue.cli.yearOutOfRange('SOURCE_DATE_EPOCH', epoch, FIRST_YEAR, LAST_YEAR));
    }
    return localNoon(day.toISOString().slice(0, 10));
  }
  return io.now();
}

/**
 * A month named on the command line (`--month`): written, `current` or
 * `previous`; refused as a usage error when it cannot be read, or when its
 * year is outside 1900 to 9999.
 */
export function readMonth(text: string, now: Date, catalogue: Catalogue): YearMonth {
  const month = resolveMonth(text, now);
  if (month && isYearInRange(Number(month.slice(0, 4)))) return month;
  const year = /^\s*(\d{4})(?:[-/.年]|$)/.exec(text)?.[1];
  if (year !== undefined && !isYearInRange(Number(year))) throw new ExitError(catalogue.cli.yearOutOfRange('--month', text, FIRST_YEAR, LAST_YEAR));
  throw new ExitError(catalogue.cli.badMonth(text));
}

/**
 * The month a report is asked for (`--month`), refused when it cannot be
 * read (readMonth), and when it is still to come: a report of a month after this one
 * has nothing to say yet, and a job that asks for one has its date wrong.
 * `allowFuture` lets a clerk prepare one on purpose.
 */
export function askedMonth(text: string, now: Date, catalogue: Catalogue, allowFuture = false): YearMonth {
  const month = readMonth(text, now, catalogue);
  if (!allowFuture && month > monthOf(now)) throw new ExitError(catalogue.cli.futureMonth(catalogue.formatMonth(month), catalogue.formatDay(dayOf(now))));
  return month;
}

/**
 * A region given with --region (init, rollup): one line of text. A line
 * break in it would be a line of its own in revitalize.yaml, a blank one no
 * name at all; other control characters cannot be part of an office's name.
 */
export function regionOption(value: string, catalogue: Catalogue): string {
  const region = value.trim();
  if (region === '' || printableText(region) !== region) throw new ExitError(catalogue.cli.badRegion(printableText(value)));
  return region;
}

/** Noon of a calendar day, so local-calendar readings of it cannot slip a day. */
function localNoon(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!, 12);
}

/** An option's value when it is one of `allowed`; otherwise a usage error naming them. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], refuse: (value: string, allowed: readonly T[]) => string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ExitError(refuse(value, allowed));
  return value as T;
}

/** Runs a step that opens the workspace, turning "no such folder" and "no permission to it" into usage errors. */
export async function openingWorkspace<T>(argument: string | undefined, catalogue: Catalogue, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof WorkspaceNotFoundError) throw new ExitError(catalogue.cli.noWorkspace(argument ?? '.'));
    if (error instanceof WorkspaceUnreadableError) throw new ExitError(catalogue.cli.workspaceUnreadable(argument ?? '.', error.code));
    throw error;
  }
}

export interface CheckedWorkspace {
  root: string;
  loaded: LoadedWorkspace & { config: Config };
  /** In the workspace's language (or --locale's). */
  catalogue: Catalogue;
}

/**
 * The workspace a command works from, loaded and free of errors. With
 * errors in it, they are printed (they would make any figure or entry
 * wrong) and the command ends with exit 1, saying `failure`.
 */
export async function openCheckedWorkspace(
  workspaceArg: string | undefined,
  options: GlobalOptions,
  io: CliIO,
  today: string,
  failure: (catalogue: Catalogue, errors: number) => string,
): Promise<CheckedWorkspace> {
  const usage = messageCatalogue(options);
  const root = workspacePath(workspaceArg, io.cwd);
  const loaded = await openingWorkspace(workspaceArg, usage, () => loadWorkspace(root, { today, ...(io.fs ? { fs: io.fs } : {}) }));
  const catalogue = messageCatalogue(options, loaded.locale);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (!loaded.config || errors.length > 0) {
    io.stderr(await formatProblems(errors, catalogue, { color: io.colors.stderr, sources: loaded.sources }));
    throw new ExitError(failure(catalogue, errors.length), EXIT.dataErrors);
  }
  return { root, loaded: loaded as CheckedWorkspace['loaded'], catalogue };
}

/**
 * Runs a command that writes logs holding the workspace's lock
 * (workspace-lock.ts), so that it reads and writes as the only writer. A
 * lock another writer keeps, or one that cannot be made (a read-only
 * folder), is told in the workspace's language (exit 2); `command` is what
 * to run again.
 */
export async function asOnlyWriter<T>(
  workspaceArg: string | undefined,
  options: GlobalOptions,
  io: CliIO,
  command: string,
  step: (lock: WorkspaceLock) => Promise<T>,
): Promise<T> {
  const root = workspacePath(workspaceArg, io.cwd);
  const usage = messageCatalogue(options);
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) throw new ExitError(usage.cli.noWorkspace(workspaceArg ?? '.'));
  const shown = path.relative(io.cwd, root) || '.';
  const words = async () => messageCatalogue(options, await readWorkspaceLocale(root));
  let lock: WorkspaceLock;
  try {
    lock = await lockWorkspace(root, io.lockTiming);
  } catch (error) {
    if (error instanceof WorkspaceLockedError)
      throw new ExitError((await words()).add.workspaceBusy(shown, Math.round((io.lockTiming?.waitMs ?? WAIT_MS) / 1000), command));
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    const catalogue = await words();
    throw new ExitError(catalogue.add.cannotLock(shown, catalogue.cli.writeFailure(code)));
  }
  try {
    return await step(lock);
  } catch (error) {
    if (error instanceof WorkspaceLockLostError) throw new ExitError((await words()).add.lockLost(shown, command));
    throw error;
  } finally {
    await lock.release();
  }
}
