/**
 * The Word report: the Markdown report read as markdown-it tokens and laid
 * out as a 公文 after GB/T 9704-2012 (A4, 仿宋 三号 body, 黑体/楷体 headings,
 * "— 1 —" page numbers). Byte-identical for the same input, because scheduled
 * jobs compare this month's outputs with the last run's.
 */
import type { IFontAttributesProperties, ISpacingProperties, Paragraph, Table, TextRun } from 'docx';
import type { Token } from 'markdown-it';
import { stampZip } from './stable-zip.js';

export interface DocxMeta {
  title: string;
  region: string;
  locale: 'zh-CN' | 'en';
  /** YYYY-MM-DD, the report's date */
  generatedOn: string;
}

// ---------------------------------------------------------------------------
// Markdown tokens → a small block model, so the layout code never sees tokens.

type Span = { kind: 'text'; text: string; bold: boolean } | { kind: 'line-break' };
type Alignment = 'left' | 'center' | 'right';

interface TableCellBlock {
  spans: Span[];
  align: Alignment | undefined;
}

type Block =
  | { kind: 'title' | 'heading' | 'subheading' | 'paragraph' | 'signature' | 'preformatted'; spans: Span[] }
  | { kind: 'bullet'; level: number; spans: Span[] }
  | { kind: 'table'; rows: { isHeader: boolean; cells: TableCellBlock[] }[] };

const HEADING_KINDS: Record<string, 'title' | 'heading' | 'subheading'> = { h1: 'title', h2: 'heading' };

function readBlocks(tokens: Token[], softBreak: string): Block[] {
  const blocks: Block[] = [];
  // Ordered lists keep their numbers as text: the numbers the reader sees are
  // then the ones in the Markdown, whatever Word's list continuation would do.
  const lists: { ordered: boolean; next: number }[] = [];
  // Only an item's first paragraph carries its bullet or number.
  let itemPrefix: string | undefined;
  let table: Extract<Block, { kind: 'table' }> | undefined;
  let inHead = false;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const inline = (): Span[] => readSpans(tokens[index + 1]?.children ?? [], softBreak);
    switch (token.type) {
      case 'heading_open':
        blocks.push({ kind: HEADING_KINDS[token.tag] ?? 'subheading', spans: inline() });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        itemPrefix = list?.ordered ? `${list.next++}. ` : '';
        break;
      }
      case 'paragraph_open': {
        const spans = inline();
        if (itemPrefix === undefined) {
          blocks.push({ kind: 'paragraph', spans });
        } else if (lists.at(-1)?.ordered) {
          blocks.push({ kind: 'paragraph', spans: [{ kind: 'text', text: itemPrefix, bold: false }, ...spans] });
        } else {
          blocks.push({ kind: 'bullet', level: Math.min(lists.length - 1, 2), spans });
        }
        itemPrefix = undefined;
        break;
      }
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'preformatted', spans: linesAsSpans(token.content.replace(/\n$/, '')) });
        break;
      case 'table_open':
        table = { kind: 'table', rows: [] };
        blocks.push(table);
        break;
      case 'table_close':
        table = undefined;
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open':
        table?.rows.push({ isHeader: inHead, cells: [] });
        break;
      case 'th_open':
      case 'td_open':
        table?.rows.at(-1)?.cells.push({ spans: inline(), align: cellAlignment(token) });
        break;
      default:
        break;
    }
  }

  // The template ends with the 落款 (region, a hard break, the date); only
  // there does a hard break mean "signature", anywhere else it is just a break.
  const last = blocks.at(-1);
  if (last?.kind === 'paragraph' && last.spans.some((span) => span.kind === 'line-break')) {
    blocks[blocks.length - 1] = { kind: 'signature', spans: last.spans };
  }
  return blocks;
}

/** Inline children as runs; `content` is the text after Markdown escapes are undone. */
function readSpans(children: Token[], softBreak: string): Span[] {
  const spans: Span[] = [];
  let boldDepth = 0;
  const pushText = (text: string) => {
    if (text !== '') spans.push({ kind: 'text', text, bold: boldDepth > 0 });
  };
  for (const child of children) {
    switch (child.type) {
      case 'strong_open':
        boldDepth++;
        break;
      case 'strong_close':
        boldDepth--;
        break;
      case 'softbreak':
        pushText(softBreak);
        break;
      case 'hardbreak':
        spans.push({ kind: 'line-break' });
        break;
      default:
        // text, code_inline, an image's alt text; markup tokens (links, em)
        // carry no content, so only their text survives.
        pushText(child.content);
    }
  }
  return spans;
}

function linesAsSpans(text: string): Span[] {
  return text.split('\n').flatMap((line, index): Span[] => [
    ...(index > 0 ? [{ kind: 'line-break' } as const] : []),
    { kind: 'text', text: line, bold: false },
  ]);
}

function cellAlignment(token: Token): Alignment | undefined {
  const match = /text-align:\s*(left|center|right)/.exec(String(token.attrGet('style') ?? ''));
  return match?.[1] as Alignment | undefined;
}

// ---------------------------------------------------------------------------
// Page and type: GB/T 9704-2012 for zh-CN; the same page with ordinary type for en.

const twipsFromMm = (mm: number) => Math.round((mm * 1440) / 25.4);
const A4 = { width: twipsFromMm(210), height: twipsFromMm(297) };
const MARGINS = { top: twipsFromMm(37), left: twipsFromMm(28), right: twipsFromMm(26), bottom: twipsFromMm(35) };
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
// GB/T 9704 puts the page number's dash line 7 mm below the text block; a
// 14 pt line is about 6 mm tall, so the footer's bottom sits 22 mm up.
const FOOTER_DISTANCE = twipsFromMm(22);
const HEADER_DISTANCE = twipsFromMm(15);

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

interface TextStyle {
  font: IFontAttributesProperties;
  /** Half-points, as Word counts them. */
  size: number;
  bold: boolean;
}

interface Typesetting {
  language: { value: string; eastAsia: string };
  body: TextStyle;
  bodySpacing: ISpacingProperties;
  /** The 2-character first-line indent of body paragraphs and headings. */
  firstLineIndent: number;
  title: TextStyle;
  titleSpacing: ISpacingProperties;
  heading: TextStyle;
  subheading: TextStyle;
  headingSpacing: ISpacingProperties;
  /** Table type: body and header fonts, and the sizes to try, largest first, until the table fits. */
  table: { font: IFontAttributesProperties; headFont: IFontAttributesProperties; headBold: boolean; sizes: readonly number[] };
  pageNumber: TextStyle;
  /** Markdown soft line breaks: nothing between Chinese characters, a space between English words. */
  softBreak: string;
}

// 22 lines in the 225 mm text block: 28.95 pt a line, exact so CJK fonts' tall
// ascents cannot push the grid apart.
const GONGWEN_LINE = 579;

const TYPESETTING: Record<DocxMeta['locale'], Typesetting> = {
  'zh-CN': {
    language: { value: 'en-US', eastAsia: 'zh-CN' },
    body: { font: chineseFont('仿宋_GB2312'), size: 32, bold: false },
    bodySpacing: { line: GONGWEN_LINE, lineRule: 'exact', before: 0, after: 0 },
    firstLineIndent: 2 * 16 * 20,
    title: { font: chineseFont('方正小标宋简体'), size: 44, bold: false },
    // The title's 22 pt type needs a taller line, and one blank line below it.
    titleSpacing: { line: 700, lineRule: 'exact', before: 0, after: GONGWEN_LINE },
    heading: { font: chineseFont('黑体'), size: 32, bold: false },
    subheading: { font: chineseFont('楷体_GB2312'), size: 32, bold: false },
    // 公文 headings stay on the body's line grid, with no space around them.
    headingSpacing: { line: GONGWEN_LINE, lineRule: 'exact', before: 0, after: 0 },
    // 小四 where it fits, else 五号 or 小五: the wide village tables need the small ones.
    table: { font: chineseFont('仿宋_GB2312'), headFont: chineseFont('黑体'), headBold: false, sizes: [24, 21, 18] },
    pageNumber: { font: chineseFont('宋体'), size: 28, bold: false },
    softBreak: '',
  },
  en: {
    language: { value: 'en-GB', eastAsia: 'zh-CN' },
    body: { font: latinFont('Times New Roman'), size: 24, bold: false },
    bodySpacing: { line: 276, lineRule: 'auto', before: 0, after: 120 },
    firstLineIndent: 0,
    title: { font: latinFont('Times New Roman'), size: 32, bold: true },
    titleSpacing: { line: 276, lineRule: 'auto', before: 0, after: 240 },
    heading: { font: latinFont('Times New Roman'), size: 28, bold: true },
    subheading: { font: latinFont('Times New Roman'), size: 24, bold: true },
    headingSpacing: { line: 276, lineRule: 'auto', before: 240, after: 120 },
    table: { font: latinFont('Times New Roman'), headFont: latinFont('Times New Roman'), headBold: true, sizes: [22, 20, 18, 16] },
    pageNumber: { font: latinFont('Times New Roman'), size: 24, bold: false },
    softBreak: ' ',
  },
};

const TABLE_TEXT_STYLE = 'TableText';
const FOOTER_STYLE = 'Footer';

// ---------------------------------------------------------------------------

/** The Markdown report as a .docx file. */
export async function renderDocx(markdown: string, meta: DocxMeta): Promise<Uint8Array> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.generatedOn)) throw new Error(`renderDocx: generatedOn must be YYYY-MM-DD, got "${meta.generatedOn}"`);
  const docx = await import('docx');
  const { default: MarkdownIt } = await import('markdown-it');
  const type = TYPESETTING[meta.locale];
  const blocks = readBlocks(new MarkdownIt({ html: false }).parse(markdown, {}), type.softBreak);

  const runsOf = (spans: Span[], style?: TextStyle): TextRun[] =>
    spans.map((span) =>
      span.kind === 'line-break'
        ? new docx.TextRun({ break: 1 })
        : new docx.TextRun({ text: span.text, bold: span.bold || style?.bold || undefined, font: style?.font, size: style?.size }),
    );
  const bodyIndent = { firstLine: type.firstLineIndent };
  const alignmentOf = (align: Alignment | undefined) =>
    align === 'right' ? docx.AlignmentType.RIGHT : align === 'center' ? docx.AlignmentType.CENTER : docx.AlignmentType.LEFT;

  const tableOf = (rows: Extract<Block, { kind: 'table' }>['rows']): Table => {
    const { size, columnWidths } = layOutTable(rows, type.table.sizes);
    const headStyle: TextStyle = { font: type.table.headFont, size, bold: type.table.headBold };
    const bodyStyle: TextStyle = { font: type.table.font, size, bold: false };
    const line = { style: docx.BorderStyle.SINGLE, size: 4, color: '000000' };
    return new docx.Table({
      width: { size: TEXT_WIDTH, type: docx.WidthType.DXA },
      columnWidths,
      layout: docx.TableLayoutType.FIXED,
      margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: rows.map(
        (row) =>
          new docx.TableRow({
            tableHeader: row.isHeader,
            cantSplit: true,
            children: columnWidths.map(
              (width, column) =>
                new docx.TableCell({
                  width: { size: width, type: docx.WidthType.DXA },
                  verticalAlign: docx.VerticalAlignTable.CENTER,
                  children: [
                    new docx.Paragraph({
                      style: TABLE_TEXT_STYLE,
                      // Header cells are centred over their column, as in printed 公文 tables.
                      alignment: row.isHeader ? docx.AlignmentType.CENTER : alignmentOf(row.cells[column]?.align),
                      children: runsOf(row.cells[column]?.spans ?? [], row.isHeader ? headStyle : bodyStyle),
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  };

  const children: (Paragraph | Table)[] = blocks.map((block) => {
    switch (block.kind) {
      case 'title':
        return new docx.Paragraph({ heading: docx.HeadingLevel.TITLE, alignment: docx.AlignmentType.CENTER, children: runsOf(block.spans) });
      case 'heading':
        return new docx.Paragraph({ heading: docx.HeadingLevel.HEADING_1, indent: bodyIndent, children: runsOf(block.spans) });
      case 'subheading':
        return new docx.Paragraph({ heading: docx.HeadingLevel.HEADING_2, indent: bodyIndent, children: runsOf(block.spans) });
      case 'paragraph':
        return new docx.Paragraph({ alignment: docx.AlignmentType.JUSTIFIED, indent: bodyIndent, children: runsOf(block.spans) });
      case 'preformatted':
        return new docx.Paragraph({ children: runsOf(block.spans) });
      case 'bullet':
        return new docx.Paragraph({ bullet: { level: block.level }, children: runsOf(block.spans) });
      case 'signature':
        // 落款: one blank line below the text, right-aligned with two characters
        // to spare on the right (GB/T 9704 7.3.5.2 "右空二字"), region above date.
        return new docx.Paragraph({
          alignment: docx.AlignmentType.RIGHT,
          indent: { right: 2 * type.body.size * 10 },
          spacing: { before: type.bodySpacing.line },
          children: runsOf(block.spans),
        });
      case 'table':
        return tableOf(block.rows);
    }
  });

  // GB/T 9704 puts odd pages' numbers on the right and even pages' on the
  // left; centred is the accepted simplification, right on either side of a sheet.
  const pageNumberFooter = new docx.Footer({
    children: [
      new docx.Paragraph({
        style: FOOTER_STYLE,
        children: [new docx.TextRun({ children: ['— ', docx.PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });

  const headingStyle = (style: TextStyle, spacing: ISpacingProperties, outlineLevel?: number) => ({
    run: { font: style.font, size: style.size, bold: style.bold, color: '000000' },
    paragraph: { spacing, keepNext: true, keepLines: true, outlineLevel },
  });
  // Title, author and dates are left out here: coreProperties writes them.
  const document = new docx.Document({
    styles: {
      default: {
        document: {
          run: { font: type.body.font, size: type.body.size, language: type.language },
          paragraph: { spacing: type.bodySpacing },
        },
        title: headingStyle(type.title, type.titleSpacing),
        heading1: headingStyle(type.heading, type.headingSpacing, 0),
        heading2: headingStyle(type.subheading, type.headingSpacing, 1),
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT_STYLE,
          name: 'Table Text',
          basedOn: 'Normal',
          run: { font: type.table.font },
          paragraph: { spacing: { line: 240, lineRule: 'auto', before: 40, after: 40 }, indent: { firstLine: 0 } },
        },
        {
          // The page number's type lives here, not on its run: LibreOffice
          // drops a run's size for a field and the text after it.
          id: FOOTER_STYLE,
          name: 'footer',
          basedOn: 'Normal',
          run: { font: type.pageNumber.font, size: type.pageNumber.size },
          paragraph: { alignment: docx.AlignmentType.CENTER, spacing: { line: 240, lineRule: 'auto', before: 0, after: 0 }, indent: { firstLine: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: docx.PageOrientation.PORTRAIT },
            margin: { ...MARGINS, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
          },
        },
        footers: { default: pageNumberFooter },
        children,
      },
    ],
  });

  // docx stamps docProps/core.xml with the current time; the `overrides` of
  // Packer's public signature replace that part with one dated from the report.
  const packed = await docx.Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(meta) }]);
  return stampZip(new Uint8Array(packed), meta.generatedOn);
}

interface TableLayout {
  /** Half-points, for every cell of the table. */
  size: number;
  /** Twips, adding up to the text block's width. */
  columnWidths: number[];
}

// How much a long cell may ask for before it has to wrap, in half-em units:
// dates, amounts and IDs stay on one line, prose and headers wrap.
const UNBROKEN_BODY_UNITS = 20;
const UNBROKEN_HEADER_UNITS = 8;
const CELL_PADDING = 60;

/**
 * The largest of `sizes` at which every short cell fits on one line, and
 * column widths filling the text block: each column gets its unbroken minimum,
 * and what is left goes to the columns whose text would otherwise wrap most.
 */
function layOutTable(rows: { isHeader: boolean; cells: TableCellBlock[] }[], sizes: readonly number[]): TableLayout {
  const columns = Math.max(1, ...rows.map((row) => row.cells.length));
  const units = (row: (typeof rows)[number], column: number) => textUnits(row.cells[column]?.spans ?? []) + 0.5;
  const minUnits = Array.from({ length: columns }, (_, column) =>
    Math.max(1, ...rows.map((row) => Math.min(units(row, column), row.isHeader ? UNBROKEN_HEADER_UNITS : UNBROKEN_BODY_UNITS))),
  );
  const maxUnits = Array.from({ length: columns }, (_, column) => Math.max(1, ...rows.map((row) => units(row, column))));
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

  const widthsAt = (size: number, columnUnits: number[]) => columnUnits.map((unitCount) => unitCount * size * 5 + 2 * CELL_PADDING);
  const size = sizes.find((candidate) => sum(widthsAt(candidate, minUnits)) <= TEXT_WIDTH) ?? sizes.at(-1)!;
  const min = widthsAt(size, minUnits);
  const max = widthsAt(size, maxUnits);

  let widths: number[];
  if (sum(max) <= TEXT_WIDTH) {
    widths = max.map((width) => width + ((TEXT_WIDTH - sum(max)) * width) / sum(max));
  } else if (sum(min) <= TEXT_WIDTH) {
    const wanted = sum(max) - sum(min);
    widths = min.map((width, column) => width + ((TEXT_WIDTH - sum(min)) * (max[column]! - width)) / wanted);
  } else {
    widths = min.map((width) => (width * TEXT_WIDTH) / sum(min));
  }
  const columnWidths = widths.map(Math.floor);
  const widest = columnWidths.indexOf(Math.max(...columnWidths));
  columnWidths[widest]! += TEXT_WIDTH - sum(columnWidths);
  return { size, columnWidths };
}

/**
 * Printed width in half-em units: CJK characters and symbols are a full em, Latin ones
 * about half, "%" nearly a full one, and Word and LibreOffice add a quarter
 * em where CJK meets Latin letters or digits.
 */
function textUnits(spans: Span[]): number {
  // From U+2010 on: dashes, quotes and symbols such as ★ print full-width in CJK type.
  const isCjk = (character: string) => character.codePointAt(0)! >= 0x2010;
  const isWordCharacter = (character: string) => /[\p{L}\p{N}]/u.test(character);
  let width = 0;
  let previous = '';
  for (const span of spans) {
    if (span.kind !== 'text') continue;
    for (const character of span.text) {
      width += isCjk(character) || character === '%' ? 2 : 1;
      const scriptChanges = previous !== '' && isCjk(previous) !== isCjk(character);
      if (scriptChanges && isWordCharacter(previous) && isWordCharacter(character)) width += 0.5;
      previous = character;
    }
  }
  return width;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (character) => `&#${character.codePointAt(0)};`);

/** docProps/core.xml, dated from the report rather than the clock. */
function coreProperties(meta: DocxMeta): string {
  const stamp = `${meta.generatedOn}T00:00:00Z`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(meta.title)}</dc:title>`,
    `<dc:creator>${escapeXml(meta.region)}</dc:creator>`,
    `<cp:lastModifiedBy>${escapeXml(meta.region)}</cp:lastModifiedBy>`,
    `<dc:language>${meta.locale === 'zh-CN' ? 'zh-CN' : 'en-GB'}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}
