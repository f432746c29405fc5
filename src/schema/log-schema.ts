/**
 * The log format, defined once: the validator, the TypeScript types and
 * (later) the editor's JSON Schema all derive from these definitions.
 * docs/format.md describes the same contract for people.
 */
import { z } from 'zod';
import type { SourceLocation } from '../source-location.js';

export const PILLARS = ['organization', 'talent', 'night-talk', 'ecology'] as const;
export type Pillar = (typeof PILLARS)[number];

/** Each kind belongs to exactly one pillar. */
export const KIND_PILLAR = {
  'joint-org': 'organization',
  project: 'organization',
  sale: 'organization',
  talent: 'talent',
  returnee: 'talent',
  mentoring: 'talent',
  cooperative: 'talent',
  'livelihood-project': 'talent',
  training: 'talent',
  education: 'talent',
  session: 'night-talk',
  suggestion: 'night-talk',
  resolution: 'night-talk',
  team: 'ecology',
  'joint-action': 'ecology',
  evaluation: 'ecology',
} as const satisfies Record<string, Pillar>;

export type Kind = keyof typeof KIND_PILLAR;
export const KINDS = Object.keys(KIND_PILLAR) as Kind[];

/** The four forms of the residents' night talk (居民夜谈会). */
export const SESSION_FORMS = ['集中畅谈', '专题座谈', '入户访谈', '定点接谈'] as const;

/** Units a sale may be logged in, and how many 斤 each is. */
export const JIN_PER_UNIT = { 斤: 1, jin: 1, 公斤: 2, kg: 2, 吨: 2000, t: 2000 } as const;
export type SaleUnit = keyof typeof JIN_PER_UNIT;
export const SALE_UNITS = Object.keys(JIN_PER_UNIT) as [SaleUnit, ...SaleUnit[]];

export const PROJECT_STATUSES = ['planned', 'landed'] as const;

/**
 * The years a date may have, wherever one is read (logs, notes' names, the
 * command line, SOURCE_DATE_EPOCH): a year before 1900 in a log of rural
 * revitalisation is a slip (0223 for 2023), and JavaScript's Date would read
 * a year below 100 as 19xx; after 9999, a date is no longer YYYY-MM-DD.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;
/** A year from FIRST_YEAR to LAST_YEAR, as a pattern. */
export const YEAR_PATTERN = '(?:19\\d\\d|[2-9]\\d\\d\\d)';

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * Days as clerks write them: 2023-04-08 (or 2023-4-8), 2023/4/8, 2023.4.8
 * and 2023年4月8日, each a day that exists on the calendar (the pattern knows
 * month lengths and leap years, so an editor's schema knows them too), in a
 * year from 1900 to 9999. Read as YYYY-MM-DD.
 */
export const CLERK_DATE = clerkDatePattern();
const ISO_DAY = /^\d{4}-\d\d-\d\d$/;
export const isoDate = z
  .string()
  .regex(CLERK_DATE)
  .transform((text) => {
    // Already YYYY-MM-DD (a year from 1900 has four digits): nothing to pad. Most dates are written so.
    if (ISO_DAY.test(text)) return text;
    const [year, month, day] = text.split(/\D+/).map(Number);
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });

function clerkDatePattern(): RegExp {
  // Leap years from 1900 on: divisible by 4 but not by 100 (19xx to 99xx), or by 400 (2000, 2400, …, 9600).
  const leapYear = '(?:(?:19|[2-9]\\d)(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[3579][26])00)';
  const day31 = '(?:0?[1-9]|[12]\\d|3[01])';
  const day30 = '(?:0?[1-9]|[12]\\d|30)';
  const day28 = '(?:0?[1-9]|1\\d|2[0-8])';
  const written = (afterYear: string, afterMonth: string, end: string) =>
    `${YEAR_PATTERN}${afterYear}(?:(?:0?[13578]|1[02])${afterMonth}${day31}|(?:0?[469]|11)${afterMonth}${day30}|0?2${afterMonth}${day28})${end}` +
    `|${leapYear}${afterYear}0?2${afterMonth}29${end}`;
  const styles = ['-', '/', '\\.'].map((separator) => written(separator, separator, ''));
  return new RegExp(`^(?:${[...styles, written('年', '月', '日')].join('|')})$`);
}
/** Longest text a field takes: a log line, not a document. */
export const MAX_TEXT_LENGTH = 2000;

/** Text with something in it; surrounding spaces are dropped. */
export const text = z.string().regex(/\S/).max(MAX_TEXT_LENGTH).trim();

/**
 * A whole value in the quotation marks a Chinese keyboard types: “” ‘’
 * 「」 『』 〝〞 and full-width " '. In text they are punctuation; around a
 * number, a date, a time or a choice they are a slip for YAML's quotes.
 */
export const IN_CHINESE_QUOTES = /^[“”‘’「『〝＂＇][\s\S]*[”“’‘」』〞＂＇]$/;

/**
 * Text that stands for a value rather than words: a time of day, "19:00"
 * or 晚上7点. Chinese quotation marks around all of it are refused.
 */
const NOT_IN_CHINESE_QUOTES = new RegExp(`^(?!${IN_CHINESE_QUOTES.source.slice(1)})`);
const valueText = text.regex(NOT_IN_CHINESE_QUOTES);

// Upper bounds catch a slipped finger (35000 attendees for 35) and keep sums finite.
const count = z.int().min(0).max(100_000);
const names = z.array(text).min(1).max(1000);
/** Suggestion ids compare as text: `12` and `"12"` are the same id. */
const suggestionId = z.union([text, z.number()]).transform((value) => String(value));

function entry<K extends Kind, S extends z.ZodRawShape>(kind: K, fields: S) {
  return z.object({
    date: isoDate,
    pillar: z.literal(KIND_PILLAR[kind]),
    kind: z.literal(kind),
    village: text,
    note: text.optional(),
    ...fields,
    /** Where an imported entry came from: the spreadsheet and its row (`永胜村4月台账.xlsx:夜谈联访!7`); see sheet/. */
    source: text.optional(),
  });
}

export const ENTRY_SCHEMAS = {
  // A joint organisation spans villages: its own village is optional.
  'joint-org': entry('joint-org', { name: text, villages: names }).extend({ village: text.optional() }),
  project: entry('project', {
    name: text,
    investment: z.number().min(0).max(1e12).optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
  }),
  sale: entry('sale', { product: text, quantity: z.number().positive().max(1e9), unit: z.enum(SALE_UNITS) }),
  talent: entry('talent', { name: text, role: text }),
  returnee: entry('returnee', { name: text }),
  mentoring: entry('mentoring', { mentor: text, mentees: names, mode: text.optional() }),
  cooperative: entry('cooperative', { name: text }),
  'livelihood-project': entry('livelihood-project', { name: text }),
  training: entry('training', { topic: text, attendees: count }),
  education: entry('education', { name: text }),
  session: entry('session', {
    form: z.enum(SESSION_FORMS),
    attendees: count,
    location: text.optional(),
    time: valueText.optional(),
  }),
  suggestion: entry('suggestion', {
    id: suggestionId,
    text,
    topic: text.optional(),
    resolved: isoDate.optional(),
  }),
  resolution: entry('resolution', { ref: suggestionId }),
  team: entry('team', { name: text, members: z.int().min(1).max(10_000) }),
  'joint-action': entry('joint-action', {
    type: text,
    participants: count.optional(),
    villages: names.optional(),
  }),
  evaluation: entry('evaluation', {
    subject: text,
    score: z.number().min(0).max(100),
    stars: z.int().min(1).max(5).optional(),
  }),
} as const satisfies Record<Kind, z.ZodObject>;

/** Facts about each kind's fields, read off the schemas once. */
interface KindFields {
  /** In the order the format lists them. */
  all: string[];
  /** The same, to look up. */
  known: ReadonlySet<string>;
  /** Those an entry must carry (after file defaults are applied). */
  required: string[];
  /** Those taking whole numbers only: they accept 1 but not 1.5. */
  integer: Set<string>;
  /** Those taking a number (whole or not), and no text. */
  number: Set<string>;
  /** Those taking a date, and no other text. */
  date: Set<string>;
}

const kindFields = new Map<Kind, KindFields>();

export function fieldsOfKind(kind: Kind): KindFields {
  let fields = kindFields.get(kind);
  if (!fields) {
    const shape = ENTRY_SCHEMAS[kind].shape as Record<string, z.ZodType>;
    const all = Object.keys(shape);
    const takes = (field: string, value: unknown) => shape[field]!.safeParse(value).success;
    const notText = all.filter((field) => !takes(field, '文字'));
    fields = {
      all,
      known: new Set(all),
      required: all.filter((field) => !takes(field, undefined)),
      integer: new Set(all.filter((field) => takes(field, 1) && !takes(field, 1.5))),
      number: new Set(notText.filter((field) => takes(field, 1))),
      date: new Set(notText.filter((field) => takes(field, '2023-04-08'))),
    };
    kindFields.set(kind, fields);
  }
  return fields;
}

/** Fields every entry may carry, whatever its kind. */
export const COMMON_FIELDS = ['date', 'pillar', 'kind', 'village', 'note', 'source'] as const;

/** Keys of a log file's top-level mapping. */
export const FILE_KEYS = ['village', 'pillar', 'entries'] as const;

/** Where an entry was written: the same place a problem points at. */
export type EntryLocation = SourceLocation;

export type EntryOf<K extends Kind> = z.output<(typeof ENTRY_SCHEMAS)[K]> & {
  at: EntryLocation;
  /** Positions of fields that cross-entry checks point at (id, ref, resolved, date). */
  fieldAt?: Partial<Record<'id' | 'ref' | 'resolved' | 'date', EntryLocation>>;
};
export type Entry = { [K in Kind]: EntryOf<K> }[Kind];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.hasOwn(KIND_PILLAR, value);
}

export function isPillar(value: unknown): value is Pillar {
  return typeof value === 'string' && (PILLARS as readonly string[]).includes(value);
}
