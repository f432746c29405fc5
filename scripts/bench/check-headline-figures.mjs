/**
 * Keeps the Python baseline honest: a script that read fewer logs, or
 * computed other figures, than the report would make the comparison
 * meaningless. Its figures (headline-figures.py) must match the JSON
 * report's `metrics` for the month and the year to date, every one it
 * prints, and it must print at least the headline ones.
 */

/** The figures the baseline must compute, whatever else it does. */
export const REQUIRED_FIGURES = [
  'night-talk.suggestions',
  'night-talk.resolved',
  'night-talk.resolution-rate',
  'organization.investment',
  'talent.cultivated',
  'ecology.average-score',
];
const WINDOWS = ['month', 'ytd'];
const SHOWN_DISAGREEMENTS = 3;

/**
 * Why the baseline's output cannot stand beside the report, or undefined when it can.
 * @param {string} stdout what headline-figures.py printed
 * @param {{ metrics: Record<string, Record<string, number | null>> } | undefined} report the JSON report of the same month
 * @param {number} expectedEntries how many entries the workspace holds
 */
export function headlineFiguresDisagreement(stdout, report, expectedEntries) {
  let seen;
  try {
    seen = JSON.parse(stdout);
  } catch {
    return `printed no figures: ${JSON.stringify(stdout.slice(0, 100))}`;
  }
  if (seen?.entries !== expectedEntries) return `read ${seen?.entries} entries, expected ${expectedEntries}`;
  if (!report?.metrics) return 'no JSON report to compare its figures with';
  const figures = seen.figures ?? {};
  const missing = REQUIRED_FIGURES.filter((key) => !figures[key]);
  if (missing.length > 0) return `computed no ${missing.join(', ')}`;
  const disagreements = [];
  for (const [key, byWindow] of Object.entries(figures)) {
    const reported = report.metrics[key];
    if (!reported) {
      disagreements.push(`${key} is not a figure of the report`);
      continue;
    }
    for (const window of WINDOWS) {
      if (!sameFigure(byWindow[window], reported[window])) disagreements.push(`${key} ${window} ${byWindow[window]} against ${reported[window]}`);
    }
  }
  if (disagreements.length === 0) return undefined;
  const more = disagreements.length > SHOWN_DISAGREEMENTS ? ` and ${disagreements.length - SHOWN_DISAGREEMENTS} more` : '';
  return `figures disagree with the JSON report: ${disagreements.slice(0, SHOWN_DISAGREEMENTS).join('; ')}${more}`;
}

// Means and rates are divisions done in two languages: equal to the last few bits.
function sameFigure(computed, reported) {
  if (computed === null || reported === null || computed === undefined || reported === undefined) return computed === reported;
  return typeof computed === 'number' && typeof reported === 'number' && Math.abs(computed - reported) <= 1e-9 * Math.max(1, Math.abs(reported));
}
