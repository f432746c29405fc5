/**
 * `revitalize metrics`: every figure of the report, pillar by pillar, with
 * its key and name (unit) and how it is counted, in the workspace's
 * language. These are what `explain` takes, by key or by name, and what a
 * target in revitalize.yaml names.
 */
import { stat } from 'node:fs/promises';
import { readWorkspaceLocale } from '../../load/load-workspace.js';
import { METRICS } from '../../metrics/metric-definitions.js';
import { PILLARS } from '../../schema/log-schema.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, workspacePath } from '../command-context.js';
import { ExitError } from '../exit-error.js';

export async function metricsCommand(workspaceArg: string | undefined, options: GlobalOptions, io: CliIO): Promise<number> {
  const root = workspacePath(workspaceArg, io.cwd);
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) {
    throw new ExitError(messageCatalogue(options).cli.noWorkspace(workspaceArg ?? '.'));
  }
  // Only the config's language is read: the list is the same for every workspace.
  const catalogue = messageCatalogue(options, await readWorkspaceLocale(root));
  const words = catalogue.metricList;
  const keyWidth = Math.max(...METRICS.map((metric) => metric.key.length));
  const lines = [words.heading(METRICS.length)];
  for (const pillar of PILLARS) {
    lines.push('', catalogue.pillars[pillar]);
    for (const metric of METRICS.filter((m) => m.pillar === pillar)) {
      const term = catalogue.metricTerms[metric.key];
      lines.push(
        `  ${metric.key.padEnd(keyWidth)}  ${words.nameWithUnit(term.name, term.unit)}`,
        `  ${' '.repeat(keyWidth)}  ${catalogue.metricCounting[metric.key]}`,
      );
    }
  }
  lines.push('', words.footer);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
