#!/usr/bin/env node
/**
 * `npm run bench`: generates the synthetic workspaces, times whole
 * `revitalize` processes, on the Node running the bench and on Node 24,
 * against a parse-only baseline, `node -e 0` and a Python script computing
 * the same figures, prints the medians and the targets, and rewrites
 * docs/performance.md.
 *
 *   node scripts/bench/run-bench.mjs [--sizes township,county,county-wide,province] [--runs N] [--keep]
 *
 * Progress goes to standard error; the tables to standard output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installNodeMajor } from '../with-node.mjs';
import { buildResultTables, formatDuration } from './build-result-tables.mjs';
import { headlineFiguresDisagreement } from './check-headline-figures.mjs';
import { generateWorkspace, readWorkspaceStamp, WORKSPACE_SIZES } from './generate-workspace.mjs';
import { measureProcess, nodeCommand, pythonCommand } from './measure-process.mjs';
import { renderPerformancePage } from './render-performance-page.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = 'bin/revitalize.js';
const PARSE_ONLY = 'scripts/bench/parse-only.mjs';
const PYTHON_BASELINE = 'scripts/bench/headline-figures.py';
const PYTHON = 'python3';
/** Every Node measurement runs on this major version too, beside the Node running the bench. */
const COMPARED_NODE = '24';
const PAGE = path.join(ROOT, 'docs', 'performance.md');
/** Everything after this line of docs/performance.md is written by hand and kept by the bench. */
const NOTES_MARKER = '<!-- Notes: written by hand below this line; the bench keeps them. -->';
const CACHE_FOLDER = '.revitalize-cache';
const GENERATED_ON = '2024-01-01';
// Generous: a run that is merely slow should be measured, not cut short; a hung one must not stall the bench.
const TIMEOUT_MS = 10 * 60 * 1000;

// Enough runs for a stable median where runs are cheap, few where one run takes a minute.
const DEFAULT_RUNS = { startup: 11, township: 7, county: 3, 'county-wide': 3, province: 1 };
// The targets' formats: a township's month as it is printed, a county's or province's year as figures (a township's `md` alone is measured too).
const REPORT_FORMATS = { township: 'md,html', county: 'json', 'county-wide': 'json', province: 'json' };
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
function createRecorder(scratch, runtimes) {
  const measurements = new Map();
  let usageFiles = 0;
  const measure = (runtime, args) => {
    const command =
      runtime === 'python' ? pythonCommand(runtimes.python.python, args) : nodeCommand(runtime === 'node24' ? runtimes.node24.node : process.execPath, args);
    return measureProcess(command, { cwd: ROOT, usageFile: path.join(scratch, `usage-${++usageFiles}.txt`), timeoutMs: TIMEOUT_MS });
  };
  return {
    measurements: () => [...measurements.values()],
    /**
     * Declares a measurement, so that its row exists (and says why) even when every run of it fails or it cannot run at all.
     * A Node measurement is also run on Node 24 unless `onNode24` is false.
     */
    declare(key, { size, label, command, program = 'node', onNode24 = true, unavailable }) {
      if (measurements.has(key)) return;
      measurements.set(key, { key, size, label, command, program, runs: [], runs24: program === 'node' && onNode24 ? [] : undefined, unavailable });
    },
    /** One recorded run; `runtime` is 'main' (the Node running the bench), 'node24' or 'python'. */
    async run(key, runtime, args, { runNumber, runCount, check } = {}) {
      const measurement = measurements.get(key);
      let result = await measure(runtime, args);
      const problem = result.ok ? check?.(result.stdout) : undefined;
      if (problem) result = { ok: false, ms: result.ms, reason: problem };
      (runtime === 'node24' ? measurement.runs24 : measurement.runs).push(result);
      const outcome = result.ok
        ? `${formatDuration(result.ms)}, ${result.maxRssKiB ? Math.round(result.maxRssKiB / 1024) : '?'} MiB`
        : `failed: ${result.reason}`;
      log(`${measurement.size} ${measurement.label}${runtime === 'node24' ? ' on Node 24' : ''} ${runNumber ?? 1}/${runCount ?? 1}: ${outcome}`);
      return result;
    },
    /** A run that is not measured, to put the workspace in the state the next runs need. */
    async prepare(runtime, args, why) {
      const result = await measure(runtime, args);
      log(`${why}${runtime === 'node24' ? ' on Node 24' : ''}: ${result.ok ? formatDuration(result.ms) : `failed: ${result.reason}`}`);
    },
  };
}

/**
 * Runs every step `runs` times, one step after another, the order reversed
 * every other round: a report, its baselines and its other Node take turns,
 * so noise on the machine hits them alike.
 */
async function takeTurns(recorder, runs, steps) {
  for (let index = 0; index < runs; index++) {
    for (const step of index % 2 === 0 ? steps : [...steps].reverse()) {
      step.before?.();
      await recorder.run(step.key, step.runtime, step.args, { runNumber: index + 1, runCount: runs, check: step.check });
    }
  }
}

async function measureStartup(recorder, runs, nodeRuntimes) {
  recorder.declare('startup/node', { size: 'startup', label: 'node -e 0', command: 'node -e 0' });
  recorder.declare('startup/version', { size: 'startup', label: 'revitalize --version', command: `node ${BIN} --version` });
  await takeTurns(
    recorder,
    runs,
    nodeRuntimes.flatMap((runtime) => [
      { key: 'startup/node', runtime, args: ['-e', '0'] },
      { key: 'startup/version', runtime, args: [BIN, '--version'] },
    ]),
  );
}

async function measureSize(recorder, workspace, runs, outputFolder, runtimes) {
  const { size, dir, summary } = workspace;
  const report = (formats) => ({
    args: [BIN, 'report', dir, '--month', summary.reportMonth, '--format', formats, '-o', outputFolder, '--quiet', '--generated-on', GENERATED_ON],
    command: `node ${BIN} report <ws> --month ${summary.reportMonth} --format ${formats} -o <tmp> --quiet --generated-on ${GENERATED_ON}`,
  });
  const cold = report(REPORT_FORMATS[size]);
  const cache = path.join(dir, CACHE_FOLDER);
  const deleteCache = () => rmSync(cache, { recursive: true, force: true });
  const parseKey = `${size}/parse-only`;
  const reportKey = `${size}/report`;
  // The province's baseline and extra rows on one Node only: each of its runs takes a minute.
  const everyNode = size !== 'province';
  recorder.declare(parseKey, { size, label: 'parse-only', command: `node ${PARSE_ONLY} <ws>`, onNode24: everyNode });
  recorder.declare(reportKey, { size, label: `report ${REPORT_FORMATS[size]} (cold)`, command: cold.command });
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

  const steps = [];
  for (const runtime of runtimes.nodes) {
    if (runtime === 'main' || everyNode) steps.push({ key: parseKey, runtime, args: [PARSE_ONLY, dir], check: sawEveryEntry });
    steps.push({ key: reportKey, runtime, args: cold.args, before: deleteCache });
  }
  if (size === 'township') {
    const markdown = report('md');
    recorder.declare(`${size}/report-md`, { size, label: 'report md (cold)', command: markdown.command });
    for (const runtime of runtimes.nodes) steps.push({ key: `${size}/report-md`, runtime, args: markdown.args, before: deleteCache });
  }
  if (size === 'county') {
    const pythonKey = `${size}/python`;
    recorder.declare(pythonKey, {
      size,
      label: 'Python + PyYAML headline figures',
      command: `python3 ${PYTHON_BASELINE} <ws> ${summary.reportMonth}`,
      program: 'python',
      unavailable: runtimes.python.unavailable,
    });
    // Its step comes last in the first round, so the report its figures are checked against has been written by then.
    const reportFile = path.join(outputFolder, `${summary.reportMonth}.json`);
    const figuresAgree = (stdout) => headlineFiguresDisagreement(stdout, readJson(reportFile), summary.entries);
    if (runtimes.python.python) steps.push({ key: pythonKey, runtime: 'python', args: [PYTHON_BASELINE, dir, summary.reportMonth], check: figuresAgree });
  }
  await takeTurns(recorder, runs, steps);

  if (size === 'county') await measureIncremental(recorder, workspace, runs, cold, runtimes.nodes);
  if (size === 'province') {
    // Node lets its heap grow far past what a run keeps alive when the machine has memory to spare;
    // a heap limit (as a job would set it with NODE_OPTIONS) shows what the report needs.
    const cappedKey = `${size}/report-capped`;
    recorder.declare(cappedKey, {
      size,
      label: `report ${REPORT_FORMATS[size]} (cold, ${HEAP_CAP})`,
      command: `node ${HEAP_CAP} ${cold.command.slice('node '.length)}`,
      onNode24: false,
    });
    await takeTurns(recorder, runs, [{ key: cappedKey, runtime: 'main', args: [HEAP_CAP, ...cold.args], before: deleteCache }]);
  }
}

const HEAP_CAP = '--max-old-space-size=1024';

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function measureIncremental(recorder, { size, dir }, runs, cold, nodeRuntimes) {
  recorder.declare(`${size}/warm`, { size, label: 'report, rerun unchanged', command: cold.command });
  recorder.declare(`${size}/edited`, { size, label: 'report, rerun after one file changed', command: cold.command });
  const editedLog = editedLogPath(dir);
  const original = readFileSync(editedLog);
  let edits = 0;
  try {
    for (const runtime of nodeRuntimes) {
      // Each Node's reruns find the cache a cold run of its own wrote, whatever the cache's format holds of the Node that wrote it.
      rmSync(path.join(dir, CACHE_FOLDER), { recursive: true, force: true });
      await recorder.prepare(runtime, cold.args, `${size} cold report, to fill the cache`);
      await takeTurns(recorder, runs, [{ key: `${size}/warm`, runtime, args: cold.args }]);
      const edit = () => appendFileSync(editedLog, `# bench edit ${++edits}\n`);
      await takeTurns(recorder, runs, [{ key: `${size}/edited`, runtime, args: cold.args, before: edit }]);
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

/** The Node 24 the reports are also run on, installed from the npm registry when needed; or why there is none. */
function findNode24() {
  if (process.versions.node.split('.')[0] === COMPARED_NODE) return { unavailable: `the bench itself runs on Node ${COMPARED_NODE}` };
  try {
    const { node, version } = installNodeMajor(COMPARED_NODE);
    return { node, version };
  } catch (error) {
    return { unavailable: error.message };
  }
}

/** python3 with PyYAML's C loader, for the Python baseline; or why it cannot run. */
function findPython() {
  const probe = spawnSync(PYTHON, ['-c', 'import sys, yaml; yaml.CLoader; print(sys.version.split()[0], yaml.__version__)'], { encoding: 'utf8' });
  if (probe.error) return { unavailable: probe.error.code === 'ENOENT' ? `${PYTHON} not found` : `${PYTHON} does not start: ${probe.error.message}` };
  if (probe.status !== 0) {
    const said = probe.stderr.trim().split('\n').at(-1) ?? '';
    return { unavailable: `PyYAML with its C loader (yaml.CLoader) is not available to ${PYTHON} (${said})` };
  }
  const [python, pyyaml] = probe.stdout.trim().split(' ');
  return { python: PYTHON, version: `Python ${python}, PyYAML ${pyyaml}` };
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
  if (options.runs) return `${options.runs} of every measurement (\`--runs ${options.runs}\`), on each Node`;
  const chosen = ['startup', ...options.sizes].map(
    (name) =>
      `${DEFAULT_RUNS[name]} ${name === 'startup' ? 'for `node -e 0` and `--version`' : `for ${name}${name === 'county' ? ' (the Python baseline too)' : ''}`}`,
  );
  if (options.sizes.includes('county')) chosen.push(`${DEFAULT_RUNS.county} of each county incremental rerun`);
  return `${chosen.join(', ')}; as many on Node 24`;
}

async function main(argv) {
  const options = parseOptions(argv);
  if (options.help) {
    console.log('usage: node scripts/bench/run-bench.mjs [--sizes township,county,county-wide,province] [--runs N] [--keep]');
    return 0;
  }
  // Whatever the build writes, the command must run before anything is timed.
  const built = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new UsageError(`\`node ${BIN} --version\` failed: run \`npm run build\` first (or \`npm run bench\`, which builds)`);

  const node24 = findNode24();
  if (node24.unavailable) log(`not measuring on Node ${COMPARED_NODE}: ${node24.unavailable}`);
  const python = findPython();
  if (python.unavailable) log(`not measuring the Python baseline: ${python.unavailable}`);
  const runtimes = { nodes: node24.node ? ['main', 'node24'] : ['main'], node24, python };
  const machine = {
    ...describeMachine(),
    node24: node24.version ?? `not measured: ${node24.unavailable}`,
    python: python.version ?? `not measured: ${python.unavailable}`,
  };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'revitalize-bench-run-'));
  const workspaces = [];
  const recorder = createRecorder(scratch, runtimes);
  try {
    for (const size of options.sizes) workspaces.push(prepareWorkspace(size));
    await measureStartup(recorder, options.runs ?? DEFAULT_RUNS.startup, runtimes.nodes);
    for (const workspace of workspaces) {
      const outputFolder = mkdtempSync(path.join(scratch, `${workspace.size}-`));
      await measureSize(recorder, workspace, options.runs ?? DEFAULT_RUNS[workspace.size], outputFolder, runtimes);
      // Report files of a big workspace take room; nothing reads them.
      rmSync(outputFolder, { recursive: true, force: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (!options.keep) for (const { dir } of workspaces) rmSync(dir, { recursive: true, force: true });
  }

  const totalMs = performance.now() - benchStartedAt;
  const measurements = recorder.measurements();
  const tables = buildResultTables({ workspaces, measurements, node: machine.node, node24 });
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

  console.log(
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node} (and Node ${machine.node24}), ${machine.python}, ${machine.system}, ${machine.date}\n`,
  );
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
