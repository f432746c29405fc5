/**
 * `revitalize templates list | eject`: which report templates a workspace
 * uses, and copies of the built-in ones to make its own. A workspace's
 * `templates/` overrides the built-in templates file by file.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { readWorkspaceLocale } from '../../load/load-workspace.js';
import { BUILT_IN_TEMPLATES, WORKSPACE_TEMPLATES, builtInTemplates } from '../../render/template-engine.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
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
  for (const name of await templatesFor(locale)) {
    const own = path.join(WORKSPACE_TEMPLATES, name);
    const shown = own.split(path.sep).join('/');
    const target = path.join(root, own);
    if (await exists(target)) {
      io.stdout(`${catalogue.templates.kept(printableText(shown))}\n`);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    // COPYFILE_EXCL: never overwrite, even if the file appeared meanwhile.
    await copyFile(path.join(BUILT_IN_TEMPLATES, name), target, 1);
    io.stdout(`${catalogue.templates.copied(printableText(shown))}\n`);
  }
  io.stdout(`${catalogue.templates.afterEject}\n`);
  return EXIT.ok;
}
