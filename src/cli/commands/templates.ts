/**
 * `revitalize templates list | eject`: which report templates a workspace
 * uses, and copies of the built-in ones to make its own. A workspace's
 * `templates/` overrides the built-in templates file by file. `eject` keeps
 * the templates the workspace has already, and copies the others all or
 * none: anything in the way (a file named `templates`, a folder or a link
 * to nothing where a template goes) is named before anything is written.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readWorkspaceLocale } from '../../load/load-workspace.js';
import { BUILT_IN_TEMPLATES, WORKSPACE_TEMPLATES, builtInTemplates } from '../../render/template-engine.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { findObstacles } from '../../write/find-obstacles.js';
import { ReadOnlyFileError, writeFilesAtomically } from '../../write/write-files.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, workspacePath } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { textTable } from '../text-table.js';
import { printableText } from '../../printable-text.js';

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** The templates a workspace of this language renders with: its locale's and the shared ones. */
async function templatesFor(locale: string): Promise<string[]> {
  return (await builtInTemplates()).filter((name) => name.startsWith(`${locale}/`) || name.startsWith('shared/'));
}

async function openWorkspace(workspaceArg: string | undefined, options: GlobalOptions, io: CliIO) {
  const root = workspacePath(workspaceArg, io.cwd);
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) {
    throw new ExitError(messageCatalogue(options).cli.noWorkspace(workspaceArg ?? '.'));
  }
  const locale = options.locale ?? (await readWorkspaceLocale(root));
  return { root, locale, catalogue: messageCatalogue({ ...options, locale }) };
}

export async function templatesListCommand(workspaceArg: string | undefined, options: GlobalOptions, io: CliIO): Promise<number> {
  const { root, locale, catalogue } = await openWorkspace(workspaceArg, options, io);
  const rows: string[][] = [];
  for (const name of await templatesFor(locale)) {
    const own = path.join(WORKSPACE_TEMPLATES, name);
    rows.push([name, (await exists(path.join(root, own))) ? catalogue.templates.workspace(own.split(path.sep).join('/')) : catalogue.templates.builtIn]);
  }
  io.stdout(textTable(rows));
  return EXIT.ok;
}

export async function templatesEjectCommand(workspaceArg: string | undefined, options: GlobalOptions, io: CliIO): Promise<number> {
  const { root, locale, catalogue } = await openWorkspace(workspaceArg, options, io);
  const names = await templatesFor(locale);
  const own = (name: string) => `${WORKSPACE_TEMPLATES}/${name}`;
  const obstacles = await findObstacles(root, names.map(own), () => 'keep');
  if (obstacles.length > 0) throw new ExitError(catalogue.templates.inTheWay(obstacles.map((found) => catalogue.cli.pathInTheWay(found.file, found.kind))));

  const kept = new Set<string>();
  const copies = new Map<string, Uint8Array>();
  for (const name of names) {
    const target = path.join(root, own(name));
    if (await exists(target)) kept.add(name);
    else copies.set(target, await readFile(path.join(BUILT_IN_TEMPLATES, name)));
  }
  try {
    await writeFilesAtomically(copies, { fs: io.writeFs });
  } catch (error) {
    const code = error instanceof ReadOnlyFileError ? 'EACCES' : (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    throw new ExitError(
      catalogue.templates.cannotWrite(path.relative(io.cwd, path.join(root, WORKSPACE_TEMPLATES)) || WORKSPACE_TEMPLATES, catalogue.cli.writeFailure(code)),
    );
  }
  for (const name of names)
    io.stdout(`${kept.has(name) ? catalogue.templates.kept(printableText(own(name))) : catalogue.templates.copied(printableText(own(name)))}\n`);
  io.stdout(`${catalogue.templates.afterEject}\n`);
  return EXIT.ok;
}
