/**
 * The template engine (LiquidJS) as reports use it: sandboxed, strict about
 * unknown variables and filters, and escaping every value it prints, for
 * Markdown or for HTML. A workspace may override any built-in template by
 * putting its own at the same place under its `templates/` folder; templates
 * can only include other templates from these folders, nothing else on disk.
 * Loaded only when a template is rendered.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Liquid } from 'liquidjs';
import type { Catalogue } from '../i18n/catalogue.js';
import { searchOptions } from '../load/glob-syntax.js';
import type { Change } from '../metrics/compare-figures.js';
import type { MetricUnit } from '../metrics/metric-definitions.js';
import { formatDifference, formatFigure, formatGrowth, formatTableFigure } from '../figures/format-figure.js';
import { templateFileSystem } from './template-files.js';

/** The built-in templates shipped with the tool. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The folder of a workspace's own templates. */
export const WORKSPACE_TEMPLATES = 'templates';

export type EscapeMode = 'markdown' | 'html';

/**
 * LiquidJS's own limits on one render, so that a template's loop cannot
 * hang `report` or `check` (`{% for i in (1..100000) %}` nested twice) or
 * exhaust memory (`(1..1000000000)` builds a billion-element array). A breach
 * is a template problem (template-problem.ts). Measured on the largest
 * built-in render, a province of 2,000 villages (scripts/bench, 2023-12): the
 * Markdown report took 1.2 s and the HTML report charged 622,000 units of
 * LiquidJS's memory count (the Markdown report, 663), so these leave more
 * than ten times that. parseLimit counts characters of template text per
 * parse; the largest built-in template has 10,500.
 */
export const TEMPLATE_LIMITS = {
  /** Milliseconds of one render() call, includes included. */
  renderLimit: 20_000,
  /** Units of LiquidJS's memory count: elements of ranges and arrays made, characters joined or escaped. */
  memoryLimit: 10_000_000,
  /** Characters of template text parsed at once. */
  parseLimit: 10_000_000,
} as const;

/** Where templates are looked up, first match wins: the workspace's, then the built-in ones. */
export function templateFolders(locale: string, workspace?: string): string[] {
  const own = workspace ? [path.join(workspace, WORKSPACE_TEMPLATES, locale), path.join(workspace, WORKSPACE_TEMPLATES, 'shared')] : [];
  return [...own, path.join(BUILT_IN_TEMPLATES, locale), path.join(BUILT_IN_TEMPLATES, 'shared')];
}

/**
 * An engine keeps every template it parses, includes too (LiquidJS's
 * `cache`), so a template rendered again, or an include rendered in a loop,
 * is read and parsed once. It never looks again: make a new engine for a
 * new report, so that `report --watch` reads the templates as they are now.
 */
export async function createTemplateEngine(catalogue: Catalogue, escapeMode: EscapeMode, workspace?: string): Promise<Liquid> {
  const { Liquid } = await import('liquidjs');
  const folders = templateFolders(catalogue.locale, workspace);
  const engine = new Liquid({
    root: folders,
    partials: folders,
    layouts: folders,
    cache: true,
    extname: '.liquid',
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: escapeMode === 'markdown' ? escapeMarkdown : 'escape',
    fs: templateFileSystem(BUILT_IN_TEMPLATES, workspace),
    ...TEMPLATE_LIMITS,
  });
  for (const [name, filter] of Object.entries(templateFilters(catalogue))) engine.registerFilter(name, filter);
  return engine;
}

/** The engines of one report's renders, one per escape mode, each made when first asked for. */
export type TemplateEngines = (escapeMode: EscapeMode) => Promise<Liquid>;

/**
 * Engines shared by the renders of one report: the Markdown report rendered
 * for `md` and again inside `html` (with the charts among its attachments)
 * parses its templates once.
 */
export function templateEngines(catalogue: Catalogue, workspace?: string): TemplateEngines {
  const made = new Map<EscapeMode, Promise<Liquid>>();
  return (escapeMode) => {
    const engine = made.get(escapeMode) ?? createTemplateEngine(catalogue, escapeMode, workspace);
    made.set(escapeMode, engine);
    return engine;
  };
}

const NO_CHANGE: Change = { difference: null, percent: null };

/**
 * The filters templates may use, by name (docs/templates.md lists them).
 * Numbers come out as the report's language writes them.
 */
// biome-ignore lint/suspicious/noExplicitAny: LiquidJS hands a filter whatever the template gives it; each filter below declares what it takes.
export function templateFilters(catalogue: Catalogue): Record<string, (value: any, ...args: any[]) => string> {
  const figure = (value: number | null, unit: MetricUnit) => formatFigure(value, unit, catalogue.locale);
  return {
    figure,
    yuan: (value: number | null) => figure(value, 'yuan'),
    jin: (value: number | null) => figure(value, 'jin'),
    percent: (value: number | null) => figure(value, 'ratio'),
    change: (change: Change | null | undefined, unit: MetricUnit) => catalogue.report.change(change ?? NO_CHANGE, unit),
    cell: (value: number | null, unit: MetricUnit) => formatTableFigure(value, unit, catalogue.locale),
    difference: (change: Change | null | undefined, unit: MetricUnit) => formatDifference(change ?? NO_CHANGE, unit, catalogue.locale),
    growth: (change: Change | null | undefined) => formatGrowth(change ?? NO_CHANGE),
    stars: (count: number) => catalogue.report.stars(count),
    month_label: (month: string) => catalogue.formatMonth(month),
    date_label: (day: string) => catalogue.formatDay(day),
    attachment_label: (number: number) => catalogue.report.document.attachmentLabel(number),
  };
}

/** The built-in templates, relative to the templates folder: `shared/…` and `<locale>/…`. */
export async function builtInTemplates(): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  return (await glob('**/*.liquid', { ...searchOptions(), cwd: BUILT_IN_TEMPLATES, expandDirectories: false })).sort();
}

/**
 * Text from logs and config is shown as text: characters Markdown would read
 * as formatting, links or HTML are backslash-escaped, and line breaks become
 * spaces so a note cannot break a table row.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
}
