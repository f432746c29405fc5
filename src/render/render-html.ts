import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';
import { renderReportCharts } from './report-charts.js';
import { createTemplateEngine } from './template-engine.js';

/**
 * The charts are the document's last attachment (附件N), after those the
 * report itself lists; until it lists any, they are 附件1.
 */
export const DEFAULT_CHARTS_ATTACHMENT = 1;

/**
 * The HTML report: the Markdown report through markdown-it (raw HTML off, so
 * nothing from a log can become markup), inside one self-contained page,
 * followed by the charts, drawn as inline SVG, as the last attachment, and
 * for the screen the entries behind every figure, each total a `<details>`
 * to open.
 */
export async function renderHtml(
  report: ReportModel,
  catalogue: Catalogue,
  markdown: string,
  workspace?: string,
  chartsAttachment = DEFAULT_CHARTS_ATTACHMENT,
): Promise<string> {
  const { default: MarkdownIt } = await import('markdown-it');
  const body = new MarkdownIt({ html: false, linkify: false, typographer: false }).render(markdown);
  const charts = await renderReportCharts(report, catalogue);
  const words = catalogue.report;
  const engine = await createTemplateEngine(catalogue, 'html', workspace);
  return engine.renderFileSync('report.html.liquid', {
    report,
    body,
    charts,
    charts_attachment: chartsAttachment,
    words: {
      chartsHeading: words.chartsHeading,
      evidenceHeading: words.evidence.heading,
      evidence: words.evidence,
    },
  });
}
