/**
 * `revitalize explain <metric>`: the entries behind one figure, one a line,
 * `FILE:LINE  date  village  summary`, so a clerk can answer "where does
 * this 93 come from?" and find the entry to correct. The metric is named by
 * its key or by its name in either language (`explain 办结率`).
 */
import { catalogueFor } from '../../i18n/catalogues.js';
import { LOCALES } from '../../i18n/locale.js';
import { readWorkspaceLocale } from '../../load/load-workspace.js';
import { metricInput } from '../../metrics/compute-metrics.js';
import type { MetricDefinition } from '../../metrics/metric-definitions.js';
import { WINDOW_KEYS, dayOf } from '../../metrics/report-period.js';
import { formatFigure } from '../../figures/format-figure.js';
import type { ExplainedItem, Explanation } from '../../report/explain-metric.js';
import { explainMetric } from '../../report/explain-metric.js';
import { metricByName } from '../../report/metric-by-name.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, oneOf, openCheckedWorkspace, readMonth, runDay, workspacePath } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { printableText } from '../../printable-text.js';

export const EXPLAIN_FORMATS = ['text', 'json'] as const;

export interface ExplainCommandOptions extends GlobalOptions {
  month: string;
  window: string;
  format: string;
}

export async function explainCommand(metricArg: string, workspaceArg: string | undefined, options: ExplainCommandOptions, io: CliIO): Promise<number> {
  const usage = messageCatalogue(options);
  const metric = await namedMetric(metricArg, workspaceArg, options, io);
  const window = oneOf(options.window, WINDOW_KEYS, usage.explain.badWindow);
  oneOf(options.format, EXPLAIN_FORMATS, usage.cli.badFormat);
  const now = runDay(io, undefined, usage);
  const month = readMonth(options.month, now, usage);

  const { loaded, catalogue } = await openCheckedWorkspace(workspaceArg, options, io, dayOf(now), (c, n) => c.cli.fixErrorsFirst(n));
  const explanation = explainMetric(metric, month, window, metricInput(loaded.entries, loaded.suggestions), catalogue);
  io.stdout(options.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : explanationText(explanation, catalogue));
  return EXIT.ok;
}

/** The metric named, or a usage error in the workspace's language that suggests the nearest name and points at `revitalize metrics`. */
async function namedMetric(typed: string, workspaceArg: string | undefined, options: GlobalOptions, io: CliIO): Promise<MetricDefinition> {
  const byName = (first: Catalogue) => metricByName(typed, [first, ...LOCALES.filter((locale) => locale !== first.locale).map(catalogueFor)]);
  const found = byName(messageCatalogue(options));
  if (found.metric) return found.metric;
  // Only now is the config read for its language: the names of that language are suggested first.
  const catalogue = messageCatalogue(options, await readWorkspaceLocale(workspacePath(workspaceArg, io.cwd)));
  throw new ExitError(catalogue.explain.unknownMetric(typed, byName(catalogue).suggestion));
}

function explanationText(explanation: Explanation, catalogue: Catalogue): string {
  const words = catalogue.explain;
  const figure = formatFigure(explanation.value, explanation.unit, catalogue.locale);
  const lines = [words.heading(explanation.label, explanation.key, catalogue.windows[explanation.window], catalogue.formatMonth(explanation.month), figure)];
  const list = (items: ExplainedItem[]) =>
    items.map((item) => `  ${printableText(`${item.file}:${item.line}`)}  ${item.date}  ${printableText(item.village ?? '—')}  ${printableText(item.summary)}`);
  if ('numerator' in explanation) {
    lines.push(words.numerator(explanation.numerator.length), ...list(explanation.numerator));
    lines.push(words.denominator(explanation.denominator.length), ...list(explanation.denominator));
  } else {
    lines.push(words.items(explanation.items.length), ...list(explanation.items));
    if (explanation.unit !== 'count' && explanation.unit !== 'score') lines.push(words.total(figure));
  }
  return `${lines.join('\n')}\n`;
}
