/**
 * `revitalize explain <metric>`: the entries behind one figure, one a line,
 * `FILE:LINE  date  village  summary`, so a clerk can answer "where does
 * this 93 come from?" and find the entry to correct.
 */
import { metricInput } from '../../metrics/compute-metrics.js';
import { METRIC_KEYS, metricDefinition } from '../../metrics/metric-definitions.js';
import { WINDOW_KEYS, dayOf, resolveMonth } from '../../metrics/report-period.js';
import { formatFigure } from '../../render/format-figure.js';
import type { ExplainedItem, Explanation } from '../../report/explain-metric.js';
import { explainMetric } from '../../report/explain-metric.js';
import { nearestName } from '../../validate/nearest-name.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, oneOf, openCheckedWorkspace, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';

export const EXPLAIN_FORMATS = ['text', 'json'] as const;

export interface ExplainCommandOptions extends GlobalOptions {
  month: string;
  window: string;
  format: string;
}

export async function explainCommand(
  metricArg: string,
  workspaceArg: string | undefined,
  options: ExplainCommandOptions,
  io: CliIO,
): Promise<number> {
  const usage = messageCatalogue(options);
  const metric = metricDefinition(metricArg.trim());
  if (!metric) throw new ExitError(usage.explain.unknownMetric(metricArg, nearestName(metricArg, METRIC_KEYS)));
  const window = oneOf(options.window, WINDOW_KEYS, usage.explain.badWindow);
  oneOf(options.format, EXPLAIN_FORMATS, usage.cli.badFormat);
  const now = runDay(io, undefined, usage);
  const month = resolveMonth(options.month, now);
  if (!month) throw new ExitError(usage.cli.badMonth(options.month));

  const { loaded, catalogue } = await openCheckedWorkspace(workspaceArg, options, io, dayOf(now), (c, n) => c.cli.fixErrorsFirst(n));
  const explanation = explainMetric(metric, month, window, metricInput(loaded.entries, loaded.suggestions), catalogue);
  io.stdout(options.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : explanationText(explanation, catalogue));
  return EXIT.ok;
}

function explanationText(explanation: Explanation, catalogue: Catalogue): string {
  const words = catalogue.explain;
  const figure = formatFigure(explanation.value, explanation.unit, catalogue.locale);
  const lines = [
    words.heading(explanation.label, explanation.key, catalogue.windows[explanation.window], catalogue.formatMonth(explanation.month), figure),
  ];
  const list = (items: ExplainedItem[]) => items.map((item) => `  ${item.file}:${item.line}  ${item.date}  ${item.village ?? '—'}  ${item.summary}`);
  if ('numerator' in explanation) {
    lines.push(words.numerator(explanation.numerator.length), ...list(explanation.numerator));
    lines.push(words.denominator(explanation.denominator.length), ...list(explanation.denominator));
  } else {
    lines.push(words.items(explanation.items.length), ...list(explanation.items));
    if (explanation.unit !== 'count' && explanation.unit !== 'score') lines.push(words.total(figure));
  }
  return `${lines.join('\n')}\n`;
}
