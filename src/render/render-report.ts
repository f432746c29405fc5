/**
 * One report model, many formats: the renderers are chosen from a table, so
 * an unknown format is refused up front rather than falling through.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

interface RenderContext {
  report: ReportModel;
  catalogue: Catalogue;
  /** The workspace folder, whose `templates/` may override the built-in templates. */
  workspace: string | undefined;
  /** The Markdown report, rendered once however many formats need it. */
  markdown: () => Promise<string>;
}

const RENDERERS: Record<ReportFormat, (context: RenderContext) => Promise<string>> = {
  md: ({ markdown }) => markdown(),
  html: async ({ report, catalogue, workspace, markdown }) => renderHtml(report, catalogue, await markdown(), workspace),
  json: async ({ report }) => renderJson(report),
};

/** Every requested format, rendered in memory before anything is written. */
export async function renderReport(
  report: ReportModel,
  catalogue: Catalogue,
  formats: readonly ReportFormat[],
  workspace?: string,
): Promise<Map<ReportFormat, string>> {
  let markdown: Promise<string> | undefined;
  const context: RenderContext = {
    report,
    catalogue,
    workspace,
    markdown: () => (markdown ??= renderMarkdown(report, catalogue, workspace)),
  };
  const rendered = new Map<ReportFormat, string>();
  for (const format of formats) rendered.set(format, await RENDERERS[format](context));
  return rendered;
}
