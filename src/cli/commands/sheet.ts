/**
 * `revitalize sheet`: the fill-in workbook (.xlsx) a township sends its
 * villages at month end, built by sheet/build-workbook.ts from the
 * workspace's villages, its open suggestions and the topics they have had.
 * `--village` makes it one village's (its column filled in and locked);
 * `--month` names the month in its title and file name. Reads the
 * workspace, writes one file (atomically), never a log.
 */
import path from 'node:path';
import { dayOf } from '../../metrics/report-period.js';
import { buildWorkbook } from '../../sheet/build-workbook.js';
import { SHEET_KINDS } from '../../sheet/sheet-columns.js';
import { printableText } from '../../printable-text.js';
import { writeFilesAtomically } from '../../write/write-files.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, openCheckedWorkspace, readMonth, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { shellWord } from '../shell-word.js';

export interface SheetCommandOptions extends GlobalOptions {
  month?: string;
  village?: string;
  output?: string;
}

export async function sheetCommand(workspaceArg: string | undefined, options: SheetCommandOptions, io: CliIO): Promise<number> {
  const now = runDay(io, undefined, messageCatalogue(options));
  const today = dayOf(now);
  const { loaded, catalogue } = await openCheckedWorkspace(workspaceArg, options, io, today, (c) => c.add.workspaceHasErrors);
  const month = options.month === undefined ? undefined : readMonth(options.month, now, catalogue);
  const villages = loaded.config.villages ?? [];
  const village = options.village?.trim();
  if (village !== undefined && villages.length > 0 && !villages.includes(village)) throw new ExitError(catalogue.sheet.unknownVillage(village, villages));
  const output = options.output ?? `${catalogue.sheet.fileName(village, month)}.xlsx`;
  if (!output.toLowerCase().endsWith('.xlsx')) throw new ExitError(catalogue.sheet.notXlsx(output));

  const open = loaded.suggestions
    .filter((suggestion) => suggestion.resolvedOn === null && (village === undefined || suggestion.village === village))
    .map(({ id, village: of, date, text, topic }) => ({ id, village: of, date, text, topic }));
  const topics = [...new Set(loaded.suggestions.map((suggestion) => suggestion.topic).filter((topic): topic is string => topic !== undefined))].sort();
  const bytes = await buildWorkbook({ region: loaded.config.region, villages, village, month, open, topics, day: today }, catalogue);
  const target = path.resolve(io.cwd, output);
  try {
    await writeFilesAtomically(new Map([[target, bytes]]), io.writeFs ? { fs: io.writeFs } : {});
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new ExitError(catalogue.sheet.cannotWrite(output, catalogue.cli.writeFailure(code)));
    throw error;
  }
  // The command to run when the workbook comes back, as it would be typed here.
  const workspace = workspaceArg === undefined || workspaceArg === '.' ? '' : ` -w ${shellWord(printableText(workspaceArg))}`;
  const importCommand = `revitalize import ${shellWord(printableText(output))}${workspace}`;
  io.stdout(`${catalogue.sheet.written(printableText(output), SHEET_KINDS.length + 2, open.length, importCommand)}\n`);
  return EXIT.ok;
}
