/** The words of `--help`: every description, example and heading, per language. */
export interface HelpText {
  /** Commander's section titles ('Usage:', 'Options:', ...) in this language. */
  titles: Record<string, string>;
  defaultValue: (value: string) => string;
  examples: string;
  exitCodes: string[];
  workspace: string;
  program: { description: string; version: string; help: string; locale: string; debug: string; helpCommand: string };
  init: { description: string; dir: string; region: string; examples: string[] };
  add: { description: string; kind: string; village: string; date: string; set: string; examples: string[] };
  resolve: { description: string; id: string; date: string; note: string; examples: string[] };
  sheet: { description: string; month: string; village: string; output: string; examples: string[] };
  import: { description: string; files: string; workspace: string; dryRun: string; examples: string[] };
  report: {
    description: string;
    month: string;
    format: string;
    output: string;
    generatedOn: string;
    quiet: string;
    strict: string;
    allowFuture: string;
    watch: string;
    examples: string[];
  };
  rollup: {
    description: string;
    reports: string;
    region: string;
    config: string;
    format: string;
    output: string;
    generatedOn: string;
    quiet: string;
    examples: string[];
  };
  check: { description: string; strict: string; format: string; month: string; examples: string[] };
  explain: { description: string; metric: string; month: string; window: string; format: string; examples: string[] };
  metrics: { description: string; examples: string[] };
  summary: { description: string; month: string; examples: string[] };
  suggestions: { description: string; month: string; open: string; format: string; examples: string[] };
  templates: { description: string; list: string; eject: string; examples: string[] };
}
