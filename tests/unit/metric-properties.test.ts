/**
 * Properties of the metrics over random valid logs (fast-check): what must
 * hold whatever the clerks wrote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { computeVillageMetrics } from '../../src/metrics/compute-village-metrics.js';
import type { MetricKey } from '../../src/metrics/metric-definitions.js';
import { METRICS } from '../../src/metrics/metric-definitions.js';
import { WINDOW_KEYS, monthWindow } from '../../src/metrics/report-period.js';
import type { Entry } from '../../src/schema/log-schema.js';
import { SALE_UNITS, SESSION_FORMS } from '../../src/schema/log-schema.js';
import { checkSuggestions } from '../../src/validate/check-suggestions.js';
import { entry } from '../helpers/entries.js';

const VILLAGES = ['甲村', '乙村', '丙村'];
const day = fc
  .date({ min: new Date(Date.UTC(2022, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const village = fc.constantFrom(...VILLAGES);
const name = fc.constantFrom('王建国', '李秀英', '张伟', '刘芳');

/** One random valid entry of a kind that needs no other entry. */
const plainEntry: fc.Arbitrary<Entry> = fc.oneof(
  fc.record({ date: day, villages: fc.subarray(VILLAGES, { minLength: 1 }) }).map((e) => entry('joint-org', e.date, { name: '联建', villages: e.villages })),
  fc
    .record({ date: day, village, investment: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }) })
    .map((e) => entry('project', e.date, { village: e.village, name: '项目', ...(e.investment === undefined ? {} : { investment: e.investment }) })),
  fc
    .record({ date: day, village, quantity: fc.integer({ min: 1, max: 10_000 }), unit: fc.constantFrom(...SALE_UNITS) })
    .map((e) => entry('sale', e.date, { village: e.village, product: '猪肉', quantity: e.quantity, unit: e.unit })),
  fc.record({ date: day, village, who: name }).map((e) => entry('talent', e.date, { village: e.village, name: e.who, role: '产业带头人' })),
  fc.record({ date: day, village, who: name }).map((e) => entry('returnee', e.date, { village: e.village, name: e.who })),
  fc
    .record({ date: day, village, mentees: fc.array(name, { minLength: 1, maxLength: 4 }) })
    .map((e) => entry('mentoring', e.date, { village: e.village, mentor: '书记', mentees: e.mentees })),
  fc
    .record({ date: day, village, attendees: fc.integer({ min: 0, max: 80 }) })
    .map((e) => entry('training', e.date, { village: e.village, topic: '电商', attendees: e.attendees })),
  fc
    .record({ date: day, village, form: fc.constantFrom(...SESSION_FORMS), attendees: fc.integer({ min: 0, max: 80 }) })
    .map((e) => entry('session', e.date, { village: e.village, form: e.form, attendees: e.attendees })),
  fc
    .record({ date: day, village, members: fc.integer({ min: 1, max: 40 }) })
    .map((e) => entry('team', e.date, { village: e.village, name: '管护队', members: e.members })),
  fc.record({ date: day, village }).map((e) => entry('joint-action', e.date, { village: e.village, type: '护河行动' })),
  fc
    .record({ date: day, village, score: fc.integer({ min: 0, max: 100 }) })
    .map((e) => entry('evaluation', e.date, { village: e.village, subject: '片区', score: e.score })),
);

/** Suggestions, each perhaps resolved on a later day, inline or by a resolution entry in its village. */
const suggestions: fc.Arbitrary<Entry[]> = fc
  .array(fc.record({ date: day, village, later: fc.option(fc.integer({ min: 0, max: 200 })), inline: fc.boolean() }), { maxLength: 30 })
  .map((specs) =>
    specs.flatMap((spec, index) => {
      const id = `S-${index}`;
      if (spec.later === null) return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯' })];
      const resolved = new Date(Date.parse(spec.date) + spec.later * 86_400_000).toISOString().slice(0, 10);
      if (spec.inline) return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯', resolved })];
      return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯' }), entry('resolution', resolved, { village: spec.village, ref: id })];
    }),
  );

const workspace = fc.tuple(fc.array(plainEntry, { maxLength: 60 }), suggestions).map(([plain, said]) => [...plain, ...said]);
const month = fc
  .record({ year: fc.integer({ min: 2022, max: 2024 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month: m }) => `${year}-${String(m).padStart(2, '0')}`);

function metricsOf(reportMonth: string, entries: Entry[]) {
  const { ledger, problems } = checkSuggestions(entries);
  expect(problems).toEqual([]);
  return computeMetrics(reportMonth, entries, ledger);
}

/** Metrics that add up across villages (not distinct counts, rates or averages). */
const ADDITIVE = METRICS.filter((m) => !['organization.villages-covered', 'night-talk.resolution-rate', 'ecology.average-score'].includes(m.key)).map(
  (m) => m.key as MetricKey,
);

describe('metric properties', () => {
  it('the year to date holds at least the month; counts and sums are never negative', () => {
    fc.assert(
      fc.property(workspace, month, (entries, reportMonth) => {
        const metrics = metricsOf(reportMonth, entries);
        for (const key of ADDITIVE) {
          const { month: m, previousMonth, ytd } = metrics[key];
          expect(m).toBeGreaterThanOrEqual(0);
          expect(previousMonth).toBeGreaterThanOrEqual(0);
          // The backlog is a state, not a flow: it is the same at the end of the month and of the year to date.
          if (key === 'night-talk.open') expect(ytd).toBe(m);
          else expect(ytd!).toBeGreaterThanOrEqual(m!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('rates lie between 0 and 1, averages between 0 and 100, or are null', () => {
    fc.assert(
      fc.property(workspace, month, (entries, reportMonth) => {
        const metrics = metricsOf(reportMonth, entries);
        for (const value of Object.values(metrics['night-talk.resolution-rate'])) {
          if (value !== null) expect(value >= 0 && value <= 1).toBe(true);
        }
        for (const value of Object.values(metrics['ecology.average-score'])) {
          if (value !== null) expect(value >= 0 && value <= 100).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('summed over villages, every additive figure equals the total', () => {
    fc.assert(
      fc.property(workspace, month, (entries, reportMonth) => {
        const total = metricsOf(reportMonth, entries);
        // Joint organisations have no village of their own: they form a group of their own.
        const groups = new Map<string, Entry[]>();
        for (const e of entries) {
          const key = e.kind === 'joint-org' ? '' : e.village;
          groups.set(key, [...(groups.get(key) ?? []), e]);
        }
        const parts = [...groups.values()].map((group) => metricsOf(reportMonth, group));
        for (const key of ADDITIVE) {
          for (const window of ['month', 'previousMonth', 'ytd'] as const) {
            const sum = parts.reduce((acc, part) => acc + (part[key][window] ?? 0), 0);
            expect(sum).toBeCloseTo(total[key][window]!, 6);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the report’s village breakdown adds up to the total, in all five windows', () => {
    // A joint organisation counts for every village taking part, so it adds up to more: left out here.
    const summable = ADDITIVE.filter((key) => key !== 'organization.joint-orgs');
    fc.assert(
      fc.property(workspace, month, (entries, reportMonth) => {
        const { ledger } = checkSuggestions(entries);
        const total = computeMetrics(reportMonth, entries, ledger);
        const villages = computeVillageMetrics(reportMonth, VILLAGES, entries, ledger);
        for (const key of summable) {
          for (const window of WINDOW_KEYS) {
            const sum = [...villages.values()].reduce((acc, part) => acc + (part[key][window] ?? 0), 0);
            expect(sum, `${key} ${window}`).toBeCloseTo(total[key][window]!, 6);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('resolved by the end of the month plus open equals all suggestions made by then', () => {
    fc.assert(
      fc.property(workspace, month, (entries, reportMonth) => {
        const { ledger } = checkSuggestions(entries);
        const metrics = computeMetrics(reportMonth, entries, ledger);
        const end = monthWindow(reportMonth).end;
        const madeByEnd = ledger.filter((s) => s.date <= end).length;
        const resolvedByEnd = ledger.filter((s) => s.date <= end && s.resolvedOn !== null && s.resolvedOn <= end).length;
        expect(metrics['night-talk.open'].month).toBe(madeByEnd - resolvedByEnd);
      }),
      { numRuns: 150 },
    );
  });
});
