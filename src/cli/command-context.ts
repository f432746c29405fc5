/** What the commands share: the message language and the workspace argument. */
import path from 'node:path';
import type { Catalogue } from '../i18n/catalogue.js';
import { catalogueFor } from '../i18n/catalogues.js';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE, LOCALES, isLocale } from '../i18n/locale.js';
import { WorkspaceNotFoundError } from '../load/load-workspace.js';
import type { GlobalOptions } from './cli-io.js';
import { ExitError } from './exit-error.js';

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

/** Runs a step that opens the workspace, turning "no such folder" into a usage error. */
export async function openingWorkspace<T>(argument: string | undefined, catalogue: Catalogue, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof WorkspaceNotFoundError) throw new ExitError(catalogue.cli.noWorkspace(argument ?? '.'));
    throw error;
  }
}
