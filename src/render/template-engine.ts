/**
 * The template engine (LiquidJS) as reports use it: sandboxed, strict about
 * unknown variables and filters, and escaping every value it prints, for
 * Markdown or for HTML. Loaded only when a template is rendered.
 */
import { fileURLToPath } from 'node:url';
import type { Liquid } from 'liquidjs';
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricUnit } from '../metrics/metric-definitions.js';
import { formatFigure } from './format-figure.js';

/** The built-in templates shipped with the tool. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export type EscapeMode = 'markdown' | 'html';

export async function createTemplateEngine(catalogue: Catalogue, escape: EscapeMode): Promise<Liquid> {
  const { Liquid } = await import('liquidjs');
  const engine = new Liquid({
    root: [`${BUILT_IN_TEMPLATES}${catalogue.locale}`, `${BUILT_IN_TEMPLATES}shared`],
    partials: [`${BUILT_IN_TEMPLATES}${catalogue.locale}`, `${BUILT_IN_TEMPLATES}shared`],
    extname: '.liquid',
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: escape === 'markdown' ? escapeMarkdown : 'escape',
  });
  engine.registerFilter('figure', (value: number | null, unit: MetricUnit) => formatFigure(value, unit, catalogue.locale));
  engine.registerFilter('month_label', (month: string) => catalogue.formatMonth(month));
  return engine;
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
