/**
 * `revitalize init [dir]`: a ready workspace, in the chosen language, with a
 * sample month a clerk can copy from. Never touches an existing workspace,
 * and writes all of its files or none: everything in the way (a file where
 * one of its files or folders goes, a link to nothing) is found and named
 * before anything is written. A `.gitignore` already there (the folder is a
 * git repository) is kept, with the lines it lacks added at its end.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { scaffoldWorkspace } from '../../init/scaffold-workspace.js';
import type { Locale } from '../../i18n/locale.js';
import { CONFIG_FILE } from '../../schema/config-schema.js';
import { findObstacles } from '../../write/find-obstacles.js';
import { ReadOnlyFileError, writeFilesAtomically } from '../../write/write-files.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, regionOption, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { printableText } from '../../printable-text.js';

export interface InitCommandOptions extends GlobalOptions {
  region?: string;
}

const GITIGNORE = '.gitignore';

export async function initCommand(dirArg: string | undefined, options: InitCommandOptions, io: CliIO): Promise<number> {
  const catalogue = messageCatalogue(options);
  const locale = catalogue.locale as Locale;
  // An empty name (a script's unset variable) would quietly mean the current folder.
  if (dirArg !== undefined && dirArg.trim() === '') throw new ExitError(catalogue.init.emptyDir);
  const root = path.resolve(io.cwd, dirArg ?? '.');
  const shown = path.relative(io.cwd, root) || '.';
  const region = options.region === undefined ? undefined : regionOption(options.region, catalogue);
  const files = await scaffoldWorkspace(locale, runDay(io, undefined, catalogue), region);

  const obstacles = await findObstacles(root, [CONFIG_FILE, 'logs', ...files.keys()], (file) => (file === GITIGNORE ? 'keep' : 'obstacle'));
  // The config or logs already there, in any form (a link to nothing too): a workspace, said as such.
  const workspace = obstacles.find((found) => found.file === CONFIG_FILE || found.file === 'logs');
  if (workspace) throw new ExitError(catalogue.init.exists(shown, workspace.file));
  if (obstacles.length > 0)
    throw new ExitError(
      catalogue.init.inTheWay(
        shown,
        obstacles.map((found) => catalogue.cli.pathInTheWay(found.file, found.kind)),
      ),
    );

  const gitignore = files.get(GITIGNORE);
  if (gitignore !== undefined) files.set(GITIGNORE, await withLinesOf(path.join(root, GITIGNORE), gitignore));
  try {
    await writeFilesAtomically(new Map([...files].map(([file, content]) => [path.join(root, file), content])), { fs: io.writeFs });
  } catch (error) {
    const code = error instanceof ReadOnlyFileError ? 'EACCES' : (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    throw new ExitError(catalogue.init.cannotWrite(shown, catalogue.cli.writeFailure(code)));
  }
  io.stdout(
    `${catalogue.init.created(
      printableText(shown),
      [...files.keys()].filter((file) => !file.startsWith('schema/')),
    )}\n`,
  );
  return EXIT.ok;
}

/** A .gitignore already there with the lines of `ours` it lacks added at its end; `ours` when there is none. */
async function withLinesOf(file: string, ours: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing === undefined) return ours;
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const missing = ours.split('\n').filter((line) => line !== '' && !present.has(line));
  if (missing.length === 0) return existing;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  return `${existing}${existing === '' || existing.endsWith('\n') ? '' : eol}${missing.join(eol)}${eol}`;
}
