/**
 * The columns of the fill-in workbook, and how a spreadsheet's headings are
 * read back. A sheet holds one kind of entry: its date, village, own fields
 * and note, headed in the workspace's language. The sheet of open
 * suggestions is the resolution kind's: a village fills in 办结日期 and
 * 办理情况 beside each suggestion, and the suggestion's other columns are
 * there to read, not read back. Headings are matched in either language, by
 * the field's key or its name, in any column order, with `*` (required),
 * spaces and a bracketed unit ignored: 投资额（元）, 投资额 and investment
 * are one column.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import { catalogueFor } from '../i18n/catalogues.js';
import { LOCALES } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { FieldFacts } from '../record/entry-fields.js';
import { fieldsToAsk } from '../record/entry-fields.js';
import { KIND_NAMES } from '../schema/kind-names.js';
import type { Kind } from '../schema/log-schema.js';
import { KINDS } from '../schema/log-schema.js';

export interface SheetColumn extends FieldFacts {
  /** A column shown for reading, never read back. */
  context?: boolean;
}

/** The kinds that have a sheet of their own, in the format's order; resolutions are filled in on the open-suggestions sheet. */
export const SHEET_KINDS: readonly Kind[] = KINDS.filter((kind) => kind !== 'resolution');

const DATE: SheetColumn = { name: 'date', type: 'date', required: true };
const VILLAGE: SheetColumn = { name: 'village', type: 'choice', required: true };

/** A kind's columns, in order: date, village, its own fields, the note. */
export function kindColumns(kind: Kind): SheetColumn[] {
  if (kind === 'resolution') {
    return [
      { name: 'ref', type: 'text', required: true },
      VILLAGE,
      { name: 'suggestedOn', type: 'date', required: false, context: true },
      { name: 'text', type: 'text', required: false, context: true },
      { name: 'topic', type: 'text', required: false, context: true },
      DATE,
      { name: 'note', type: 'text', required: false },
    ];
  }
  const own = fieldsToAsk(kind);
  return [DATE, { ...VILLAGE, required: kind !== 'joint-org' }, ...own];
}

/** A column's heading in a language: the field's name, marked `*` when it must be filled in. */
export function columnHeading(kind: Kind, column: SheetColumn, catalogue: Catalogue): string {
  const label = headingLabel(kind, column.name, catalogue);
  return column.required && !column.context && !(kind === 'suggestion' && column.name === 'id') ? `${label}*` : label;
}

function headingLabel(kind: Kind, field: string, catalogue: Catalogue): string {
  const words = catalogue.sheet.headings;
  if (kind === 'resolution') {
    if (field === 'ref') return words.suggestionId;
    if (field === 'date') return words.resolvedOn;
    if (field === 'note') return words.outcome;
    if (field === 'suggestedOn') return words.suggestedOn;
  }
  if (field === 'date') return words.date;
  if (field === 'village') return words.village;
  if (field === 'kind') return words.kind;
  return catalogue.add.fieldLabels[field] ?? field;
}

/** A sheet's name in a language: the kind's name, or the open suggestions'; at most 31 characters, as Excel allows. */
export function sheetName(kind: Kind, catalogue: Catalogue): string {
  return (kind === 'resolution' ? catalogue.sheet.openSheet : catalogue.kinds[kind]).slice(0, 31);
}

/** A heading as compared: full-width folded, no spaces or `*`, no bracketed unit, in lower case. */
export function headingKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*]/gu, '')
    .replace(/\(.*\)$/u, '')
    .toLowerCase();
}

/** The kind a sheet's name stands for (its key or name in either language), if any. */
export function kindOfSheetName(name: string): Kind | undefined {
  return kindByName().get(headingKey(name));
}

let kindNames: Map<string, Kind> | undefined;
function kindByName(): Map<string, Kind> {
  if (!kindNames) {
    kindNames = new Map();
    for (const kind of KINDS) {
      kindNames.set(headingKey(kind), kind);
      for (const locale of LOCALES) {
        kindNames.set(headingKey(KIND_NAMES[locale][kind]), kind);
        kindNames.set(headingKey(KIND_NAMES[locale][kind].slice(0, 31)), kind);
      }
    }
    for (const locale of LOCALES) kindNames.set(headingKey(catalogueFor(locale).sheet.openSheet), 'resolution');
  }
  return kindNames;
}

/** Whether a sheet is the instructions (说明), which is never read back. */
export function isInstructionsSheet(name: string): boolean {
  return LOCALES.some((locale) => headingKey(catalogueFor(locale).sheet.instructionsSheet) === headingKey(name));
}

/**
 * What a heading may mean on a sheet of `kind` (undefined: a sheet with a
 * kind column, whose rows may be of any kind): the fields it may name, the
 * first that the row's kind has being the one. `kind` names the kind
 * column, and a context field a column to read past.
 */
export function fieldsOfHeading(heading: string, kind: Kind | undefined): string[] {
  return headingIndex(kind).get(headingKey(heading)) ?? [];
}

const headingIndexes = new Map<Kind | undefined, Map<string, string[]>>();
function headingIndex(kind: Kind | undefined): Map<string, string[]> {
  let index = headingIndexes.get(kind);
  if (index) return index;
  index = new Map();
  const add = (text: string, field: string) => {
    const key = headingKey(text);
    const fields = index!.get(key) ?? [];
    if (!fields.includes(field)) fields.push(field);
    index!.set(key, fields);
  };
  const kinds = kind === undefined ? KINDS : [kind];
  // The sheet's own headings first, so that on the open-suggestions sheet 编号 is the suggestion resolved (ref).
  for (const locale of LOCALES) {
    const catalogue = catalogueFor(locale as Locale);
    for (const each of kinds) for (const column of kindColumns(each)) add(headingLabel(each, column.name, catalogue), column.name);
  }
  for (const each of kinds) for (const column of kindColumns(each)) add(column.name, column.name);
  if (kind === undefined) {
    for (const locale of LOCALES) add(catalogueFor(locale).sheet.headings.kind, 'kind');
    add('kind', 'kind');
    add('ref', 'ref');
    for (const locale of LOCALES) add(catalogueFor(locale).sheet.headings.suggestionId, 'ref');
  }
  for (const locale of LOCALES) add(catalogueFor(locale).sheet.headings.villageName, 'village');
  headingIndexes.set(kind, index);
  return index;
}
