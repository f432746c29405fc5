/** revitalize.yaml, the workspace's configuration. See docs/format.md. */
import { z } from 'zod';
import { LOCALES } from '../i18n/locale.js';
import { METRIC_KEYS, METRIC_UNIT_BY_KEY } from './metric-keys.js';
import { KINDS, text } from './log-schema.js';

export const CONFIG_FILE = 'revitalize.yaml';
export const DEFAULT_LOG_GLOBS = ['logs/**/*.yaml', 'logs/**/*.yml'];
/** Larger files are refused unread: a month of logs is a few kilobytes. */
export const DEFAULT_MAX_FILE_SIZE_MB = 20;
/** Open suggestions older than this many days are listed for 督办 unless the config says otherwise. */
export const DEFAULT_OVERDUE_DAYS = 30;

/**
 * A target's bound: a number, or a percentage written "80%". For a rate
 * (办结率) a plain number above 1 is read as a percentage too, since a
 * rate cannot exceed 1: `atLeast: 80` means 80%.
 */
const bound = z.union([
  z.number().min(0).max(1e12),
  z
    .string()
    .trim()
    .regex(/^\d+(?:\.\d+)?%$/),
]);

function rateOf(written: number | string): number {
  if (typeof written === 'string') return Number(written.slice(0, -1)) / 100;
  return written > 1 ? written / 100 : written;
}

/** Marks a zod issue with the problem it stands for (see problems-from-issues.ts). */
export const PROBLEM_PARAM = 'problem';

const target = z
  .object({
    metric: z.enum(METRIC_KEYS),
    /** month: each month's figure; year: the year-to-date figure against a yearly target. */
    period: z.enum(['month', 'year']).default('month'),
    atLeast: bound.optional(),
    atMost: bound.optional(),
    /** Each village on its own, not the township's total. */
    perVillage: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    if ((value.atLeast === undefined) === (value.atMost === undefined)) {
      context.addIssue({ code: 'custom', path: [], params: { [PROBLEM_PARAM]: 'E-TARGET-BOUND' } });
    }
    const field = value.atLeast !== undefined ? 'atLeast' : 'atMost';
    const written = value[field];
    if (METRIC_UNIT_BY_KEY[value.metric] === 'ratio' && written !== undefined && rateOf(written) > 1) {
      context.addIssue({ code: 'custom', path: [field], params: { [PROBLEM_PARAM]: 'E-OUT-OF-RANGE', bound: 'max', limit: '100%' } });
    }
  })
  .transform(({ metric, period, atLeast, atMost, perVillage }) => {
    const written = (atLeast ?? atMost)!;
    const value = METRIC_UNIT_BY_KEY[metric] === 'ratio' ? rateOf(written) : typeof written === 'string' ? Number(written.slice(0, -1)) / 100 : written;
    return { metric, period, bound: atLeast !== undefined ? ('atLeast' as const) : ('atMost' as const), value, perVillage };
  });

const starRule = z.object({
  /** The lowest score that earns these stars. */
  min: z.number().min(0).max(100),
  stars: z.int().min(1).max(5),
});

/** The usual rule: ≥ 90 five stars, ≥ 80 four, ≥ 70 three, ≥ 60 two, below that one. */
export const DEFAULT_STAR_RULE = [
  { min: 90, stars: 5 },
  { min: 80, stars: 4 },
  { min: 70, stars: 3 },
  { min: 60, stars: 2 },
  { min: 0, stars: 1 },
];

const cadence = z.object({
  /** The kind of entry each village must log every month, e.g. session (居民夜谈会). */
  kind: z.enum(KINDS as [string, ...string[]]),
  /** The day of the month it is due on; in a shorter month, its last day. */
  day: z.int().min(1).max(31),
});

/** The villages' names as listed, before the rule that none is listed twice. */
export const villageList = z.array(text);

/**
 * Each village is listed once. The figures would not count one listed twice
 * twice (they are kept by name), but a repeated name is most likely a slip
 * for a village left off, and a list a rollup or a district reads must say
 * what it means: the second listing is an error, at its place.
 */
const villages = villageList.meta({ uniqueItems: true }).superRefine((names, context) => {
  const first = new Map<string, number>();
  names.forEach((name, index) => {
    const seen = first.get(name);
    if (seen === undefined) first.set(name, index);
    else context.addIssue({ code: 'custom', path: [index], params: { [PROBLEM_PARAM]: 'E-DUPLICATE-VILLAGE', first: seen + 1 } });
  });
});

export const configSchema = z.object({
  region: text,
  title: text.optional(),
  /** 主送机关: the office the report goes to, e.g. 区委组织部. */
  recipient: text.optional(),
  /** 发文机关署名: the office that signs the report (中共××乡委员会), above its date. */
  issuer: text.optional(),
  locale: z.enum(LOCALES).default('zh-CN'),
  villages: villages.optional(),
  logs: z.union([text, z.array(text).min(1)]).optional(),
  maxFileSizeMB: z.number().positive().max(1024).default(DEFAULT_MAX_FILE_SIZE_MB),
  targets: z.array(target).max(200).default([]),
  cadence: z.array(cadence).max(50).default([]),
  overdueDays: z.int().min(1).max(3650).default(DEFAULT_OVERDUE_DAYS),
  stars: z.array(starRule).min(1).max(20).default(DEFAULT_STAR_RULE),
});

export type Config = z.output<typeof configSchema>;
export type TargetRule = Config['targets'][number];
export type CadenceRule = Config['cadence'][number];
export type StarRule = Config['stars'][number];
export const CONFIG_KEYS = Object.keys(configSchema.shape);
