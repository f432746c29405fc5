/**
 * `revitalize init [dir]`: a ready workspace, in the chosen language, with a
 * sample month a clerk can copy from. Never touches an existing workspace.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scaffoldWorkspace } from '../../init/scaffold-workspace.js';
import type { Locale } from '../../i18n/locale.js';
import { CONFIG_FILE } from '../../schema/config-schema.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, regionOption, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { printableText } from '../../printable-text.js';

export interface InitCommandOptions extends GlobalOptions {
  region?: string;
}

export async function initCommand(dirArg: string | undefined, options: InitCommandOptions, io: CliIO): Promise<number> {
  const catalogue = messageCatalogue(options);
  const locale = catalogue.locale as Locale;
  const root = path.resolve(io.cwd, dirArg ?? '.');
  const shown = path.relative(io.cwd, root) || '.';
  for (const existing of [CONFIG_FILE, 'logs']) {
    if (await stat(path.join(root, existing)).catch(() => undefined)) throw new ExitError(catalogue.init.exists(shown, existing));
  }
  const region = options.region === undefined ? undefined : regionOption(options.region, catalogue);
  const files = await scaffoldWorkspace(locale, runDay(io, undefined, catalogue), region);
  for (const [file, content] of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    // 'wx': a file that appeared meanwhile is not overwritten.
    await writeFile(path.join(root, file), content, { flag: 'wx' });
  }
  io.stdout(`${catalogue.init.created(printableText(shown), [...files.keys()].filter((file) => !file.startsWith('schema/')))}\n`);
  return EXIT.ok;
}
