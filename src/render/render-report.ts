/**
 * One report model, many formats: the renderers are chosen from a table, so
 * an unknown format is refused up front rather than falling through. The
 * libraries behind DOCX, XLSX, charts and PDF are loaded only when their
 * format is asked for, so a Markdown report stays fast.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';
import { templateEngines } from './template-engine.js';

export const REPORT_FORMATS = ['md', 'html', 'json', 'csv', 'xlsx', 'docx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Text formats are strings; office documents and PDF are bytes. */
export type RenderedReport = string | Uint8Array;

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Formats that show the entries behind every figure (the HTML appendix, and the PDF printed from it). */
export function showsEvidence(format: ReportFormat): boolean {
  return format === 'html' || format === 'pdf';
}

export interface RenderOptions {
  /** The workspace folder, whose `templates/` may override the built-in templates. */
  workspace?: string | undefined;
  /** The Chromium to print PDF with; required for `pdf`. */
  chromium?: string | undefined;
}

interface RenderContext extends RenderOptions {
  report: ReportModel;
  catalogue: Catalogue;
  /** The Markdown and HTML reports, rendered once however many formats need them. */
  markdown: () => Promise<string>;
  html: () => Promise<string>;
}

const RENDERERS: Record<ReportFormat, (context: RenderContext) => Promise<RenderedReport>> = {
  md: ({ markdown }) => markdown(),
  html: ({ html }) => html(),
  json: async ({ report }) => renderJson(report),
  csv: async ({ report, catalogue }) => (await import('./render-csv.js')).renderCsv(report, catalogue),
  xlsx: async ({ report, catalogue }) => (await import('./render-xlsx.js')).renderXlsx(report, catalogue),
  docx: async ({ report, catalogue, markdown }) =>
    (await import('./render-docx.js')).renderDocx(await markdown(), {
      title: report.heading,
      region: report.region,
      locale: report.locale,
      generatedOn: report.generatedOn,
      words: catalogue.report.document,
    }),
  pdf: async ({ report, html, chromium }) => {
    if (!chromium) throw new Error('renderReport: pdf needs the path of a Chromium');
    return (await import('./print-pdf.js')).printPdf(await html(), { chromium, generatedOn: report.generatedOn });
  },
};

/** Every requested format, rendered in memory before anything is written. */
export async function renderReport(
  report: ReportModel,
  catalogue: Catalogue,
  formats: readonly ReportFormat[],
  options: RenderOptions = {},
): Promise<Map<ReportFormat, RenderedReport>> {
  let markdown: Promise<string> | undefined;
  let html: Promise<string> | undefined;
  const engines = templateEngines(catalogue, options.workspace);
  const context: RenderContext = {
    ...options,
    report,
    catalogue,
    markdown: () => (markdown ??= renderMarkdown(report, catalogue, options.workspace, { engines })),
    html: () => (html ??= renderHtml(report, catalogue, options.workspace, engines)),
  };
  const rendered = new Map<ReportFormat, RenderedReport>();
  for (const format of formats) rendered.set(format, await RENDERERS[format](context));
  return rendered;
}
