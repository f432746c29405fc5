import type { Catalogue } from './catalogue.js';
import type { Locale } from './locale.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zhCN, en };

export function catalogueFor(locale: Locale): Catalogue {
  return CATALOGUES[locale];
}
