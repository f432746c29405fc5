/**
 * The questions of an interactive `add`: pillar, kind, date, village, then
 * each field of the kind, every answer checked as it is typed against the
 * same schema the logs are checked with. Today and the last village logged
 * are the defaults. A suggestion's id is assigned, never asked. Every
 * choice and answer is in the catalogue's words (策划, 落地; 是/否).
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { z } from 'zod';
import type { Catalogue } from '../../i18n/catalogue.js';
import { describeProblem } from '../../problems/describe-problem.js';
import type { EntryDraft } from '../../record/new-entry.js';
import type { FieldFacts } from '../../record/entry-fields.js';
import { fieldsToAsk, typedValue } from '../../record/entry-fields.js';
import { fileNameFault } from '../../record/log-file-name.js';
import type { Kind } from '../../schema/log-schema.js';
import { ENTRY_SCHEMAS, KINDS, KIND_PILLAR, PILLARS, fieldsOfKind, isoDate, text } from '../../schema/log-schema.js';
import { problemsFromIssues } from '../../validate/problems-from-issues.js';
import type { VillageRoster } from '../../validate/validate-log-file.js';
import { printableText } from '../../printable-text.js';

export interface PromptContext {
  catalogue: Catalogue;
  roster: VillageRoster | undefined;
  today: string;
  lastVillage: string | undefined;
  streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /** Where the entry will be written, for the confirmation. */
  fileFor: (draft: EntryDraft) => string;
}

/** The key help under a list, in the catalogue's words. */
function keyHelp(catalogue: Catalogue) {
  return {
    style: { keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${catalogue.add.keyActions[action] ?? action}`).join(' • ') },
  };
}

export async function promptForEntry(context: PromptContext): Promise<EntryDraft | undefined> {
  const { catalogue, roster, today, lastVillage, streams } = context;
  const words = catalogue.add;
  const theme = keyHelp(catalogue);
  const pillar = await select(
    { message: words.pillar, choices: PILLARS.map((id) => ({ name: catalogue.explain.aside(catalogue.pillars[id], id), value: id })), theme },
    streams,
  );
  const kind = await select<Kind>(
    {
      message: words.kind,
      choices: KINDS.filter((k) => KIND_PILLAR[k] === pillar).map((k) => ({ name: catalogue.explain.aside(catalogue.kinds[k], k), value: k })),
      theme,
    },
    streams,
  );
  // An answer is checked by its field's schema and, if wrong, told why in the catalogue's words.
  const shape = ENTRY_SCHEMAS[kind].shape as Record<string, z.ZodType>;
  const check = (field: string, value: unknown): string | true => {
    const result = shape[field]!.safeParse(value);
    if (result.success) return true;
    const issues = result.error.issues.map((issue) => ({ ...issue, path: [field, ...issue.path] }));
    const [found] = problemsFromIssues(issues, {
      locate: () => ({ file: '', line: 0, col: 0 }),
      base: [],
      input: { [field]: value },
      params: { kind },
      integerFields: fieldsOfKind(kind).integer,
    });
    return found ? describeProblem(found, catalogue).message : true;
  };
  const date = (await input({ message: words.date, default: today, validate: (typed) => check('date', typed.trim()) }, streams)).trim();
  const normalizedDate = isoDate.parse(date);

  let village: string | undefined;
  if (kind !== 'joint-org') {
    village = roster
      ? await select(
          {
            message: words.village,
            choices: roster.names.map((name) => ({ name: printableText(name), value: name })),
            theme,
            ...(lastVillage && roster.has(lastVillage) ? { default: lastVillage } : {}),
          },
          streams,
        )
      : (
          await input(
            {
              message: words.village,
              ...(lastVillage && printableText(lastVillage) === lastVillage ? { default: lastVillage } : {}),
              validate: (typed) => villageAnswer(typed.trim(), catalogue),
            },
            streams,
          )
        ).trim();
  }

  const fields: Record<string, unknown> = {};
  for (const field of fieldsToAsk(kind)) {
    if (kind === 'suggestion' && field.name === 'id') continue;
    const value = await askField(field, { check, context });
    if (value !== undefined) fields[field.name] = value;
  }
  // A suggestion's id is given when the entry is written (checkNewEntry), as the next one free then.
  const draft: EntryDraft = { kind, date: normalizedDate, village, fields };
  const { yes, no, error } = words.yesNo;
  const answered = await confirm(
    { message: words.confirm(printableText(context.fileFor(draft))), default: true, theme: { keywords: { yes, no, error: () => error(yes, no) } } },
    streams,
  );
  return answered ? draft : undefined;
}

/** A village typed at the prompt: some text, and a name its log's file can have (log-file-name.ts). */
function villageAnswer(typed: string, catalogue: Catalogue): string | true {
  if (!text.safeParse(typed).success) return catalogue.add.village;
  const fault = fileNameFault(typed);
  return fault ? catalogue.add.villageFileName(typed, fault, Buffer.byteLength(`${typed}.yaml`, 'utf8')).message : true;
}

interface FieldContext {
  check: (field: string, value: unknown) => string | true;
  context: PromptContext;
}

/** The choices of a field as offered in this language: the catalogue's labels, or the values themselves. */
export function offeredChoices(field: FieldFacts, catalogue: Catalogue): { name: string; value: string }[] {
  const labels = catalogue.add.choices[field.name];
  if (!labels) return field.choices!.map((choice) => ({ name: choice, value: choice }));
  return Object.entries(labels)
    .filter(([value]) => field.choices!.includes(value))
    .map(([value, name]) => ({ name, value }));
}

async function askField(field: FieldFacts, { check, context }: FieldContext): Promise<unknown> {
  const { catalogue, roster, streams } = context;
  const label = catalogue.add.fieldLabels[field.name] ?? field.name;
  const message = catalogue.add.field(label, field.name, field.required);
  if (field.type === 'choice') {
    const choices: { name: string; value: string | undefined }[] = offeredChoices(field, catalogue);
    return select(
      { message, choices: field.required ? choices : [{ name: catalogue.add.skip, value: undefined }, ...choices], theme: keyHelp(catalogue) },
      streams,
    );
  }
  if (field.type === 'list' && field.name === 'villages' && roster) {
    const picked = await checkbox(
      {
        message,
        choices: roster.names.map((name) => ({ name: printableText(name), value: name })),
        theme: {
          ...keyHelp(catalogue),
          style: {
            ...keyHelp(catalogue).style,
            renderSelectedChoices: (chosen: readonly { short: string }[]) => catalogue.explain.list(chosen.map((c) => c.short)),
          },
        },
        // The prompt's own "required" speaks English; this says it in the catalogue's words.
        validate: (chosen: readonly unknown[]) => !field.required || chosen.length > 0 || catalogue.add.pickOne,
      },
      streams,
    );
    return picked.length === 0 ? undefined : picked;
  }
  const typed = await input(
    {
      message: field.type === 'list' ? `${message}${catalogue.add.listHint}` : message,
      validate: (answer) => (answer.trim() === '' && !field.required) || check(field.name, typedValue(field, answer)),
    },
    streams,
  );
  return typed.trim() === '' ? undefined : typedValue(field, typed);
}
