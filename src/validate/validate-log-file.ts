/**
 * One log file's value → its valid entries, and a problem for everything
 * else, each located where it was written. Pure: the file was read and
 * parsed before, and cross-file rules (suggestion ids) are checked after.
 */
import type { YamlDocument, YamlPath } from '../load/parse-yaml.js';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import type { Entry, Kind, Pillar } from '../schema/log-schema.js';
import { ENTRY_SCHEMAS, FILE_KEYS, KINDS, KIND_PILLAR, PILLARS, fieldsOfKind, isKind, isPillar, isoDate, text } from '../schema/log-schema.js';
import { KIND_NAMES, PILLAR_NAMES } from '../schema/kind-names.js';
import type { RefusedSuggestion } from './check-suggestions.js';
import { isMapping, shownValue, valueType } from './describe-value.js';
import { insideChineseQuotes, readFullwidthValues } from './ime-values.js';
import { nearestName } from './nearest-name.js';
import { problemsFromIssues } from './problems-from-issues.js';
import { quickEntryParse } from './quick-entry-parse.js';

/** The villages the config allows, when it lists them. */
export interface VillageRoster {
  names: readonly string[];
  has(name: string): boolean;
}

/**
 * What a log file is checked against beyond its own text. Today is not
 * among it: dates after today are found by futureDates() over the entries,
 * so that a file's result does not change from one day to the next and can
 * be cached (see workspace-cache.ts).
 */
export interface LogFileContext {
  /** The villages the config allows, when it lists them. */
  roster?: VillageRoster | undefined;
}

export function villageRoster(names: readonly string[]): VillageRoster {
  const set = new Set(names);
  return { names, has: (name) => set.has(name) };
}

export interface LogFileResult {
  entries: Entry[];
  problems: Problem[];
  /** Suggestions refused for a reason other than their id: their ids still count across files. */
  refusedSuggestions: RefusedSuggestion[];
}

// Clerks may write a kind or pillar by its Chinese name; suggest the id.
const KIND_ALIASES = new Map(Object.entries(KIND_NAMES['zh-CN']).map(([kind, label]) => [label, kind]));
const PILLAR_ALIASES = new Map(Object.entries(PILLAR_NAMES['zh-CN']).map(([pillar, label]) => [label, pillar]));

/** File-level defaults and whether each was usable. */
interface FileDefaults {
  village: string | undefined;
  villageBroken: boolean;
  pillar: Pillar | undefined;
  pillarBroken: boolean;
}

const NO_FIELDS: ReadonlySet<string> = new Set();
const DATE_FIELD: ReadonlySet<string> = new Set(['date']);

/** A folder path like logs/2023/04/ says which month its entries belong to. */
const FOLDER_MONTH = /(?:^|\/)(\d{4})\/(0[1-9]|1[0-2])\//;

export function validateLogFile(document: YamlDocument, { roster }: LogFileContext = {}): LogFileResult {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const refusedSuggestions: RefusedSuggestion[] = [];
  const root = document.value;
  const at = (path: YamlPath, which?: 'value' | 'key') => document.locate(path, which);

  if (root === null || root === undefined) {
    return { entries, problems: [problem('W-EMPTY-FILE', { file: document.file, line: 0, col: 0 })], refusedSuggestions };
  }
  if (!isMapping(root)) {
    return { entries, problems: [problem('E-NOT-A-MAPPING', at([]), { actual: valueType(root), scope: 'log' })], refusedSuggestions };
  }

  for (const key of Object.keys(root)) {
    if (!(FILE_KEYS as readonly string[]).includes(key)) {
      problems.push(problem('W-UNKNOWN-FIELD', at([key], 'key'), { field: key, suggestion: nearestName(key, FILE_KEYS), allowed: FILE_KEYS }));
    }
  }
  const defaults = readDefaults(root, at, roster, problems);

  const list = root.entries;
  // `entries:` left empty (a file started for later) is fine; no `entries` key at all is likely a typo.
  if (list === undefined) {
    problems.push(problem('W-NO-ENTRIES', { file: document.file, line: 0, col: 0 }));
    return { entries, problems, refusedSuggestions };
  }
  if (list === null) return { entries, problems, refusedSuggestions };
  if (!Array.isArray(list)) {
    problems.push(problem('E-ENTRIES-NOT-A-LIST', at(['entries']), { actual: valueType(list) }));
    return { entries, problems, refusedSuggestions };
  }
  const folder = FOLDER_MONTH.exec(document.file);
  const context: EntryContext = { defaults, roster, folderMonth: folder ? `${folder[1]}-${folder[2]}` : undefined, refusedSuggestions };
  list.forEach((raw, index) => {
    const entry = validateEntry(document, raw, index, context, problems);
    if (entry) entries.push(entry);
  });
  return { entries, problems, refusedSuggestions };
}

interface EntryContext extends LogFileContext {
  defaults: FileDefaults;
  /** The month of the file's folder (logs/2023/04/ → 2023-04), if it says. */
  folderMonth: string | undefined;
  /** Where refused suggestions with a usable id are kept. */
  refusedSuggestions: RefusedSuggestion[];
}

function readDefaults(
  root: Record<string, unknown>,
  at: (path: YamlPath) => SourceLocation,
  roster: VillageRoster | undefined,
  problems: Problem[],
): FileDefaults {
  const defaults: FileDefaults = { village: undefined, villageBroken: false, pillar: undefined, pillarBroken: false };
  if (Object.hasOwn(root, 'village')) {
    const village = textProblem(root.village, 'village', at(['village']));
    if (village.problem) {
      problems.push(village.problem);
      defaults.villageBroken = true;
    } else {
      defaults.village = village.value;
      if (roster && !roster.has(village.value!)) {
        problems.push(unknownVillage(village.value!, at(['village']), roster));
        defaults.villageBroken = true;
      }
    }
  }
  if (Object.hasOwn(root, 'pillar')) {
    const pillar = root.pillar;
    if (isPillar(pillar)) defaults.pillar = pillar;
    else {
      problems.push(pillarProblem(pillar, at(['pillar'])));
      defaults.pillarBroken = true;
    }
  }
  return defaults;
}

function validateEntry(
  document: YamlDocument,
  raw: unknown,
  index: number,
  { defaults, roster, folderMonth, refusedSuggestions }: EntryContext,
  problems: Problem[],
): Entry | undefined {
  const path: YamlPath = ['entries', index];
  const at = (sub: YamlPath = [], which?: 'value' | 'key') => document.locate([...path, ...sub], which);
  if (!isMapping(raw)) {
    problems.push(problem('E-ENTRY-NOT-A-MAPPING', at(), { index: index + 1, actual: valueType(raw) }));
    return undefined;
  }
  const before = problems.length;

  const kind = readKind(raw, at, problems);
  const ownPillar = Object.hasOwn(raw, 'pillar');
  const pillar = ownPillar ? raw.pillar : defaults.pillar;
  if (ownPillar && !isPillar(pillar)) problems.push(pillarProblem(pillar, at(['pillar'])));
  else if (pillar === undefined && !defaults.pillarBroken) {
    problems.push(problem('E-MISSING-FIELD', at(), { field: 'pillar', expectedPillar: kind && KIND_PILLAR[kind] }));
  } else if (kind && isPillar(pillar) && pillar !== KIND_PILLAR[kind]) {
    problems.push(
      problem('E-KIND-PILLAR-MISMATCH', ownPillar ? at(['pillar']) : at(), {
        kind,
        pillar,
        expectedPillar: KIND_PILLAR[kind],
        fromDefault: ownPillar ? undefined : 'yes',
      }),
    );
  }

  const ownVillage = Object.hasOwn(raw, 'village');
  const village = ownVillage ? raw.village : defaults.village;
  // A broken file default was reported once at the top; do not repeat it per entry.
  const skipVillage = !ownVillage && defaults.villageBroken;

  if (!kind) {
    // Without a kind its fields are unknown, but the date can still be checked.
    const read = readFullwidthValues({ date: raw.date }, NO_FIELDS, DATE_FIELD);
    const date = isoDate.safeParse(read.values.date ?? raw.date);
    if (!date.success) {
      const issues = date.error.issues.map((issue) => ({ ...issue, path: ['date'] }));
      for (const found of problemsFromIssues(issues, { locate: (at) => document.locate(at), base: path, input: { ...raw, ...read.values } }))
        problems.push(found);
    } else {
      for (const warning of read.warnings) problems.push(problem(warning.code, at([warning.field]), warning.params));
    }
    return undefined;
  }

  const schema = ENTRY_SCHEMAS[kind];
  const fields = fieldsOfKind(kind);
  // Full-width digits and grouped thousands are read as meant (ime-values.ts), and said so unless the field is wrong anyway.
  const read = readFullwidthValues(raw, fields.number, fields.date);
  const candidate = { ...raw, ...read.values, pillar: KIND_PILLAR[kind], village: skipVillage ? undefined : village };
  // Most entries are plainly right: a quick check vouches for those, and zod reads the rest (and words their problems).
  const quick = quickEntryParse(kind, candidate);
  const parsed = quick ? ({ success: true, data: quick } as const) : schema.safeParse(candidate);
  const refusedFields = new Set<unknown>();
  if (!parsed.success) {
    const issues = parsed.error.issues.filter((issue) => !(skipVillage && issue.path[0] === 'village'));
    for (const issue of issues) refusedFields.add(issue.path[0]);
    problems.push(
      ...problemsFromIssues(issues, {
        locate: (at) => document.locate(at),
        base: path,
        input: candidate,
        params: { kind, required: fields.required },
        integerFields: fields.integer,
      }),
    );
  }
  for (const warning of read.warnings) {
    if (!refusedFields.has(warning.field)) problems.push(problem(warning.code, at([warning.field]), warning.params));
  }

  for (const key of Object.keys(raw)) {
    if (!fields.known.has(key)) {
      // `source` is written by import, never by a clerk: not offered.
      const offered = fields.all.filter((field) => field !== 'source');
      problems.push(problem('W-UNKNOWN-FIELD', at([key], 'key'), { field: key, kind, suggestion: nearestName(key, offered), allowed: offered }));
    }
  }

  if (roster && parsed.success) {
    const data = parsed.data as Record<string, unknown>;
    if (ownVillage && typeof data.village === 'string' && !roster.has(data.village)) {
      problems.push(unknownVillage(data.village, at(['village']), roster));
    }
    const listed = Array.isArray(data.villages) ? (data.villages as string[]) : [];
    listed.forEach((name, i) => {
      if (!roster.has(name)) problems.push(unknownVillage(name, at(['villages', i]), roster));
    });
  }

  if (!parsed.success || (problems.length > before && problems.slice(before).some((p) => p.severity === 'error'))) {
    if (kind === 'suggestion') {
      const refused = refusedSuggestion(candidate, at);
      if (refused) refusedSuggestions.push(refused);
    }
    return undefined;
  }
  // The quick check's data is a fresh object of its own; zod's is copied, as before.
  const entry = (quick ? Object.assign(quick, { at: at() }) : { ...parsed.data, at: at() }) as Entry;

  const dateAt = at(['date']);
  // A valid date that is probably wrong: outside the folder's month. (After today: futureDates().)
  if (folderMonth && !entry.date.startsWith(folderMonth)) {
    problems.push(problem('W-DATE-OUTSIDE-FOLDER', dateAt, { value: entry.date, folder: folderMonth.replace('-', '/') }));
  }
  if (entry.kind === 'suggestion') {
    entry.fieldAt = { date: dateAt, id: at(['id']), ...(entry.resolved === undefined ? {} : { resolved: at(['resolved']) }) };
  } else if (entry.kind === 'resolution') {
    entry.fieldAt = { date: dateAt, ref: at(['ref']) };
  } else {
    entry.fieldAt = { date: dateAt };
  }
  return entry;
}

/**
 * A suggestion the checks refused (an impossible date, an empty text, ...)
 * is still a suggestion with that id: resolutions naming it are not
 * dangling, and no other suggestion may take its id. Whatever of it is
 * readable is kept for the cross-file checks; an unreadable id keeps nothing.
 */
function refusedSuggestion(candidate: Record<string, unknown>, at: (sub?: YamlPath) => SourceLocation): RefusedSuggestion | undefined {
  const shape = ENTRY_SCHEMAS.suggestion.shape;
  const id = shape.id.safeParse(candidate.id);
  if (!id.success) return undefined;
  const date = shape.date.safeParse(candidate.date);
  const village = shape.village.safeParse(candidate.village);
  const resolved = shape.resolved.safeParse(candidate.resolved);
  return {
    id: id.data,
    date: date.success ? date.data : undefined,
    village: village.success ? village.data : undefined,
    resolved: resolved.success ? resolved.data : undefined,
    at: at(),
    fieldAt: { id: at(['id']), date: at(['date']), ...(candidate.resolved === undefined ? {} : { resolved: at(['resolved']) }) },
  };
}

/** Dates after today (a mistyped year or month, most likely), where they were written. */
export function futureDates(entries: readonly Entry[], today: string): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.date > today) problems.push(problem('W-DATE-IN-FUTURE', entry.fieldAt?.date ?? entry.at, { value: entry.date, today }));
    if (entry.kind === 'suggestion' && entry.resolved !== undefined && entry.resolved > today) {
      problems.push(problem('W-DATE-IN-FUTURE', entry.fieldAt?.resolved ?? entry.at, { value: entry.resolved, today }));
    }
  }
  return problems;
}

function readKind(raw: Record<string, unknown>, at: (sub?: YamlPath) => SourceLocation, problems: Problem[]): Kind | undefined {
  const kind = raw.kind;
  if (kind === undefined || kind === null) {
    problems.push(problem('E-MISSING-FIELD', at(), { field: 'kind' }));
    return undefined;
  }
  if (isKind(kind)) return kind;
  const quoted = chineseQuotesProblem(kind, 'kind', at(['kind']));
  if (quoted) {
    problems.push(quoted);
    return undefined;
  }
  const typed = typeof kind === 'string' ? kind : String(shownValue(kind) ?? '');
  problems.push(problem('E-UNKNOWN-KIND', at(['kind']), { value: shownValue(kind), suggestion: nearestName(typed, KINDS, KIND_ALIASES), allowed: KINDS }));
  return undefined;
}

function pillarProblem(value: unknown, at: SourceLocation): Problem {
  const quoted = chineseQuotesProblem(value, 'pillar', at);
  if (quoted) return quoted;
  if (typeof value !== 'string') {
    return problem('E-WRONG-TYPE', at, { field: 'pillar', expected: 'text', actual: valueType(value), value: shownValue(value) });
  }
  return problem('E-UNKNOWN-PILLAR', at, { value, suggestion: nearestName(value, PILLARS, PILLAR_ALIASES) });
}

function unknownVillage(name: string, at: SourceLocation, roster: VillageRoster): Problem {
  return problem('E-UNKNOWN-VILLAGE', at, { value: name, suggestion: nearestName(name, roster.names) });
}

/** A required non-empty text value, or the problem with it. */
function textProblem(value: unknown, field: string, at: SourceLocation): { value?: string; problem?: Problem } {
  if (typeof value !== 'string') {
    return { problem: problem('E-WRONG-TYPE', at, { field, expected: 'text', actual: valueType(value), value: shownValue(value) }) };
  }
  const checked = text.safeParse(value);
  return checked.success ? { value: checked.data } : { problem: problem('E-EMPTY-VALUE', at, { field }) };
}

/** A kind or pillar in Chinese quotes (“session”): the quotes are the slip, not the word. */
function chineseQuotesProblem(value: unknown, field: string, at: SourceLocation): Problem | undefined {
  const inside = insideChineseQuotes(value);
  return inside === undefined ? undefined : problem('E-FULLWIDTH-QUOTES', at, { field, value: shownValue(value), example: `${field}: ${inside}` });
}
