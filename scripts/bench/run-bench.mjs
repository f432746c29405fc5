#!/usr/bin/env node
/**
 * `npm run bench`: generates the synthetic workspaces, times whole
 * `revitalize` processes against a parse-only baseline and `node -e 0`,
 * prints the medians and the targets, and rewrites docs/performance.md.
 *
 *   node scripts/bench/run-bench.mjs [--sizes township,county,county-wide,province] [--runs N] [--keep]
 *
 * Progress goes to standard error; the tables to standard output.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildResultTables, formatDuration } from './build-result-tables.mjs';
import { generateWorkspace, readWorkspaceStamp, WORKSPACE_SIZES } from './generate-workspace.mjs';
import { measureProcess } from './measure-process.mjs';
import { renderPerformancePage } from './render-performance-page.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = 'bin/revitalize.js';
const PARSE_ONLY = 'scripts/bench/parse-only.mjs';
const PAGE = path.join(ROOT, 'docs', 'performance.md');
/** Everything after this line of docs/performance.md is written by hand and kept by the bench. */
const NOTES_MARKER = '<!-- Notes: written by hand below this line; the bench keeps them. -->';
const CACHE_FOLDER = '.revitalize-cache';
const GENERATED_ON = '2024-01-01';
// Generous: a run that is merely slow should be measured, not cut short; a hung one must not stall the bench.
const TIMEOUT_MS = 10 * 60 * 1000;

// Enough runs for a stable median where runs are cheap, few where one run takes a minute.
const DEFAULT_RUNS = { startup: 11, township: 7, county: 3, 'county-wide': 3, province: 1 };
const REPORT_FORMATS = { township: 'md,html', county: 'md,html,json', 'county-wide': 'md,html,json', province: 'md,html,json' };
// The file the incremental reruns edit: one village, one month in the middle of the year.
const EDITED_LOG = { month: '06', villageIndex: 99 };

const benchStartedAt = performance.now();

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: Object.keys(WORKSPACE_SIZES).join(',') },
      runs: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes
    .split(',')
    .map((size) => size.trim())
    .filter(Boolean);
  const unknown = sizes.filter((size) => !WORKSPACE_SIZES[size]);
  if (unknown.length > 0) throw new UsageError(`unknown size ${unknown.join(', ')}: choose from ${Object.keys(WORKSPACE_SIZES).join(', ')}`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new UsageError(`--runs needs a whole number of at least 1, not "${values.runs}"`);
  // Sizes are measured in their own order, whatever order they were asked in, so tables always read the same way.
  return { sizes: Object.keys(WORKSPACE_SIZES).filter((size) => sizes.includes(size)), runs, keep: values.keep, help: values.help };
}

class UsageError extends Error {}

function log(message) {
  const elapsed = Math.round((performance.now() - benchStartedAt) / 1000);
  process.stderr.write(`[bench ${Math.floor(elapsed / 60)}:${String(elapsed % 60).padStart(2, '0')}] ${message}\n`);
}

function prepareWorkspace(size) {
  const dir = path.join(os.tmpdir(), `revitalize-bench-${size}`);
  const kept = readWorkspaceStamp(dir, size);
  if (kept) {
    log(`${size}: reusing ${dir} (${kept.entries} entries)`);
    return { size, dir, summary: kept, generatedMs: undefined };
  }
  log(`${size}: generating the workspace in ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  const startedAt = performance.now();
  const summary = generateWorkspace(size, dir);
  const generatedMs = performance.now() - startedAt;
  log(`${size}: ${summary.entries} entries in ${summary.files} files, ${(summary.bytes / 2 ** 20).toFixed(1)} MiB, in ${formatDuration(generatedMs)}`);
  return { size, dir, summary, generatedMs };
}

function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    system: `${os.type()} ${os.release()} (${process.platform}-${process.arch})`,
    revitalize: revitalizeVersion(),
    date: new Date().toISOString().slice(0, 10),
  };
}

function revitalizeVersion() {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${version}, commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`;
  } catch {
    return version;
  }
}

/** Runs and records measurements; every run is logged as it ends, so a long bench shows it is alive. */
function createRecorder(scratch) {
  const measurements = new Map();
  let usageFiles = 0;
  return {
    measurements: () => [...measurements.values()],
    /** Declares a measurement, so that its row exists (and says why) even when every run of it fails. */
    declare(key, size, label, command) {
      if (!measurements.has(key)) measurements.set(key, { key, size, label, command, runs: [] });
    },
    async run(key, nodeArgs, { runNumber, runCount, check } = {}) {
      const measurement = measurements.get(key);
      const usageFile = path.join(scratch, `usage-${++usageFiles}.txt`);
      let result = await measureProcess(nodeArgs, { cwd: ROOT, usageFile, timeoutMs: TIMEOUT_MS });
      const problem = result.ok ? check?.(result.stdout) : undefined;
      if (problem) result = { ok: false, ms: result.ms, reason: problem };
      measurement.runs.push(result);
      const outcome = result.ok
        ? `${formatDuration(result.ms)}, ${result.maxRssKiB ? Math.round(result.maxRssKiB / 1024) : '?'} MiB`
        : `failed: ${result.reason}`;
      log(`${measurement.size} ${measurement.label} ${runNumber ?? 1}/${runCount ?? 1}: ${outcome}`);
      return result;
    },
  };
}

async function measureStartup(recorder, runs) {
  recorder.declare('startup/node', 'startup', 'node -e 0', 'node -e 0');
  recorder.declare('startup/version', 'startup', 'revitalize --version', `node ${BIN} --version`);
  for (let index = 0; index < runs; index++) {
    const order = index % 2 === 0 ? ['startup/node', 'startup/version'] : ['startup/version', 'startup/node'];
    for (const key of order) {
      await recorder.run(key, key === 'startup/node' ? ['-e', '0'] : [BIN, '--version'], { runNumber: index + 1, runCount: runs });
    }
  }
}

async function measureSize(recorder, workspace, runs, outputFolder) {
  const { size, dir, summary } = workspace;
  const reportArgs = [
    BIN,
    'report',
    dir,
    '--month',
    summary.reportMonth,
    '--format',
    REPORT_FORMATS[size],
    '-o',
    outputFolder,
    '--quiet',
    '--generated-on',
    GENERATED_ON,
  ];
  const reportCommand = `node ${BIN} report <ws> --month ${summary.reportMonth} --format ${REPORT_FORMATS[size]} -o <tmp> --quiet --generated-on ${GENERATED_ON}`;
  const reportKey = `${size}/report`;
  const parseKey = `${size}/parse-only`;
  recorder.declare(parseKey, size, 'parse-only', `node ${PARSE_ONLY} <ws>`);
  recorder.declare(reportKey, size, 'report (cold)', reportCommand);
  // A baseline that read fewer logs than were written would make the report look slow for no reason.
  const sawEveryEntry = (stdout) => {
    let seen;
    try {
      seen = JSON.parse(stdout);
    } catch {
      return `printed no count of what it parsed: ${JSON.stringify(stdout.slice(0, 100))}`;
    }
    return seen.entries === summary.entries ? undefined : `parsed ${seen.entries} entries, expected ${summary.entries}`;
  };
  const cache = path.join(dir, CACHE_FOLDER);

  for (let index = 0; index < runs; index++) {
    const order = index % 2 === 0 ? [parseKey, reportKey] : [reportKey, parseKey];
    for (const key of order) {
      if (key === parseKey) await recorder.run(parseKey, [PARSE_ONLY, dir], { runNumber: index + 1, runCount: runs, check: sawEveryEntry });
      else {
        rmSync(cache, { recursive: true, force: true });
        await recorder.run(reportKey, reportArgs, { runNumber: index + 1, runCount: runs });
      }
    }
  }
  if (size === 'county') await measureIncremental(recorder, workspace, runs, reportArgs, reportCommand);
  if (size === 'province') {
    // Node lets its heap grow far past what a run keeps alive when the machine has memory to spare;
    // a heap limit (as a job would set it with NODE_OPTIONS) shows what the report needs.
    const cappedKey = `${size}/report-capped`;
    recorder.declare(cappedKey, size, `report (cold, ${HEAP_CAP})`, `node ${HEAP_CAP} ${reportCommand.slice('node '.length)}`);
    for (let index = 0; index < runs; index++) {
      rmSync(cache, { recursive: true, force: true });
      await recorder.run(cappedKey, [HEAP_CAP, ...reportArgs], { runNumber: index + 1, runCount: runs });
    }
  }
}

const HEAP_CAP = '--max-old-space-size=1024';

// The cache (where there is one) is left as the last cold run wrote it; these runs reuse it.
async function measureIncremental(recorder, { size, dir }, runs, reportArgs, reportCommand) {
  recorder.declare(`${size}/warm`, size, 'report, rerun unchanged', reportCommand);
  recorder.declare(`${size}/edited`, size, 'report, rerun after one file changed', reportCommand);
  const editedLog = editedLogPath(dir);
  const original = readFileSync(editedLog);
  try {
    for (let index = 0; index < runs; index++) await recorder.run(`${size}/warm`, reportArgs, { runNumber: index + 1, runCount: runs });
    for (let index = 0; index < runs; index++) {
      appendFileSync(editedLog, `# bench edit ${index + 1}\n`);
      await recorder.run(`${size}/edited`, reportArgs, { runNumber: index + 1, runCount: runs });
    }
  } finally {
    // A kept workspace must stay exactly as generated, or the next bench would measure other bytes.
    writeFileSync(editedLog, original);
  }
}

function editedLogPath(dir) {
  const folder = path.join(dir, 'logs', '2023', EDITED_LOG.month);
  const villageLogs = readdirSync(folder)
    .filter((name) => name !== '跨村联建.yaml')
    .sort();
  return path.join(folder, villageLogs[Math.min(EDITED_LOG.villageIndex, villageLogs.length - 1)]);
}

function textTable(header, rows) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function describeRunCounts(options) {
  if (options.runs) return `${options.runs} of every measurement (\`--runs ${options.runs}\`)`;
  const chosen = ['startup', ...options.sizes].map((name) => `${DEFAULT_RUNS[name]} ${name === 'startup' ? 'for `node -e 0` and `--version`' : `for ${name}`}`);
  if (options.sizes.includes('county')) chosen.push(`${DEFAULT_RUNS.county} of each county incremental rerun`);
  return chosen.join(', ');
}

async function main(argv) {
  const options = parseOptions(argv);
  if (options.help) {
    console.log('usage: node scripts/bench/run-bench.mjs [--sizes township,county,county-wide,province] [--runs N] [--keep]');
    return 0;
  }
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    throw new UsageError('dist/ is missing: run `npm run build` first (or `npm run bench`, which builds)');

  const machine = describeMachine();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'revitalize-bench-run-'));
  const workspaces = [];
  const recorder = createRecorder(scratch);
  try {
    for (const size of options.sizes) workspaces.push(prepareWorkspace(size));
    await measureStartup(recorder, options.runs ?? DEFAULT_RUNS.startup);
    for (const workspace of workspaces) {
      const outputFolder = mkdtempSync(path.join(scratch, `${workspace.size}-`));
      await measureSize(recorder, workspace, options.runs ?? DEFAULT_RUNS[workspace.size], outputFolder);
      // Report files of a big workspace take room; nothing reads them.
      rmSync(outputFolder, { recursive: true, force: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (!options.keep) for (const { dir } of workspaces) rmSync(dir, { recursive: true, force: true });
  }

  const totalMs = performance.now() - benchStartedAt;
  const measurements = recorder.measurements();
  const tables = buildResultTables({ workspaces, measurements });
  const optionsText = ['npm run bench --', `--sizes ${options.sizes.join(',')}`, options.runs ? `--runs ${options.runs}` : '', options.keep ? '--keep' : '']
    .filter(Boolean)
    .join(' ');
  // What engineers wrote below the marker (why a target is or is not met) survives the rewrite.
  const previous = existsSync(PAGE) ? readFileSync(PAGE, 'utf8') : '';
  const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
  const page = renderPerformancePage({
    machine,
    options: `\`${optionsText}\``,
    totalMs,
    workspaces,
    measurements,
    tables,
    runCounts: describeRunCounts(options),
  });
  writeFileSync(PAGE, `${page}\n${notes}`);

  console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.system}, ${machine.date}\n`);
  console.log(textTable(tables.workspaces.header, tables.workspaces.rows));
  console.log(`\n${textTable(tables.measurements.header, tables.measurements.rows)}`);
  console.log(
    `\n${textTable(
      tables.targets.header,
      tables.targets.rows.map((row) => row.map((cell) => cell.replaceAll('`', ''))),
    )}`,
  );
  console.log(`\nWhole bench: ${formatDuration(totalMs)}. Written to ${path.relative(process.cwd(), PAGE) || PAGE}.`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof UsageError || error?.code?.startsWith?.('ERR_PARSE_ARGS') ? `bench: ${error.message}` : error);
  process.exitCode = 2;
}
