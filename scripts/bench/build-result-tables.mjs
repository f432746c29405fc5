/**
 * Turns the bench's raw runs into the tables it prints and writes: the
 * workspaces, the medians of every measurement, and each target with its
 * ratio and verdict. Pure, so the console and docs/performance.md say the
 * same thing.
 */

const GIB_IN_KIB = 1024 * 1024;

/** The targets of issues 6 and 15, each checked against the medians. */
const TARGETS = [
  {
    name: '`revitalize --version` ≤ 1.5 × `node -e 0`',
    needs: ['startup/version', 'startup/node'],
    judge: ([version, node]) => ratioTarget(version.medianMs, node.medianMs, 1.5, 'version', 'node -e 0'),
  },
  {
    name: 'township report (md+html) ≤ 3 × `node -e 0`',
    needs: ['township/report', 'startup/node'],
    judge: ([report, node]) => ratioTarget(report.medianMs, node.medianMs, 3, 'report', 'node -e 0'),
  },
  {
    name: 'county report ≤ 1.5 × county parse-only',
    needs: ['county/report', 'county/parse-only'],
    judge: ([report, parse]) => ratioTarget(report.medianMs, parse.medianMs, 1.5, 'report', 'parse-only'),
  },
  {
    name: 'county report < 5 s',
    needs: ['county/report'],
    judge: ([report]) => ({ measured: formatDuration(report.medianMs), ratio: `${formatRatio(report.medianMs / 5000)} of 5 s`, met: report.medianMs < 5000 }),
  },
  {
    // Per-village figures must not grow with the width of joint organisations (issue 15).
    name: 'county-wide report ≤ 1.2 × county report',
    needs: ['county-wide/report', 'county/report'],
    judge: ([wide, county]) => ratioTarget(wide.medianMs, county.medianMs, 1.2, 'county-wide', 'county'),
  },
  {
    name: 'province report peak memory < 1.5 GiB',
    needs: ['province/report'],
    judge: ([report]) => peakMemoryTarget(report),
  },
  {
    name: 'province report peak memory < 1.5 GiB, heap limited to 1 GiB',
    needs: ['province/report-capped'],
    judge: ([report]) => peakMemoryTarget(report),
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
];

export function buildResultTables({ workspaces, measurements }) {
  const summaries = new Map(measurements.map((measurement) => [measurement.key, { ...measurement, ...summarizeRuns(measurement.runs) }]));
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
      header: ['size', 'measurement', 'runs', 'median time', 'fastest–slowest', 'median peak memory'],
      rows: [...summaries.values()].map((summary) => [
        summary.size,
        summary.label,
        `${summary.succeeded}/${summary.runs.length}`,
        summary.failure ? `failed: ${summary.failure}` : formatDuration(summary.medianMs),
        summary.failure || summary.succeeded === 1 ? '—' : `${formatDuration(summary.minMs)}–${formatDuration(summary.maxMs)}`,
        summary.failure ? '—' : formatMemory(summary.medianRssKiB),
      ]),
    },
    targets: {
      header: ['target', 'measured', 'ratio', 'verdict'],
      rows: TARGETS.map((target) => targetRow(target, summaries, workspaceBySize)),
    },
  };
}

function targetRow(target, summaries, workspaceBySize) {
  const inputs = target.needs.map((key) => summaries.get(key));
  const missing = target.needs.filter((_, index) => !inputs[index]);
  if (missing.length > 0) return [target.name, `not measured (${missing.join(', ')} not run)`, '—', 'not measured'];
  const failed = inputs.find((input) => input.failure);
  if (failed) return [target.name, `${failed.key} failed: ${failed.failure}`, '—', 'NOT met'];
  const { measured, ratio, met } = target.judge(inputs, workspaceBySize);
  return [target.name, measured, ratio, met ? 'met' : 'NOT met'];
}

function ratioTarget(measuredMs, baseMs, limit, measuredName, baseName) {
  const ratio = measuredMs / baseMs;
  return {
    measured: `${measuredName} ${formatDuration(measuredMs)}, ${baseName} ${formatDuration(baseMs)}`,
    ratio: `${formatRatio(ratio)} (limit ${limit}×)`,
    met: ratio <= limit,
  };
}

/** Medians of the successful runs; one failed run marks the whole measurement failed, with its reason. */
function summarizeRuns(runs) {
  const succeeded = runs.filter((run) => run.ok);
  const failedRun = runs.find((run) => !run.ok);
  const times = succeeded.map((run) => run.ms);
  const memories = succeeded.map((run) => run.maxRssKiB).filter((kib) => kib !== undefined);
  return {
    succeeded: succeeded.length,
    failure: failedRun?.reason ?? (succeeded.length === 0 ? 'no run' : undefined),
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

/** Peak memory under 1.5 GiB, with the run's time beside it. */
function peakMemoryTarget(report) {
  return {
    measured: `${formatMemory(report.medianRssKiB)} (time ${formatDuration(report.medianMs)})`,
    ratio: report.medianRssKiB === undefined ? '—' : `${formatRatio(report.medianRssKiB / (1.5 * GIB_IN_KIB))} of 1.5 GiB`,
    met: report.medianRssKiB !== undefined && report.medianRssKiB < 1.5 * GIB_IN_KIB,
  };
}
