/**
 * An entry given with flags, as a draft to check, with where each value
 * came from (see word-entry-problems.ts):
 *
 *   revitalize add --kind suggestion --village 永胜村 --date 2023-04-08 --set text=路灯不亮
 *
 * The kind may be its key or its name in either language (`--kind 意见建议`),
 * and so may a choice (`--set status=落地`).
 * A suggestion's id is assigned when it is checked (checkNewEntry), under
 * the workspace's lock. A field given twice is refused. An entry of several villages (a joint
 * organisation or a joint action) given with `--set villages=…` and no
 * `--village` goes to the month's joint file; a joint action, which must
 * have a village, is led by the first of them.
 */
import type { Catalogue } from '../../i18n/catalogue.js';
import { catalogueFor } from '../../i18n/catalogues.js';
import { LOCALES } from '../../i18n/locale.js';
import type { FieldFacts } from '../../record/entry-fields.js';
import { fieldsToAsk, typedValue } from '../../record/entry-fields.js';
import type { EntryDraft } from '../../record/new-entry.js';
import { CROSS_VILLAGE_KINDS } from '../../record/new-entry.js';
import type { Kind } from '../../schema/log-schema.js';
import { KINDS, isKind, isoDate } from '../../schema/log-schema.js';
import { nearestName } from '../../validate/nearest-name.js';
import { ExitError } from '../exit-error.js';
import type { EntrySource } from '../word-entry-problems.js';

export interface EntryFlags {
  kind: string;
  village?: string | undefined;
  date?: string | undefined;
  set?: readonly string[] | undefined;
}

export interface FlagContext {
  catalogue: Catalogue;
  today: string;
  /** The workspace argument and --locale as typed, for the command given back. */
  workspaceArg: string | undefined;
  locale: string | undefined;
}

export function draftFromFlags(flags: EntryFlags, { catalogue, today, workspaceArg, locale }: FlagContext): { draft: EntryDraft; source: EntrySource } {
  const kind = kindNamed(flags.kind.trim(), catalogue);
  const fields = fieldsToAsk(kind);
  const values: Record<string, unknown> = {};
  const given = new Map<string, string>();
  for (const pair of flags.set ?? []) {
    const equals = pair.indexOf('=');
    if (equals < 1) throw new ExitError(catalogue.add.badSet(pair));
    const name = pair.slice(0, equals).trim();
    const field = fields.find((f) => f.name === name);
    if (!field) {
      const allowed = fields.map((f) => f.name);
      throw new ExitError(catalogue.add.unknownField(name, catalogue.kinds[kind], allowed, nearestName(name, allowed)));
    }
    const typed = pair.slice(equals + 1);
    values[name] = field.type === 'choice' ? choiceNamed(name, typed.trim()) : typedValue(field, typed);
    given.set(name, `--set ${pair}`);
  }
  refuseRepeatedFields(flags.set ?? [], fields, catalogue);
  const typedDate = flags.date?.trim() ?? today;
  if (flags.date !== undefined) given.set('date', `--date ${flags.date}`);
  const date = isoDate.safeParse(typedDate);
  // A date the schema refuses is passed on as typed, to be reported like any other field.
  const day = date.success ? date.data : typedDate;

  let village = flags.village?.trim();
  if (village !== undefined) given.set('village', `--village ${flags.village}`);
  const villages = Array.isArray(values.villages) ? (values.villages as string[]) : [];
  const joint = village === undefined && CROSS_VILLAGE_KINDS.has(kind) && villages.length > 0;
  if (joint && kind === 'joint-action') {
    village = villages[0];
    given.set('village', given.get('villages')!);
  }
  const assigned = new Set<string>(kind === 'suggestion' && values.id === undefined ? ['id'] : []);

  const command = [
    'revitalize',
    ...(locale === undefined ? [] : ['--locale', locale]),
    'add',
    ...(workspaceArg === undefined || workspaceArg === '.' ? [] : [workspaceArg]),
    '--kind',
    kind,
    ...(flags.village === undefined ? [] : ['--village', flags.village]),
    ...(flags.date === undefined ? [] : ['--date', flags.date]),
    ...(flags.set ?? []).flatMap((pair) => ['--set', pair]),
  ];
  const flag = (field: string) => (field === 'village' ? '--village' : field === 'date' ? '--date' : `--set ${field}=`);
  return {
    draft: { kind, date: day, village, fields: values, ...(joint ? { joint } : {}) },
    source: { given, flag, command, assigned },
  };
}

/**
 * A field given by two --set is refused rather than the last one kept
 * silently: `--set attendees=30 --set attendees=35` is a slip either way,
 * and a list field takes its values in one --set, separated by commas.
 */
function refuseRepeatedFields(pairs: readonly string[], fields: readonly FieldFacts[], catalogue: Catalogue): void {
  const byField = new Map<string, string[]>();
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals < 1) continue;
    const name = pair.slice(0, equals).trim();
    byField.set(name, [...(byField.get(name) ?? []), pair]);
  }
  for (const [name, given] of byField) {
    if (given.length > 1) throw new ExitError(catalogue.add.repeatedSet(name, given, fields.find((f) => f.name === name)?.type === 'list'));
  }
}

/** A choice as a clerk may type it: its value, or its name in any language (--set status=落地 is landed). */
function choiceNamed(field: string, typed: string): string {
  for (const locale of LOCALES) {
    const named = Object.entries(catalogueFor(locale).add.choices[field] ?? {}).find(([, label]) => label === typed);
    if (named) return named[0];
  }
  return typed;
}

/** The kind a clerk named: its key, or its name in any language (意见建议, night-talk session). */
function kindNamed(typed: string, catalogue: Catalogue): Kind {
  if (isKind(typed)) return typed;
  const names = new Map<string, Kind>();
  for (const locale of LOCALES) for (const kind of KINDS) names.set(catalogueFor(locale).kinds[kind].toLowerCase(), kind);
  const named = names.get(typed.toLowerCase());
  if (named) return named;
  throw new ExitError(catalogue.add.unknownKind(typed, nearestName(typed, KINDS, names)));
}
