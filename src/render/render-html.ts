import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';
import { documentParts } from './document-parts.js';
import { renderReportCharts } from './report-charts.js';
import { tableCellPieces } from './table-cell-pieces.js';
import { createTemplateEngine } from './template-engine.js';

/**
 * The HTML report: the Markdown report through markdown-it (raw HTML off, so
 * nothing from a log can become markup), its official document's parts
 * marked with classes (document-parts.ts) that the page's print styles lay
 * out after GB/T 9704, inside one self-contained page, followed by two
 * appendices: the charts, drawn as inline SVG, and the entries behind every
 * figure, each total a `<details>` to open.
 */
export async function renderHtml(report: ReportModel, catalogue: Catalogue, markdown: string, workspace?: string): Promise<string> {
  const { default: MarkdownIt } = await import('markdown-it');
  const body = new MarkdownIt({ html: false, linkify: false, typographer: false })
    .use(documentParts(catalogue.report.document))
    .use(tableCellPieces)
    .render(markdown);
  const charts = await renderReportCharts(report, catalogue);
  const words = catalogue.report;
  const engine = await createTemplateEngine(catalogue, 'html', workspace);
  return engine.renderFileSync('report.html.liquid', {
    report,
    body,
    charts,
    words: {
      chartsHeading: words.appendix(1, words.chartsHeading),
      evidenceHeading: words.appendix(2, words.evidence.heading),
      evidence: words.evidence,
    },
  });
}
