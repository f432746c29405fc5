/**
 * The rollup's promise, over random workspaces (fast-check): split the
 * villages of a workspace into 2–4 townships, make each township's JSON
 * report the way `report --format json` does, merge them, and the result is
 * the report over all the logs together, in every figure, window, change
 * and part, village, cadence miss, 督办 row, star rating, trend month and
 * activity. Only who reports (region, title, recipient, issuer) and the
 * data notes (warnings) differ; and the district has data only from the
 * month every township has logs from (the latest township's first month),
 * where the logs taken together begin with the earliest.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueFor } from '../../src/i18n/catalogues.js';
import type { Locale } from '../../src/i18n/locale.js';
import { makeRollup } from '../../src/make-rollup.js';
import { renderReport } from '../../src/render/render-report.js';
import { assembleReport, buildReport } from '../../src/report/build-report.js';
import { computeReportFigures } from '../../src/report/report-figures.js';
import { metricInput } from '../../src/metrics/compute-metrics.js';
import { renderJson } from '../../src/render/render-json.js';
import { noteTexts } from '../../src/notes/note-sections.js';
import type { ReportSettings } from '../../src/report/build-report.js';
import type { TargetRule } from '../../src/schema/config-schema.js';
import { DEFAULT_STAR_RULE } from '../../src/schema/config-schema.js';
import type { Entry } from '../../src/schema/log-schema.js';
import { SALE_UNITS, SESSION_FORMS } from '../../src/schema/log-schema.js';
import { checkSuggestions } from '../../src/validate/check-suggestions.js';
import { entry } from '../helpers/entries.js';

const POOL = ['甲村', '乙村', '丙村', '丁村', '戊村', '己村', '庚村'];
const day = fc
  .date({ min: new Date(Date.UTC(2022, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
/** Few days, so that two townships' evaluations of one subject fall on the same day now and then. */
const evaluationDay = fc.constantFrom('2023-03-08', '2023-04-08', '2024-02-08');
const name = fc.constantFrom('王建国', '李秀英', '张伟', '刘芳');

/** Random valid entries of one township: every village they name is one of its own. */
function townshipEntries(villages: string[], township: number): fc.Arbitrary<Entry[]> {
  const village = fc.constantFrom(...villages);
  const some = fc.subarray(villages, { minLength: 1 });
  const plain: fc.Arbitrary<Entry> = fc.oneof(
    // A joint organisation has no village of its own.
    fc.record({ date: day, villages: some }).map((e) => entry('joint-org', e.date, { village: undefined, name: '联建', villages: e.villages })),
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
    fc.record({ date: day, village }).map((e) => entry('cooperative', e.date, { village: e.village, name: '合作社' })),
    fc
      .record({ date: day, village, attendees: fc.integer({ min: 0, max: 80 }) })
      .map((e) => entry('training', e.date, { village: e.village, topic: '电商', attendees: e.attendees })),
    fc
      .record({ date: day, village, form: fc.constantFrom(...SESSION_FORMS), attendees: fc.integer({ min: 0, max: 80 }) })
      .map((e) => entry('session', e.date, { village: e.village, form: e.form, attendees: e.attendees })),
    // Night talks on the 8th now and then, so the cadence check sees some held on time.
    fc
      .record({ month: fc.integer({ min: 1, max: 12 }), year: fc.constantFrom(2023, 2024), village })
      .map((e) => entry('session', `${e.year}-${String(e.month).padStart(2, '0')}-08`, { village: e.village, form: '集中畅谈', attendees: 30 })),
    fc
      .record({ date: day, village, members: fc.integer({ min: 1, max: 40 }) })
      .map((e) => entry('team', e.date, { village: e.village, name: '管护队', members: e.members })),
    fc
      .record({ date: day, village, taking: fc.option(some, { nil: undefined }) })
      .map((e) => entry('joint-action', e.date, { village: e.village, type: '护河行动', ...(e.taking ? { villages: e.taking } : {}) })),
    // Subjects are shared between townships: one subject rated in two townships is one rating.
    fc
      .record({ date: evaluationDay, village, subject: fc.constantFrom('片区', '河段一', '队员甲'), score: fc.integer({ min: 0, max: 100 }) })
      .map((e) => entry('evaluation', e.date, { village: e.village, subject: e.subject, score: e.score })),
  );
  const evaluations = fc.array(
    fc
      .record({ date: evaluationDay, village, subject: fc.constantFrom('片区', '河段一'), score: fc.integer({ min: 0, max: 100 }) })
      .map((e) => entry('evaluation', e.date, { village: e.village, subject: e.subject, score: e.score })),
    { maxLength: 4 },
  );
  const suggestions = fc
    .array(fc.record({ date: day, village, later: fc.option(fc.integer({ min: 0, max: 200 })), inline: fc.boolean() }), { maxLength: 20 })
    .map((specs) =>
      specs.flatMap((spec, index) => {
        const id = `T${township}-S-${index}`;
        if (spec.later === null) return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯' })];
        const resolved = new Date(Date.parse(spec.date) + spec.later * 86_400_000).toISOString().slice(0, 10);
        if (spec.inline) return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯', resolved })];
        return [entry('suggestion', spec.date, { village: spec.village, id, text: '路灯' }), entry('resolution', resolved, { village: spec.village, ref: id })];
      }),
    );
  return fc.tuple(fc.array(plain, { maxLength: 40 }), evaluations, suggestions).map(([a, b, c]) => [...a, ...b, ...c]);
}

/** 2–4 townships, each with at least one village; the district lists them township by township. */
const split = fc
  .integer({ min: 2, max: 4 })
  .chain((count) =>
    fc.tuple(fc.constant(count), fc.array(fc.integer({ min: 0, max: count - 1 }), { minLength: POOL.length - count, maxLength: POOL.length - count })),
  )
  .map(([count, rest]) => {
    const owner = [...Array.from({ length: count }, (_, i) => i), ...rest];
    return Array.from({ length: count }, (_, township) => POOL.filter((_, index) => owner[index] === township));
  });

const districtCase = split.chain((townships) =>
  fc.record({
    townships: fc.tuple(...townships.map((villages, index) => townshipEntries(villages, index).map((entries) => ({ villages, entries })))),
    month: fc.oneof(
      fc
        .record({ year: fc.integer({ min: 2022, max: 2024 }), month: fc.integer({ min: 1, max: 12 }) })
        .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`),
      // Months the evaluations fall in, so that ratings of one subject from two townships meet.
      fc.constantFrom('2023-04', '2024-02'),
    ),
    /** Days after the first of the month the report is made: sometimes while the month still runs. */
    madeAfter: fc.integer({ min: 0, max: 70 }),
    listed: fc.boolean(),
    overdueDays: fc.integer({ min: 5, max: 90 }),
    locale: fc.constantFrom<Locale>('zh-CN', 'en'),
  }),
);

const TARGETS: TargetRule[] = [
  { metric: 'night-talk.resolution-rate', period: 'month', bound: 'atLeast', value: 0.8, perVillage: false },
  { metric: 'night-talk.sessions', period: 'month', bound: 'atLeast', value: 1, perVillage: true },
  { metric: 'organization.investment', period: 'year', bound: 'atLeast', value: 50_000_000, perVillage: false },
  { metric: 'ecology.average-score', period: 'year', bound: 'atMost', value: 95, perVillage: true },
];

/** The JSON report of a set of entries, made as `report --format json` makes it. */
async function jsonReport(settings: ReportSettings, month: string, generatedOn: string, entries: Entry[], locale: Locale): Promise<string> {
  const { ledger, problems } = checkSuggestions(entries);
  expect(problems).toEqual([]);
  const catalogue = catalogueFor(locale);
  const report = buildReport({ config: settings, month, generatedOn, entries, suggestions: ledger, warnings: [], catalogue });
  return (await renderReport(report, catalogue, ['json'])).get('json') as string;
}

/** The same, with data only from a given month on: the report over a district's logs, as its rollup judges what it can compare. */
function jsonReportFrom(firstMonth: string | null, settings: ReportSettings, month: string, generatedOn: string, entries: Entry[], locale: Locale): string {
  const { ledger } = checkSuggestions(entries);
  const catalogue = catalogueFor(locale);
  const figures = computeReportFigures({ settings, month, generatedOn, entries, input: metricInput(entries, ledger) });
  return renderJson(
    assembleReport({
      figures: { ...figures, firstMonth },
      heading: settings,
      targets: settings.targets,
      generatedOn,
      catalogue,
      evidence: null,
      warnings: [],
      notes: noteTexts(null),
    }),
  );
}

/** A JSON report without who made it and its data notes. */
function figuresOf(json: string): Record<string, unknown> {
  const { region: _region, title: _title, recipient: _recipient, issuer: _issuer, warnings: _warnings, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
}

describe('rollup', () => {
  it('merging townships’ JSON reports gives the report over all their logs', async () => {
    await fc.assert(
      fc.asyncProperty(districtCase, async ({ townships, month, madeAfter, listed, overdueDays, locale }) => {
        const generatedOn = new Date(Date.parse(`${month}-01T00:00:00Z`) + madeAfter * 86_400_000).toISOString().slice(0, 10);
        const settings = (region: string, villages: string[]): ReportSettings => ({
          region,
          ...(listed ? { villages } : {}),
          targets: TARGETS,
          cadence: [{ kind: 'session', day: 8 }],
          overdueDays,
          stars: DEFAULT_STAR_RULE,
        });
        const reports = await Promise.all(
          townships.map(async ({ villages, entries }, index) => ({
            file: `township-${index}.json`,
            text: await jsonReport(settings(`乡${index}`, villages), month, generatedOn, entries, locale),
          })),
        );
        const all = townships.flatMap(({ entries }) => entries);
        const firstMonths = reports.map(({ text }) => (JSON.parse(text) as { firstMonth: string | null }).firstMonth);
        const districtFirst = firstMonths.includes(null) ? null : (firstMonths as string[]).reduce((a, b) => (b > a ? b : a));
        const whole = jsonReportFrom(
          districtFirst,
          settings(
            '区',
            townships.flatMap(({ villages }) => villages),
          ),
          month,
          generatedOn,
          all,
          locale,
        );

        const rollup = await makeRollup({ reports, region: '区', targets: TARGETS, generatedOn, formats: ['json'] });
        if (!rollup.ok) throw new Error(JSON.stringify(rollup.problems));
        const merged = rollup.rendered.get('json') as string;

        expect(figuresOf(merged)).toEqual(figuresOf(whole));
        // In the same order, too: villages, misses, rows and ratings.
        expect(JSON.stringify(figuresOf(merged))).toBe(JSON.stringify(figuresOf(whole)));
      }),
      { numRuns: 100 },
    );
  });
});
