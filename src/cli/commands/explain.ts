/**
 * `revitalize explain <metric>`: the entries behind one figure, one a line,
 * `FILE:LINE  date  village  summary`, so a clerk can answer "where does
 * this 93 come from?" and find the entry to correct.
 */
import { loadWorkspace } from '../../load/load-workspace.js';
import { metricInput } from '../../metrics/compute-metrics.js';
import { METRIC_KEYS, metricDefinition } from '../../metrics/metric-definitions.js';
import type { WindowKey } from '../../metrics/report-period.js';
import { WINDOW_KEYS, dayOf, resolveMonth } from '../../metrics/report-period.js';
import { hasErrors } from '../../problems/problem.js';
import { formatFigure } from '../../render/format-figure.js';
import type { ExplainedItem, Explanation } from '../../report/explain-metric.js';
import { explainMetric } from '../../report/explain-metric.js';
import { nearestName } from '../../validate/nearest-name.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, openingWorkspace, runDay, workspacePath } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { formatProblems } from '../print-problems.js';

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
  if (!(WINDOW_KEYS as readonly string[]).includes(options.window)) throw new ExitError(usage.explain.badWindow(options.window, WINDOW_KEYS));
  if (!(EXPLAIN_FORMATS as readonly string[]).includes(options.format)) throw new ExitError(usage.cli.badFormat(options.format, EXPLAIN_FORMATS));
  const now = runDay(io, undefined, usage);
  const month = resolveMonth(options.month, now);
  if (!month) throw new ExitError(usage.cli.badMonth(options.month));

  const loaded = await openingWorkspace(workspaceArg, usage, () =>
    loadWorkspace(workspacePath(workspaceArg, io.cwd), { today: dayOf(now), ...(io.fs ? { fs: io.fs } : {}) }),
  );
  const catalogue = messageCatalogue(options, loaded.locale);
  if (hasErrors(loaded.problems)) {
    io.stderr(formatProblems(loaded.problems, catalogue, { color: io.colors.stderr, sources: loaded.sources }));
    io.stderr(`${catalogue.cli.errorsFound(loaded.problems.filter((p) => p.severity === 'error').length)}\n`);
    return EXIT.dataErrors;
  }
  const explanation = explainMetric(metric, month, options.window as WindowKey, metricInput(loaded.entries, loaded.suggestions), catalogue);
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
