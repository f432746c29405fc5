import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';
import { createTemplateEngine } from './template-engine.js';

/**
 * The HTML report: the Markdown report through markdown-it (raw HTML off, so
 * nothing from a log can become markup), inside one self-contained page.
 */
export async function renderHtml(report: ReportModel, catalogue: Catalogue, markdown: string, workspace?: string): Promise<string> {
  const { default: MarkdownIt } = await import('markdown-it');
  const body = new MarkdownIt({ html: false, linkify: false, typographer: false }).render(markdown);
  const engine = await createTemplateEngine(catalogue, 'html', workspace);
  return engine.renderFile('report.html.liquid', { report, body });
}
