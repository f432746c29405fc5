/**
 * The Word report's page and type: GB/T 9704-2012 for zh-CN (A4, a text block
 * of 156 × 225 mm holding 22 lines of 28 characters of 三号 仿宋, 黑体 and 楷体
 * headings, 小标宋 titles), the same page with ordinary type for en.
 */
import type { IFontAttributesProperties, ISpacingProperties } from 'docx';

export type DocxLocale = 'zh-CN' | 'en';

const twipsFromMm = (mm: number) => Math.round((mm * 1440) / 25.4);
export const A4 = { width: twipsFromMm(210), height: twipsFromMm(297) };
export const MARGINS = { top: twipsFromMm(37), left: twipsFromMm(28), right: twipsFromMm(26), bottom: twipsFromMm(35) };
/** 156 mm: 8845 twips. */
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
// GB/T 9704 puts the page number's dash line 7 mm below the text block, which
// ends 35 mm above the paper's edge: the middle of the footer's 16.8 pt
// (5.9 mm) line 28 mm up, so its bottom 25 mm up.
export const FOOTER_DISTANCE = twipsFromMm(25);
export const HEADER_DISTANCE = twipsFromMm(15);

/** 22 lines in the 225 mm text block: 28.95 pt a line, exact so CJK fonts' tall ascents cannot push the grid apart. */
export const GONGWEN_LINE = 579;
const GONGWEN_CHARACTERS_PER_LINE = 28;
const BODY_POINTS = 16;

/**
 * The document grid that makes Word put 28 characters of 16 pt type on a
 * 156 mm line: 28 × 16 pt is 448 pt, the line is 442.25 pt, so each
 * character's pitch is 442.25 / 28 = 15.795 pt. Word stores the difference
 * from the Normal style's size in 1/4096 pt: (15.795 − 16) × 4096 = −841.
 * The pitch, in twips, is the width of "a character" in every indent below.
 */
const CHARACTER_PITCH = TEXT_WIDTH / GONGWEN_CHARACTERS_PER_LINE;
export const GONGWEN_GRID = {
  type: 'linesAndChars',
  linePitch: GONGWEN_LINE,
  charSpace: Math.round((CHARACTER_PITCH / 20 - BODY_POINTS) * 4096),
} as const;

/** Chinese type with Latin letters and digits in Times New Roman, as GB/T 9704 asks. */
const chineseFont = (eastAsia: string): IFontAttributesProperties => ({
  eastAsia,
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  cs: 'Times New Roman',
  // Quotes and dashes are shared by both scripts; the hint sets them full-width.
  hint: 'eastAsia',
});
const latinFont = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, cs: name, eastAsia: name });

export interface TextStyle {
  font: IFontAttributesProperties;
  /** Half-points, as Word counts them. */
  size: number;
  bold: boolean;
}

export interface Typesetting {
  language: { value: string; eastAsia: string };
  /** The document grid, where the locale has one. */
  grid: typeof GONGWEN_GRID | undefined;
  body: TextStyle;
  bodySpacing: ISpacingProperties;
  /** The width of one character of the body type, in twips: indents are counted in these. */
  character: number;
  /** Body paragraphs' and headings' first-line indent, in characters. */
  firstLineIndent: number;
  /** Emphasis: 楷体 in Chinese (a run-in heading such as *（一）…。*), italic in English. */
  emphasis: { font: IFontAttributesProperties | undefined; italic: boolean };
  title: TextStyle;
  titleSpacing: ISpacingProperties;
  /** `##` (一、), `###` (（一）) and `####` and deeper (a clerk's own, in body type). */
  heading: TextStyle;
  subheading: TextStyle;
  minorHeading: TextStyle;
  headingSpacing: ISpacingProperties;
  /** 附件1: 黑体 三号, flush left on the first line of its page. */
  attachmentLabel: TextStyle;
  /** One size for every table of the document, and for the notes under them. */
  table: { font: IFontAttributesProperties; headFont: IFontAttributesProperties; headBold: boolean; size: number; spacing: ISpacingProperties };
  pageNumber: TextStyle;
  /** Markdown soft line breaks: nothing between Chinese characters, a space between English words. */
  softBreak: string;
  /** A 公文 has no bullet marks: each item of a list is a paragraph of its own, indented like the body. */
  bulletsAsParagraphs: boolean;
}

const KAITI = chineseFont('楷体_GB2312');

export const TYPESETTING: Record<DocxLocale, Typesetting> = {
  'zh-CN': {
    language: { value: 'en-US', eastAsia: 'zh-CN' },
    grid: GONGWEN_GRID,
    body: { font: chineseFont('仿宋_GB2312'), size: 2 * BODY_POINTS, bold: false },
    bodySpacing: { line: GONGWEN_LINE, lineRule: 'exact', before: 0, after: 0 },
    character: CHARACTER_PITCH,
    firstLineIndent: 2,
    emphasis: { font: KAITI, italic: false },
    title: { font: chineseFont('方正小标宋简体'), size: 44, bold: false },
    // The title's 22 pt type needs a taller line, and one blank line below it.
    titleSpacing: { line: 700, lineRule: 'exact', before: 0, after: GONGWEN_LINE },
    heading: { font: chineseFont('黑体'), size: 32, bold: false },
    subheading: { font: KAITI, size: 32, bold: false },
    minorHeading: { font: chineseFont('仿宋_GB2312'), size: 32, bold: false },
    // 公文 headings stay on the body's line grid, with no space around them.
    headingSpacing: { line: GONGWEN_LINE, lineRule: 'exact', before: 0, after: 0 },
    attachmentLabel: { font: chineseFont('黑体'), size: 32, bold: false },
    // 五号 仿宋, 黑体 header: the 9-column village tables fit the 156 mm line at
    // this size, so every table of the document has it.
    table: {
      font: chineseFont('仿宋_GB2312'),
      headFont: chineseFont('黑体'),
      headBold: false,
      size: 21,
      spacing: { line: 320, lineRule: 'exact', before: 30, after: 30 },
    },
    pageNumber: { font: chineseFont('宋体'), size: 28, bold: false },
    softBreak: '',
    bulletsAsParagraphs: true,
  },
  en: {
    language: { value: 'en-GB', eastAsia: 'zh-CN' },
    grid: undefined,
    body: { font: latinFont('Times New Roman'), size: 24, bold: false },
    bodySpacing: { line: 276, lineRule: 'auto', before: 0, after: 120 },
    character: 240,
    firstLineIndent: 0,
    emphasis: { font: undefined, italic: true },
    title: { font: latinFont('Times New Roman'), size: 32, bold: true },
    titleSpacing: { line: 276, lineRule: 'auto', before: 0, after: 240 },
    heading: { font: latinFont('Times New Roman'), size: 28, bold: true },
    subheading: { font: latinFont('Times New Roman'), size: 24, bold: true },
    minorHeading: { font: latinFont('Times New Roman'), size: 24, bold: false },
    headingSpacing: { line: 276, lineRule: 'auto', before: 240, after: 120 },
    attachmentLabel: { font: latinFont('Times New Roman'), size: 28, bold: true },
    table: {
      font: latinFont('Times New Roman'),
      headFont: latinFont('Times New Roman'),
      headBold: true,
      size: 20,
      spacing: { line: 240, lineRule: 'auto', before: 40, after: 40 },
    },
    pageNumber: { font: latinFont('Times New Roman'), size: 24, bold: false },
    softBreak: ' ',
    bulletsAsParagraphs: false,
  },
};

/** Characters of the body type as twips. */
export const twipsFromCharacters = (type: Typesetting, characters: number) => Math.round(characters * type.character);
