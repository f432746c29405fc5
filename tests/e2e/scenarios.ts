/**
 * The end-to-end scenario table. Each scenario copies a fixture workspace to
 * a fresh folder as `ws`, runs the command there, and is compared with its
 * golden files in tests/golden/<name>/ (update them with `npm run golden:update`,
 * then review the diff like code).
 */
export interface Scenario {
  name: string;
  /** Workspace to copy to `ws`, relative to the repository. */
  fixture?: string;
  args: string[];
  exitCode: number;
}

export const SCENARIOS: Scenario[] = [
  // Reports that are written
  { name: 'example-jinkouhe', fixture: 'examples/jinkouhe', args: ['report', 'ws', '--month', '2023-04', '--format', 'md,html,json,csv'], exitCode: 0 },
  { name: 'example-riverside', fixture: 'examples/riverside', args: ['report', 'ws', '-m', '2023-04', '-f', 'md,json'], exitCode: 0 },
  { name: 'edges-leap-february', fixture: 'tests/fixtures/edges', args: ['report', 'ws', '--month', '2024-02', '--format', 'md,html,json'], exitCode: 0 },
  {
    name: 'edges-january-json-stdout',
    fixture: 'tests/fixtures/edges',
    args: ['report', 'ws', '--month', '2024-01', '--format', 'json', '-o', '-'],
    exitCode: 0,
  },
  {
    name: 'month-written-in-chinese',
    fixture: 'examples/riverside',
    args: ['report', 'ws', '--month', '2023年4月', '--format', 'json', '-o', '-'],
    exitCode: 0,
  },
  {
    name: 'quiet-success',
    fixture: 'tests/fixtures/edges',
    args: ['report', 'ws', '--month', '2024-02', '--quiet', '--generated-on', '2024年3月1日'],
    exitCode: 0,
  },
  { name: 'quiet-still-reports-errors', fixture: 'tests/fixtures/unknown-kind', args: ['report', 'ws', '--month', '2023-04', '--quiet'], exitCode: 1 },
  { name: 'usage-bad-generated-on', fixture: 'tests/fixtures/edges', args: ['report', 'ws', '--generated-on', '2024-02-30'], exitCode: 2 },
  {
    name: 'edges-output-folder',
    fixture: 'tests/fixtures/edges',
    args: ['report', 'ws', '--month', '2024-03', '--format', 'md', '-o', 'out/monthly'],
    exitCode: 0,
  },
  { name: 'hostile-text', fixture: 'tests/fixtures/hostile-text', args: ['report', 'ws', '--month', '2023-04', '--format', 'md,html'], exitCode: 0 },
  { name: 'custom-log-globs', fixture: 'tests/fixtures/custom-logs', args: ['report', 'ws', '--month', '2023-04', '--format', 'json', '-o', '-'], exitCode: 0 },
  { name: 'folder-matched-by-glob', fixture: 'tests/fixtures/folder-glob', args: ['check', 'ws'], exitCode: 0 },
  { name: 'custom-template', fixture: 'tests/fixtures/custom-template', args: ['report', 'ws', '--month', '2023-04', '--format', 'md,html'], exitCode: 0 },
  { name: 'empty-workspace', fixture: 'tests/fixtures/empty-workspace', args: ['report', 'ws', '--month', '2023-04', '--format', 'json'], exitCode: 0 },

  // Data errors: every problem at once, nothing written, exit 1
  { name: 'bad-syntax', fixture: 'tests/fixtures/bad-syntax', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  { name: 'bad-type', fixture: 'tests/fixtures/bad-type', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  { name: 'unknown-kind', fixture: 'tests/fixtures/unknown-kind', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  { name: 'dangling-ref', fixture: 'tests/fixtures/dangling-ref', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  { name: 'many-problems', fixture: 'tests/fixtures/many-problems', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  { name: 'no-config', fixture: 'tests/fixtures/no-config', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  { name: 'bad-config', fixture: 'tests/fixtures/bad-config', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  { name: 'alias-bomb', fixture: 'tests/fixtures/alias-bomb', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  { name: 'template-typo', fixture: 'tests/fixtures/template-typo', args: ['report', 'ws', '--month', '2023-04', '--format', 'md'], exitCode: 1 },
  { name: 'template-escape', fixture: 'tests/fixtures/template-escape', args: ['report', 'ws', '--month', '2023-04', '--format', 'md'], exitCode: 1 },
  { name: 'check-finds-template-typo', fixture: 'tests/fixtures/template-typo', args: ['check', 'ws'], exitCode: 1 },
  { name: 'english-errors', fixture: 'tests/fixtures/english-errors', args: ['report', 'ws', '--month', '2023-04'], exitCode: 1 },
  // One mistake, one problem: nothing said again of the lines and entries it throws off
  { name: 'tab-indentation-reported-once', fixture: 'tests/fixtures/tab-indentation', args: ['check', 'ws'], exitCode: 1 },
  { name: 'refused-suggestion-keeps-its-id', fixture: 'tests/fixtures/refused-suggestion', args: ['check', 'ws'], exitCode: 1 },

  // Checking, in either language
  { name: 'check-many-problems-in-english', fixture: 'tests/fixtures/many-problems', args: ['--locale', 'en', 'check', 'ws'], exitCode: 1 },
  { name: 'check-json', fixture: 'tests/fixtures/dangling-ref', args: ['check', 'ws', '--format', 'json'], exitCode: 1 },
  { name: 'check-strict-warnings', fixture: 'tests/fixtures/edges', args: ['check', 'ws', '--strict'], exitCode: 1 },
  { name: 'check-clean-example', fixture: 'examples/jinkouhe', args: ['check', 'ws'], exitCode: 0 },

  // Explaining a figure
  {
    name: 'explain-resolution-rate',
    fixture: 'tests/fixtures/edges',
    args: ['explain', 'night-talk.resolution-rate', 'ws', '--month', '2024-02', '--window', 'ytd'],
    exitCode: 0,
  },
  {
    name: 'explain-sales-in-english',
    fixture: 'examples/riverside',
    args: ['explain', 'organization.sales-jin', 'ws', '-m', '2023-04', '-w', 'ytd'],
    exitCode: 0,
  },
  { name: 'explain-with-data-errors', fixture: 'tests/fixtures/dangling-ref', args: ['explain', 'night-talk.resolved', 'ws', '-m', '2023-04'], exitCode: 1 },
  { name: 'usage-explain-unknown-metric', fixture: 'tests/fixtures/edges', args: ['explain', 'night-talk.reslved', 'ws'], exitCode: 2 },
  { name: 'metrics-list', fixture: 'examples/jinkouhe', args: ['metrics', 'ws'], exitCode: 0 },
  { name: 'metrics-list-in-english', fixture: 'examples/riverside', args: ['metrics', 'ws'], exitCode: 0 },

  // The dashboard
  { name: 'summary-april', fixture: 'examples/jinkouhe', args: ['summary', 'ws', '--month', '2023-04'], exitCode: 0 },
  { name: 'summary-with-warnings', fixture: 'tests/fixtures/edges', args: ['summary', 'ws', '--month', '2024-02'], exitCode: 0 },
  { name: 'summary-with-errors', fixture: 'tests/fixtures/bad-type', args: ['summary', 'ws', '--month', '2023-04'], exitCode: 1 },

  // A new workspace
  { name: 'init-new-workspace', args: ['init', 'ws', '--region', '乐山市金口河区永胜乡'], exitCode: 0 },
  { name: 'init-refuses-existing', fixture: 'tests/fixtures/edges', args: ['init', 'ws'], exitCode: 2 },

  // Templates of one's own
  { name: 'templates-list-with-own', fixture: 'tests/fixtures/custom-template', args: ['templates', 'list', 'ws'], exitCode: 0 },
  { name: 'templates-eject-keeps-own', fixture: 'tests/fixtures/custom-template', args: ['templates', 'eject', 'ws'], exitCode: 0 },
  { name: 'templates-eject-english', fixture: 'examples/riverside', args: ['templates', 'eject', 'ws'], exitCode: 0 },

  // The suggestion ledger
  { name: 'suggestions-open', fixture: 'examples/jinkouhe', args: ['suggestions', 'ws', '--month', '2023-02', '--open'], exitCode: 0 },
  { name: 'suggestions-csv-in-english', fixture: 'examples/riverside', args: ['suggestions', 'ws', '-m', '2023-04', '--format', 'csv'], exitCode: 0 },
  { name: 'suggestions-json', fixture: 'tests/fixtures/edges', args: ['suggestions', 'ws', '-m', '2024-02', '--format', 'json'], exitCode: 0 },

  // District rollups of township JSON reports: written, or refused with every reason at once (exit 1)
  {
    name: 'rollup-two-townships',
    fixture: 'tests/fixtures/rollup-townships',
    args: ['rollup', 'ws/north.json', 'ws/south.json', '--region', '示例县', '--format', 'md,json', '--generated-on', '2023-05-01'],
    exitCode: 0,
  },
  {
    name: 'rollup-with-district-config',
    fixture: 'tests/fixtures/rollup-townships',
    args: ['rollup', 'ws/north.json', 'ws/south.json', '--config', 'ws/district.yaml', '-f', 'md', '-o', '-', '--generated-on', '2023-05-01'],
    exitCode: 0,
  },
  {
    name: 'rollup-in-english',
    fixture: 'tests/fixtures/rollup-townships',
    args: ['--locale', 'en', 'rollup', 'ws/north.json', 'ws/south.json', '--region', 'Example County', '-f', 'md', '-o', '-'],
    exitCode: 0,
  },
  {
    name: 'rollup-refuses-other-month',
    fixture: 'tests/fixtures/rollup-mismatched',
    args: ['rollup', 'ws/north.json', 'ws/south-march.json', '--region', '示例县'],
    exitCode: 1,
  },
  {
    name: 'rollup-refuses-same-township',
    fixture: 'tests/fixtures/rollup-mismatched',
    args: ['rollup', 'ws/north.json', 'ws/north-resent.json', '--region', '示例县'],
    exitCode: 1,
  },
  {
    name: 'rollup-refuses-shared-village',
    fixture: 'tests/fixtures/rollup-mismatched',
    args: ['rollup', 'ws/north.json', 'ws/west.json', '--region', '示例县'],
    exitCode: 1,
  },
  { name: 'rollup-refuses-broken-json', fixture: 'tests/fixtures/rollup-bad-files', args: ['rollup', 'ws/broken.json', '--region', '示例县'], exitCode: 1 },
  { name: 'rollup-refuses-not-a-report', fixture: 'tests/fixtures/rollup-bad-files', args: ['rollup', 'ws/problems.json', '--region', '示例县'], exitCode: 1 },
  {
    name: 'rollup-refuses-old-version-in-english',
    fixture: 'tests/fixtures/rollup-bad-files',
    args: ['--locale', 'en', 'rollup', 'ws/old.json', '--region', 'Example County'],
    exitCode: 1,
  },
  {
    name: 'rollup-refuses-wrong-shape',
    fixture: 'tests/fixtures/rollup-bad-files',
    args: ['rollup', 'ws/wrong-shape.json', '--region', '示例县'],
    exitCode: 1,
  },
  {
    name: 'rollup-lists-every-problem',
    fixture: 'tests/fixtures/rollup-bad-files',
    args: ['rollup', 'ws/broken.json', 'ws/problems.json', 'ws/old.json', 'ws/wrong-shape.json', '--region', '示例县'],
    exitCode: 1,
  },
  {
    name: 'rollup-bad-district-config',
    fixture: 'tests/fixtures/rollup-bad-files',
    args: ['rollup', 'ws/broken.json', '--config', 'ws/district.yaml'],
    exitCode: 1,
  },
  { name: 'usage-rollup-without-region', args: ['rollup', 'north.json', 'south.json'], exitCode: 2 },
  { name: 'usage-rollup-missing-file', args: ['rollup', 'nowhere.json', '--region', '示例县'], exitCode: 2 },

  // Help, in one language at a time
  { name: 'help-report', args: ['report', '--help'], exitCode: 0 },
  { name: 'help-rollup', args: ['rollup', '--help'], exitCode: 0 },
  { name: 'help-in-english', args: ['--locale', 'en', '--help'], exitCode: 0 },

  // Usage errors: exit 2, nothing read or written
  { name: 'usage-bad-month-in-english', args: ['report', '--month', 'April', '--locale', 'en'], exitCode: 2 },
  { name: 'usage-bad-locale', args: ['check', '--locale', 'fr'], exitCode: 2 },
  { name: 'usage-bad-month', fixture: 'tests/fixtures/edges', args: ['report', 'ws', '--month', '2024-13'], exitCode: 2 },
  { name: 'usage-future-month', fixture: 'tests/fixtures/edges', args: ['report', 'ws', '--month', '2030-01'], exitCode: 2 },
  { name: 'future-month-allowed', fixture: 'tests/fixtures/edges', args: ['check', 'ws', '--month', '2024-04', '--allow-future'], exitCode: 0 },
  { name: 'usage-bad-format', fixture: 'tests/fixtures/edges', args: ['report', 'ws', '--month', '2024-02', '--format', 'md,pdff'], exitCode: 2 },
  {
    name: 'usage-stdout-two-formats',
    fixture: 'tests/fixtures/edges',
    args: ['report', 'ws', '--month', '2024-02', '--format', 'md,json', '-o', '-'],
    exitCode: 2,
  },
  { name: 'usage-no-workspace', args: ['report', 'nowhere', '--month', '2024-02'], exitCode: 2 },
  { name: 'usage-unknown-option', fixture: 'tests/fixtures/edges', args: ['report', 'ws', '--mnth', '2024-02'], exitCode: 2 },
  { name: 'usage-unknown-command', args: ['reprot'], exitCode: 2 },
  {
    name: 'output-would-be-read-as-log',
    fixture: 'tests/fixtures/output-clash',
    args: ['report', 'ws', '--month', '2023-04', '--format', 'json', '-o', 'ws/data'],
    exitCode: 2,
  },
  { name: 'output-not-writable', fixture: 'tests/fixtures/edges', args: ['report', 'ws', '--month', '2024-02', '-o', 'ws/revitalize.yaml/out'], exitCode: 2 },
];
