import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';
import type { TemplateEngines } from './template-engine.js';
import { templateEngines } from './template-engine.js';

export interface MarkdownOptions {
  /** For the HTML report: the number of the charts attachment, listed after the others in the 附件说明. */
  chartsAttachment?: number | undefined;
  /** Engines shared with the report's other renders; new ones otherwise. */
  engines?: TemplateEngines | undefined;
}

/** The Markdown report, from the locale's `report.md` template. */
export async function renderMarkdown(report: ReportModel, catalogue: Catalogue, workspace?: string, options: MarkdownOptions = {}): Promise<string> {
  const engine = await (options.engines ?? templateEngines(catalogue, workspace))('markdown');
  // Synchronous rendering: a county's village tables are tens of thousands of filter calls, and a promise for each costs more than the work.
  const markdown = engine.renderFileSync('report.md.liquid', { ...templateContext(report), charts_attachment: options.chartsAttachment ?? null });
  // Sections that are left out leave blank lines behind; Markdown needs only one between blocks.
  return `${markdown.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/**
 * What templates see: the model as `report`, each pillar's section under its
 * id (`sections.night-talk`), and each metric row by pillar and short name
 * (`m.night-talk.resolution-rate.ytd`). docs/format.md lists them.
 */
export function templateContext(report: ReportModel): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  const m: Record<string, Record<string, unknown>> = {};
  for (const section of report.sections) {
    sections[section.id] = section;
    m[section.id] = Object.fromEntries(section.rows.map((row) => [row.key.slice(section.id.length + 1), row]));
  }
  return { report, sections, m };
}
