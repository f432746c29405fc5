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

type Renderer = (report: ReportModel, catalogue: Catalogue, markdown: () => Promise<string>) => Promise<string>;

const RENDERERS: Record<ReportFormat, Renderer> = {
  md: (_report, _catalogue, markdown) => markdown(),
  html: async (report, catalogue, markdown) => renderHtml(report, catalogue, await markdown()),
  json: async (report) => renderJson(report),
};

/** Every requested format, rendered in memory before anything is written. */
export async function renderReport(
  report: ReportModel,
  catalogue: Catalogue,
  formats: readonly ReportFormat[],
): Promise<Map<ReportFormat, string>> {
  let markdown: Promise<string> | undefined;
  const once = () => (markdown ??= renderMarkdown(report, catalogue));
  const rendered = new Map<ReportFormat, string>();
  for (const format of formats) rendered.set(format, await RENDERERS[format](report, catalogue, once));
  return rendered;
}
