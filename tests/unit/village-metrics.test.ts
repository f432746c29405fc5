import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportVillages, silentVillages } from '../../src/metrics/compute-metrics.js';
import { computeVillageMetrics } from '../../src/metrics/compute-village-metrics.js';
import { checkSuggestions } from '../../src/validate/check-suggestions.js';
import type { Entry } from '../../src/schema/log-schema.js';
import { SALE_UNITS, SESSION_FORMS } from '../../src/schema/log-schema.js';
import { entry } from '../helpers/entries.js';
import { villageMetricsOneByOne } from '../helpers/village-metrics-oracle.js';

const entries = [
  entry('session', '2023-04-08', { village: '甲村', form: '集中畅谈', attendees: 30 }),
  entry('session', '2023-03-08', { village: '乙村', form: '集中畅谈', attendees: 20 }),
  entry('suggestion', '2023-04-08', { village: '甲村', id: 'A1', text: '路灯', resolved: '2023-04-20' }),
  entry('suggestion', '2023-04-08', { village: '甲村', id: 'A2', text: '河道' }),
  entry('joint-org', '2023-04-10', { name: '联合党支部', villages: ['甲村', '乙村'] }),
];

describe('computeVillageMetrics', () => {
  const { ledger } = checkSuggestions(entries);
  const villages = computeVillageMetrics('2023-04', ['甲村', '乙村', '丙村'], entries, ledger);

  it('counts each entry for its village, and suggestions and rates per village', () => {
    expect(villages.get('甲村')!['night-talk.sessions']).toMatchObject({ month: 1, ytd: 1 });
    expect(villages.get('乙村')!['night-talk.sessions']).toMatchObject({ month: 0, previousMonth: 1, ytd: 1 });
    expect(villages.get('甲村')!['night-talk.resolution-rate'].month).toBe(0.5);
    expect(villages.get('乙村')!['night-talk.resolution-rate'].month).toBeNull();
  });

  it('counts a joint organisation for every village taking part, and covers only that village', () => {
    for (const village of ['甲村', '乙村']) {
      expect(villages.get(village)!['organization.joint-orgs'].month).toBe(1);
      expect(villages.get(village)!['organization.villages-covered'].month).toBe(1);
    }
    expect(villages.get('丙村')!['organization.joint-orgs'].month).toBe(0);
  });
});

describe('reportVillages and silentVillages', () => {
  it('keeps the config’s order, or sorts the villages the logs name', () => {
    expect(reportVillages(['乙村', '甲村', '乙村'], entries)).toEqual(['乙村', '甲村']);
    expect(reportVillages(undefined, entries)).toEqual(['甲村', '乙村'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('names the villages that logged nothing in the month', () => {
    expect(silentVillages('2023-04', ['甲村', '乙村', '丙村'], entries)).toEqual(['乙村', '丙村']);
  });
});

/** Ten villages and one the report does not list (a neighbour's, named by a joint organisation). */
const POOL = ['甲村', '乙村', '丙村', '丁村', '戊村', '己村', '庚村', '辛村', '壬村', '癸村'];
const ANY = [...POOL, '邻乡村'];
const dayBetween = (from: number, to: number) =>
  fc.date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
/** Most in 2023, so that a village's window often holds several items to add up. */
const day = fc.oneof({ arbitrary: dayBetween(2023, 2023), weight: 3 }, { arbitrary: dayBetween(2022, 2024), weight: 1 });
const village = fc.constantFrom(...ANY);
/** A joint organisation or action of a few villages, of most, or of all of them. */
const taking = fc.oneof(fc.subarray(ANY, { minLength: 1, maxLength: 3 }), fc.subarray(ANY, { minLength: 6 }), fc.constant(ANY));
/** Decimals, so that village sums meet roundSum as totals do. */
const tenths = (max: number) => fc.integer({ min: 1, max: max * 10 }).map((n) => n / 10);

const villageEntry: fc.Arbitrary<Entry> = fc.oneof(
  // With no village of its own, or one that may or may not be among those it covers.
  fc
    .record({ date: day, own: fc.option(village, { nil: undefined }), taking })
    .map((e) => entry('joint-org', e.date, { village: e.own, name: '片区联合党委', villages: e.taking })),
  fc
    .record({ date: day, village, taking: fc.option(taking, { nil: undefined }) })
    .map((e) => entry('joint-action', e.date, { village: e.village, type: '护河行动', ...(e.taking ? { villages: e.taking } : {}) })),
  fc
    .record({ date: day, village, investment: fc.option(tenths(1000), { nil: undefined }) })
    .map((e) => entry('project', e.date, { village: e.village, name: '项目', ...(e.investment === undefined ? {} : { investment: e.investment }) })),
  fc
    .record({ date: day, village, quantity: tenths(50), unit: fc.constantFrom(...SALE_UNITS) })
    .map((e) => entry('sale', e.date, { village: e.village, product: '猪肉', quantity: e.quantity, unit: e.unit })),
  fc.record({ date: day, village }).map((e) => entry('talent', e.date, { village: e.village, name: '王建国', role: '产业带头人' })),
  fc.record({ date: day, village }).map((e) => entry('returnee', e.date, { village: e.village, name: '李秀英' })),
  fc
    .record({ date: day, village, mentees: fc.array(fc.constantFrom('张伟', '刘芳'), { minLength: 1, maxLength: 3 }) })
    .map((e) => entry('mentoring', e.date, { village: e.village, mentor: '书记', mentees: e.mentees })),
  fc.record({ date: day, village }).map((e) => entry('cooperative', e.date, { village: e.village, name: '合作社' })),
  fc.record({ date: day, village }).map((e) => entry('livelihood-project', e.date, { village: e.village, name: '老年食堂' })),
  fc.record({ date: day, village }).map((e) => entry('education', e.date, { village: e.village, name: '张伟' })),
  fc
    .record({ date: day, village, attendees: fc.integer({ min: 0, max: 80 }) })
    .map((e) => entry('training', e.date, { village: e.village, topic: '电商', attendees: e.attendees })),
  fc
    .record({ date: day, village, form: fc.constantFrom(...SESSION_FORMS), attendees: fc.integer({ min: 0, max: 80 }) })
    .map((e) => entry('session', e.date, { village: e.village, form: e.form, attendees: e.attendees })),
  fc
    .record({ date: day, village, members: fc.integer({ min: 1, max: 40 }) })
    .map((e) => entry('team', e.date, { village: e.village, name: '管护队', members: e.members })),
  fc.record({ date: day, village, score: tenths(100) }).map((e) => entry('evaluation', e.date, { village: e.village, subject: '片区', score: e.score })),
);

const suggestions: fc.Arbitrary<Entry[]> = fc
  .array(fc.record({ date: day, village, later: fc.option(fc.integer({ min: 0, max: 200 })), inline: fc.boolean() }), { maxLength: 30, size: 'max' })
  .map((specs) =>
    specs.flatMap((spec, index) => {
      const id = `S-${index}`;
      if (spec.later === null) return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯' })];
      const resolved = new Date(Date.parse(spec.date) + spec.later * 86_400_000).toISOString().slice(0, 10);
      if (spec.inline) return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯', resolved })];
      return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯' }), entry('resolution', resolved, { village: spec.village, ref: id })];
    }),
  );

const villageCase = fc.record({
  entries: fc.tuple(fc.array(villageEntry, { minLength: 10, maxLength: 100, size: 'max' }), suggestions).map(([plain, said]) => [...plain, ...said]),
  villages: fc.oneof(fc.constant(POOL), fc.shuffledSubarray(POOL)),
  month: fc
    .record({ year: fc.constantFrom(2022, 2023, 2023, 2023, 2024), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`),
});

describe('computeVillageMetrics, one sweep', () => {
  it('gives exactly the figures of measuring each village apart, joint organisations wide or narrow', () => {
    fc.assert(
      fc.property(villageCase, ({ entries, villages, month }) => {
        const { ledger } = checkSuggestions(entries);
        expect(computeVillageMetrics(month, villages, entries, ledger)).toEqual(villageMetricsOneByOne(month, villages, entries, ledger));
      }),
      { numRuns: 300 },
    );
  });
});
