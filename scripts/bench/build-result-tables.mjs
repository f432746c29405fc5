/**
 * Turns the bench's raw runs into the tables it prints and writes: the
 * workspaces, the medians of every measurement on the bench's own Node and
 * on Node 24, and each target of issue 15 with its ratio and verdict. The
 * verdict is the bench's own Node's; Node 24's figure stands beside it. Pure,
 * so the console and docs/performance.md say the same thing.
 */

const GIB_IN_KIB = 1024 * 1024;

/**
 * The targets, each checked against the medians. `judge` returns what was
 * measured, the ratio to the limit's baseline, whether it is met (undefined
 * for a row of `information`, which judges nothing) and, for the Node 24
 * column, the figure the target is about (`brief`, the ratio unless said
 * otherwise).
 */
export const TARGETS = [
  {
    name: '`revitalize --version` ≤ 1.3 × `node -e 0`',
    needs: ['startup/version', 'startup/node'],
    judge: ([version, node]) => ratioTarget(version, node, { atMost: 1.3 }, 'version', 'node -e 0'),
  },
  {
    name: 'township month report, `--format md,html` ≤ 3 × `node -e 0`',
    needs: ['township/report', 'startup/node'],
    judge: ([report, node]) => ratioTarget(report, node, { atMost: 3 }, 'report', 'node -e 0'),
  },
  {
    name: 'township month report, `--format md` ≤ 0.4 s',
    needs: ['township/report-md'],
    judge: ([report]) => ({
      measured: formatDuration(report.medianMs),
      ratio: `${formatRatio(report.medianMs / 400)} of 0.4 s`,
      met: report.medianMs <= 400,
      brief: formatDuration(report.medianMs),
    }),
  },
  {
    name: 'county-year report, `--format json`, cold ≤ 1.2 × parse-only',
    needs: ['county/report', 'county/parse-only'],
    judge: ([report, parse]) => ratioTarget(report, parse, { atMost: 1.2 }, 'report', 'parse-only'),
  },
  {
    name: 'county-year report, `--format json`, warm cache ≤ 0.4 × parse-only',
    needs: ['county/warm', 'county/parse-only'],
    judge: ([warm, parse]) => ratioTarget(warm, parse, { atMost: 0.4 }, 'warm report', 'parse-only'),
  },
  {
    name: 'Python + PyYAML (C loader) headline figures ≥ 5 × county-year report, cold',
    needs: ['county/python', 'county/report'],
    judge: ([python, report]) => ratioTarget(python, report, { atLeast: 5 }, 'Python', 'report'),
  },
  {
    name: 'province-year report peak memory < 1 GiB, no flags',
    needs: ['province/report'],
    judge: ([report]) => peakMemoryTarget(report, true),
  },
  {
    // Per-village figures must not grow with the width of joint organisations.
    name: 'county-wide report ≤ 1.2 × county report, both cold',
    needs: ['county-wide/report', 'county/report'],
    judge: ([wide, county]) => ratioTarget(wide, county, { atMost: 1.2 }, 'county-wide', 'county'),
  },
  {
    name: 'linear growth: province report time / county report time < 11',
    needs: ['province/report', 'county/report'],
    judge: ([province, county], workspaces) => {
      const ratio = province.medianMs / county.medianMs;
      const entries = workspaces.province && workspaces.county ? workspaces.province.entries / workspaces.county.entries : undefined;
      return {
        measured: `${formatDuration(province.medianMs)} vs ${formatDuration(county.medianMs)}${entries ? ` (entries ×${entries.toFixed(1)})` : ''}`,
        ratio: formatRatio(ratio),
        met: ratio < 11,
      };
    },
  },
  {
    name: 'incremental: county rerun after one changed file measurably faster than cold',
    needs: ['county/edited', 'county/report', 'county/warm'],
    // "Measurably": every edited run beat every cold run, so noise alone cannot explain the gap.
    judge: ([edited, cold, warm]) => ({
      measured: `edited ${formatDuration(edited.medianMs)}, unchanged ${formatDuration(warm.medianMs)}, cold ${formatDuration(cold.medianMs)}`,
      ratio: `${formatRatio(edited.medianMs / cold.medianMs)} (unchanged ${formatRatio(warm.medianMs / cold.medianMs)})`,
      met: edited.maxMs < cold.minMs,
    }),
  },
  {
    // What the report needs when a job limits the heap (as docs/scheduling.md advises): information, no target.
    information: true,
    name: 'province-year report peak memory, heap limited to 1 GiB (`--max-old-space-size=1024`)',
    needs: ['province/report-capped'],
    judge: ([report]) => peakMemoryTarget(report, false),
  },
];

/**
 * @param {{
 *   workspaces: { size: string, summary: object }[],
 *   measurements: { key: string, size: string, label: string, program: 'node' | 'python', runs: object[], runs24?: object[], unavailable?: string }[],
 *   node: string,
 *   node24: { version: string } | { unavailable: string },
 * }} results `runs24` is absent for a Node measurement not run on Node 24; `unavailable` says why a measurement could not be run at all
 */
export function buildResultTables({ workspaces, measurements, node, node24 }) {
  const mainNode = `Node ${majorOf(node)}`;
  const summaries = new Map(measurements.map((measurement) => [measurement.key, summarize(measurement, measurement.runs)]));
  // Python is no Node program: its runs are the same beside either Node.
  const summaries24 =
    'unavailable' in node24
      ? undefined
      : new Map(
          measurements
            .filter((measurement) => measurement.program === 'python' || measurement.runs24)
            .map((measurement) => [
              measurement.key,
              measurement.program === 'python' ? summaries.get(measurement.key) : summarize(measurement, measurement.runs24),
            ]),
        );
  const workspaceBySize = Object.fromEntries(workspaces.map((workspace) => [workspace.size, workspace.summary]));
  return {
    workspaces: {
      header: ['size', 'villages', 'months', 'log files', 'entries', 'in report month', 'MiB', 'report month'],
      rows: workspaces.map(({ size, summary }) => [
        size,
        String(summary.villages),
        String(summary.months),
        formatCount(summary.files),
        formatCount(summary.entries),
        formatCount(summary.reportMonthEntries),
        (summary.bytes / 2 ** 20).toFixed(1),
        summary.reportMonth,
      ]),
    },
    measurements: {
      header: ['size', 'measurement', 'runs', 'median time', 'fastest–slowest', 'median peak memory', 'Node 24: median time', 'Node 24: median peak memory'],
      rows: measurements.map((measurement) => measurementRow(summaries.get(measurement.key), summaries24, measurement)),
    },
    targets: {
      header: ['target', `measured (${mainNode})`, 'ratio', 'verdict', 'Node 24'],
      rows: TARGETS.map((target) => targetRow(target, summaries, summaries24, workspaceBySize)),
    },
  };
}

function measurementRow(summary, summaries24, measurement) {
  const head = [summary.size, summary.label];
  if (summary.unavailable) return [...head, '—', `not measured: ${summary.unavailable}`, '—', '—', '—', '—'];
  const time = (each) => (each.failure ? `failed: ${each.failure}` : formatDuration(each.medianMs));
  const memory = (each) => (each.failure ? '—' : formatMemory(each.medianRssKiB));
  let beside = ['—', '—'];
  if (summaries24 && measurement.program === 'node') {
    const summary24 = summaries24.get(summary.key);
    beside = summary24 ? [time(summary24), memory(summary24)] : ['not run', 'not run'];
  }
  return [
    ...head,
    `${summary.succeeded}/${summary.runs.length}`,
    time(summary),
    summary.failure || summary.succeeded === 1 ? '—' : `${formatDuration(summary.minMs)}–${formatDuration(summary.maxMs)}`,
    memory(summary),
    ...beside,
  ];
}

const VERDICT = { met: 'met', notMet: 'NOT met', notMeasured: 'not measured', information: 'information' };

/** One row of the targets table: [target, measured, ratio, verdict, Node 24]. */
function targetRow(target, summaries, summaries24, workspaceBySize) {
  const inputs = target.needs.map((key) => summaries.get(key));
  const node24 = node24Cell(target, summaries24, workspaceBySize);
  const missing = target.needs.filter((_, index) => !inputs[index]);
  if (missing.length > 0) return [target.name, `not measured (${missing.join(', ')} not run)`, '—', VERDICT.notMeasured, '—'];
  const unavailable = inputs.find((input) => input.unavailable);
  if (unavailable) return [target.name, `not measured: ${unavailable.unavailable}`, '—', VERDICT.notMeasured, '—'];
  const failed = inputs.find((input) => input.failure);
  const informs = (met) => (met === undefined ? VERDICT.information : met ? VERDICT.met : VERDICT.notMet);
  if (failed) return [target.name, `${failed.key} failed: ${failed.failure}`, '—', informs(target.information ? undefined : false), node24];
  const { measured, ratio, met } = target.judge(inputs, workspaceBySize);
  return [target.name, measured, ratio, informs(met), node24];
}

/** Node 24's figure for a target, and whether it would meet it. */
function node24Cell(target, summaries24, workspaceBySize) {
  if (!summaries24) return '—';
  const inputs = target.needs.map((key) => summaries24.get(key));
  if (inputs.some((input) => !input)) return 'not run';
  if (inputs.some((input) => input.unavailable)) return 'not measured';
  const failed = inputs.find((input) => input.failure);
  if (failed) return `${failed.key} failed`;
  const { ratio, met, brief } = target.judge(inputs, workspaceBySize);
  return met === undefined ? (brief ?? ratio) : `${met ? 'met' : 'not met'}: ${brief ?? ratio}`;
}

/** measured / base against a limit: at most (a cost) or at least (a speed-up). */
function ratioTarget(measured, base, { atMost, atLeast }, measuredName, baseName) {
  const ratio = measured.medianMs / base.medianMs;
  return {
    measured: `${measuredName} ${formatDuration(measured.medianMs)}, ${baseName} ${formatDuration(base.medianMs)}`,
    ratio: formatRatio(ratio),
    met: atMost !== undefined ? ratio <= atMost : ratio >= atLeast,
  };
}

/** Peak memory against 1 GiB, with the run's time beside it; `judged` false for a row that only informs. */
function peakMemoryTarget(report, judged) {
  const known = report.medianRssKiB !== undefined;
  return {
    measured: `${formatMemory(report.medianRssKiB)} (time ${formatDuration(report.medianMs)})`,
    ratio: known ? `${formatRatio(report.medianRssKiB / GIB_IN_KIB)} of 1 GiB` : '—',
    met: judged ? known && report.medianRssKiB < GIB_IN_KIB : undefined,
    brief: formatMemory(report.medianRssKiB),
  };
}

/** Medians of the successful runs; one failed run marks the whole measurement failed, with its reason. */
function summarize(measurement, runs) {
  const { key, size, label, unavailable } = measurement;
  const succeeded = runs.filter((run) => run.ok);
  const failedRun = runs.find((run) => !run.ok);
  const times = succeeded.map((run) => run.ms);
  const memories = succeeded.map((run) => run.maxRssKiB).filter((kib) => kib !== undefined);
  return {
    key,
    size,
    label,
    runs,
    unavailable,
    succeeded: succeeded.length,
    failure: unavailable ? undefined : (failedRun?.reason ?? (succeeded.length === 0 ? 'no run' : undefined)),
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    medianRssKiB: median(memories),
  };
}

function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function majorOf(version) {
  return /^v?(\d+)/.exec(version)?.[1] ?? version;
}

export function formatDuration(ms) {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms < 100_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(0)} s`;
}

function formatMemory(kib) {
  return kib === undefined ? '—' : `${formatCount(Math.round(kib / 1024))} MiB`;
}

function formatRatio(ratio) {
  return `${ratio.toFixed(2)}×`;
}

function formatCount(count) {
  return count.toLocaleString('en-US');
}
