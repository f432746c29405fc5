/**
 * What happened in the report month, by name: the joint organisations set
 * up, the projects and their stage, the produce sold, the forms the night
 * talks took, what residents raised, the joint actions. The report's
 * sentences name these ("农特产品冷链仓储物流中心项目落地，投资800万元")
 * instead of only counting them.
 *
 * Every list is grouped and ordered by its own content (never by file or
 * entry order), so that the activities of township reports merged
 * (mergeActivities) are exactly those of all their logs together. Pure.
 */
import { compareText } from '../compare-text.js';
import type { Entry, EntryOf } from '../schema/log-schema.js';
import { JIN_PER_UNIT, type PROJECT_STATUSES, SESSION_FORMS } from '../schema/log-schema.js';
import type { EntriesByKind } from './metric-definitions.js';
import { roundSum } from './metric-definitions.js';
import type { YearMonth } from './report-period.js';
import { isWithin, monthWindow } from './report-period.js';

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface MonthActivities {
  /** Joint organisations set up, each with the villages it covers. */
  jointOrgs: { name: string; villages: string[] }[];
  /** Projects logged, with their stage (null when not said) and investment in yuan (null when not given). */
  projects: { name: string; status: ProjectStatus | null; investment: number | null }[];
  /** Produce sold, in 斤, by product, most first. */
  sales: { product: string; jin: number }[];
  /** Local talents selected, by role, most first. */
  talents: { role: string; count: number }[];
  cooperatives: string[];
  livelihoodProjects: string[];
  /** Training sessions by topic, with their attendance, most attended first. */
  trainings: { topic: string; sessions: number; attendees: number }[];
  /** Night talks by form, in the format's order of forms. */
  sessionForms: { form: string; count: number }[];
  /** The month's suggestions by topic (null: none given), most first. */
  suggestionTopics: { topic: string | null; count: number }[];
  /** Joint actions by type, most first, with every village that took part. */
  jointActions: { type: string; count: number; villages: string[] }[];
  /** Ecological management teams formed. */
  teams: { name: string; members: number }[];
}

export function monthActivities(month: YearMonth, byKind: EntriesByKind): MonthActivities {
  const window = monthWindow(month);
  const inMonth = <K extends keyof EntriesByKind>(kind: K): EntriesByKind[K] =>
    (byKind[kind] as Entry[]).filter((entry) => isWithin(entry.date, window)) as EntriesByKind[K];

  return normaliseActivities({
    jointOrgs: inMonth('joint-org').map((entry) => ({ name: entry.name, villages: entry.villages })),
    projects: inMonth('project').map((entry) => ({ name: entry.name, status: entry.status ?? null, investment: entry.investment ?? null })),
    sales: inMonth('sale').map((entry) => ({ product: entry.product, jin: entry.quantity * JIN_PER_UNIT[entry.unit] })),
    talents: inMonth('talent').map((entry) => ({ role: entry.role, count: 1 })),
    cooperatives: inMonth('cooperative').map((entry) => entry.name),
    livelihoodProjects: inMonth('livelihood-project').map((entry) => entry.name),
    trainings: inMonth('training').map((entry) => ({ topic: entry.topic, sessions: 1, attendees: entry.attendees })),
    sessionForms: inMonth('session').map((entry) => ({ form: entry.form, count: 1 })),
    suggestionTopics: inMonth('suggestion').map((entry) => ({ topic: entry.topic ?? null, count: 1 })),
    jointActions: inMonth('joint-action').map((entry: EntryOf<'joint-action'>) => ({
      type: entry.type,
      count: 1,
      villages: [...new Set([entry.village, ...(entry.villages ?? [])])],
    })),
    teams: inMonth('team').map((entry) => ({ name: entry.name, members: entry.members })),
  });
}

/** The activities of separate logs of one month (township reports) as if they were one. */
export function mergeActivities(parts: readonly MonthActivities[]): MonthActivities {
  const all = <K extends keyof MonthActivities>(key: K) => parts.flatMap((part) => part[key] as unknown[]) as MonthActivities[K];
  return normaliseActivities({
    jointOrgs: all('jointOrgs'),
    projects: all('projects'),
    sales: all('sales'),
    talents: all('talents'),
    cooperatives: all('cooperatives'),
    livelihoodProjects: all('livelihoodProjects'),
    trainings: all('trainings'),
    sessionForms: all('sessionForms'),
    suggestionTopics: all('suggestionTopics'),
    jointActions: all('jointActions'),
    teams: all('teams'),
  });
}

/** Groups what is counted by its name, sums, and sorts every list by content alone. */
function normaliseActivities(raw: MonthActivities): MonthActivities {
  const formOrder = (form: string) => {
    const index = (SESSION_FORMS as readonly string[]).indexOf(form);
    return index === -1 ? SESSION_FORMS.length : index;
  };
  return {
    jointOrgs: raw.jointOrgs
      .map((org) => ({ name: org.name, villages: [...org.villages] }))
      .sort((a, b) => compareText(a.name, b.name) || compareText(a.villages.join(), b.villages.join())),
    projects: [...raw.projects].sort(
      (a, b) => compareText(a.name, b.name) || compareText(a.status ?? '', b.status ?? '') || (a.investment ?? -1) - (b.investment ?? -1),
    ),
    sales: grouped(
      raw.sales,
      (sale) => sale.product,
      (a, b) => ({ product: a.product, jin: roundSum(a.jin + b.jin) }),
    ).sort((a, b) => b.jin - a.jin || compareText(a.product, b.product)),
    talents: grouped(
      raw.talents,
      (talent) => talent.role,
      (a, b) => ({ role: a.role, count: a.count + b.count }),
    ).sort((a, b) => b.count - a.count || compareText(a.role, b.role)),
    cooperatives: [...raw.cooperatives].sort(compareText),
    livelihoodProjects: [...raw.livelihoodProjects].sort(compareText),
    trainings: grouped(
      raw.trainings,
      (training) => training.topic,
      (a, b) => ({
        topic: a.topic,
        sessions: a.sessions + b.sessions,
        attendees: a.attendees + b.attendees,
      }),
    ).sort((a, b) => b.attendees - a.attendees || b.sessions - a.sessions || compareText(a.topic, b.topic)),
    sessionForms: grouped(
      raw.sessionForms,
      (session) => session.form,
      (a, b) => ({ form: a.form, count: a.count + b.count }),
    ).sort((a, b) => formOrder(a.form) - formOrder(b.form) || compareText(a.form, b.form)),
    suggestionTopics: grouped(
      raw.suggestionTopics,
      (item) => item.topic ?? '',
      (a, b) => ({ topic: a.topic, count: a.count + b.count }),
    ).sort(
      // Suggestions without a topic come last, whatever their number.
      (a, b) => Number(a.topic === null) - Number(b.topic === null) || b.count - a.count || compareText(a.topic ?? '', b.topic ?? ''),
    ),
    jointActions: grouped(
      raw.jointActions,
      (action) => action.type,
      (a, b) => ({
        type: a.type,
        count: a.count + b.count,
        villages: [...new Set([...a.villages, ...b.villages])],
      }),
    )
      .map((action) => ({ ...action, villages: [...action.villages].sort(compareText) }))
      .sort((a, b) => b.count - a.count || compareText(a.type, b.type)),
    teams: [...raw.teams].sort((a, b) => compareText(a.name, b.name) || a.members - b.members),
  };
}

function grouped<T>(items: readonly T[], key: (item: T) => string, merge: (a: T, b: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const name = key(item);
    const earlier = byKey.get(name);
    byKey.set(name, earlier === undefined ? item : merge(earlier, item));
  }
  return [...byKey.values()];
}
