/**
 * The figures of the report, one row each: its key (the contract of the JSON
 * report), its pillar, its unit and how it is measured over a date window.
 * Labels live in the locale catalogues, keyed by the same keys.
 */
import type { Entry, EntryOf, Kind, Pillar } from '../schema/log-schema.js';
import { JIN_PER_UNIT, KINDS } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import type { DateWindow } from './report-period.js';
import { isWithin } from './report-period.js';

/** count: things or people; yuan: money; jin: weight in 斤; ratio: a fraction 0–1; score: 0–100. */
export type MetricUnit = 'count' | 'yuan' | 'jin' | 'ratio' | 'score';

export type EntriesByKind = { [K in Kind]: EntryOf<K>[] };

export interface MetricInput {
  byKind: EntriesByKind;
  suggestions: readonly SuggestionRecord[];
}

export interface MetricDefinition {
  key: string;
  pillar: Pillar;
  unit: MetricUnit;
  measure: (window: DateWindow, input: MetricInput) => number | null;
}

const within = <K extends Kind>(kind: K, window: DateWindow, input: MetricInput): EntryOf<K>[] =>
  input.byKind[kind].filter((entry) => isWithin(entry.date, window));

const countOf = (kind: Kind) => (window: DateWindow, input: MetricInput) => within(kind, window, input).length;

const sumOf =
  <K extends Kind>(kind: K, amount: (entry: EntryOf<K>) => number) =>
  (window: DateWindow, input: MetricInput) =>
    roundSum(within(kind, window, input).reduce((total, entry) => total + amount(entry), 0));

/** Sums of decimals drift (0.1 + 0.2); figures are kept to six decimals. */
function roundSum(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const resolvedBy = (suggestion: SuggestionRecord, day: string) =>
  suggestion.resolvedOn !== null && suggestion.resolvedOn <= day;

export const METRICS = [
  { key: 'organization.joint-orgs', pillar: 'organization', unit: 'count', measure: countOf('joint-org') },
  {
    key: 'organization.villages-covered',
    pillar: 'organization',
    unit: 'count',
    measure: (window, input) => new Set(within('joint-org', window, input).flatMap((entry) => entry.villages)).size,
  },
  { key: 'organization.projects', pillar: 'organization', unit: 'count', measure: countOf('project') },
  {
    key: 'organization.investment',
    pillar: 'organization',
    unit: 'yuan',
    measure: sumOf('project', (entry) => entry.investment ?? 0),
  },
  {
    key: 'organization.sales-jin',
    pillar: 'organization',
    unit: 'jin',
    measure: sumOf('sale', (entry) => entry.quantity * JIN_PER_UNIT[entry.unit]),
  },
  { key: 'talent.cultivated', pillar: 'talent', unit: 'count', measure: countOf('talent') },
  { key: 'talent.returnees', pillar: 'talent', unit: 'count', measure: countOf('returnee') },
  { key: 'talent.mentees', pillar: 'talent', unit: 'count', measure: sumOf('mentoring', (entry) => entry.mentees.length) },
  { key: 'talent.cooperatives', pillar: 'talent', unit: 'count', measure: countOf('cooperative') },
  { key: 'talent.livelihood-projects', pillar: 'talent', unit: 'count', measure: countOf('livelihood-project') },
  { key: 'talent.trainings', pillar: 'talent', unit: 'count', measure: countOf('training') },
  { key: 'talent.training-attendance', pillar: 'talent', unit: 'count', measure: sumOf('training', (entry) => entry.attendees) },
  { key: 'talent.education-upgrades', pillar: 'talent', unit: 'count', measure: countOf('education') },
  { key: 'night-talk.sessions', pillar: 'night-talk', unit: 'count', measure: countOf('session') },
  { key: 'night-talk.attendance', pillar: 'night-talk', unit: 'count', measure: sumOf('session', (entry) => entry.attendees) },
  { key: 'night-talk.suggestions', pillar: 'night-talk', unit: 'count', measure: countOf('suggestion') },
  {
    // Resolutions in the window, whenever the suggestion was collected.
    key: 'night-talk.resolved',
    pillar: 'night-talk',
    unit: 'count',
    measure: (window, input) =>
      input.suggestions.filter((s) => s.resolvedOn !== null && isWithin(s.resolvedOn, window)).length,
  },
  {
    // Of the suggestions collected in the window, the share resolved by its end (办结率).
    key: 'night-talk.resolution-rate',
    pillar: 'night-talk',
    unit: 'ratio',
    measure: (window, input) => {
      const collected = input.suggestions.filter((s) => isWithin(s.date, window));
      if (collected.length === 0) return null;
      return collected.filter((s) => resolvedBy(s, window.end)).length / collected.length;
    },
  },
  {
    // The backlog on the window's last day.
    key: 'night-talk.open',
    pillar: 'night-talk',
    unit: 'count',
    measure: (window, input) => input.suggestions.filter((s) => s.date <= window.end && !resolvedBy(s, window.end)).length,
  },
  { key: 'ecology.teams', pillar: 'ecology', unit: 'count', measure: countOf('team') },
  { key: 'ecology.team-members', pillar: 'ecology', unit: 'count', measure: sumOf('team', (entry) => entry.members) },
  { key: 'ecology.joint-actions', pillar: 'ecology', unit: 'count', measure: countOf('joint-action') },
  { key: 'ecology.evaluations', pillar: 'ecology', unit: 'count', measure: countOf('evaluation') },
  {
    key: 'ecology.average-score',
    pillar: 'ecology',
    unit: 'score',
    measure: (window, input) => {
      const scores = within('evaluation', window, input).map((entry) => entry.score);
      return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
    },
  },
] as const satisfies readonly MetricDefinition[];

export type MetricKey = (typeof METRICS)[number]['key'];
export const METRIC_KEYS: readonly MetricKey[] = METRICS.map((metric) => metric.key);

/** Entries sorted into one list per kind, the shape the measures read. */
export function groupByKind(entries: readonly Entry[]): EntriesByKind {
  const byKind = Object.fromEntries(KINDS.map((kind) => [kind, []])) as unknown as EntriesByKind;
  for (const entry of entries) (byKind[entry.kind] as Entry[]).push(entry);
  return byKind;
}
