import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';
import { attachmentOutline, documentParts } from './document-parts.js';
import { renderMarkdown } from './render-markdown.js';
import { renderReportCharts } from './report-charts.js';
import { tableCellPieces } from './table-cell-pieces.js';
import type { TemplateEngines } from './template-engine.js';
import { templateEngines } from './template-engine.js';
import { htmlSafeText } from './xml-safe-text.js';

/**
 * The HTML report: the Markdown report through markdown-it (raw HTML off, so
 * nothing from a log can become markup), its official document's parts
 * marked with classes (document-parts.ts) that the page's print styles lay
 * out after GB/T 9704, inside one self-contained page. The charts, drawn as
 * inline SVG, are the document's last attachment, after those the report
 * itself lists (its 附件说明 names them too); the entries behind every
 * figure follow, for the screen only, each total a `<details>` to open.
 * Code points HTML forbids (a control character pasted into a log) are
 * dropped from the whole page, charts included.
 */
export async function renderHtml(
  report: ReportModel,
  catalogue: Catalogue,
  workspace?: string,
  engines: TemplateEngines = templateEngines(catalogue, workspace),
): Promise<string> {
  const { default: MarkdownIt } = await import('markdown-it');
  const charts = await renderReportCharts(report, catalogue);
  const chartsAttachment = charts.length > 0 ? report.attachments.length + 1 : null;
  const markdown = await renderMarkdown(report, catalogue, workspace, { chartsAttachment: chartsAttachment ?? undefined, engines });
  const body = new MarkdownIt({ html: false, linkify: false, typographer: false })
    .use(documentParts(catalogue.report.document))
    .use(attachmentOutline)
    .use(tableCellPieces)
    .render(markdown);
  const words = catalogue.report;
  const engine = await engines('html');
  const page = engine.renderFileSync('report.html.liquid', {
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
  return htmlSafeText(page);
}
