/**
 * The Word report: the Markdown report read as markdown-it tokens, its parts
 * found by document-parts.ts, and laid out as a 公文 after GB/T 9704-2012
 * (docx-typesetting.ts: A4, 28 × 22 grid, 仿宋 三号 body, 黑体/楷体 headings;
 * docx-paragraphs.ts: the parts; "— 1 —" page numbers at the outer edge).
 * Byte-identical for the same input, because scheduled jobs compare this
 * month's outputs with the last run's.
 */
import type { ISpacingProperties } from 'docx';
import { documentParts, type DocumentWords } from './document-parts.js';
import { readDocxBlocks } from './docx-blocks.js';
import { fontTableXml } from './docx-font-table.js';
import { ATTACHMENT_LABEL_STYLE, TABLE_NOTE_STYLE, TABLE_TEXT_STYLE, typesetBlocks } from './docx-paragraphs.js';
import type { TextStyle } from './docx-typesetting.js';
import { A4, FOOTER_DISTANCE, HEADER_DISTANCE, MARGINS, TYPESETTING } from './docx-typesetting.js';
import { stampZip } from './stable-zip.js';
import { xmlSafeText } from './xml-safe-text.js';

export interface DocxMeta {
  title: string;
  region: string;
  locale: 'zh-CN' | 'en';
  /** YYYY-MM-DD, the report's date */
  generatedOn: string;
  /** The catalogue's words that mark the document's parts (`catalogue.report.document`). */
  words: DocumentWords;
}

const FOOTER_STYLE = 'Footer';

/** The Markdown report as a .docx file. */
export async function renderDocx(markdown: string, meta: DocxMeta): Promise<Uint8Array> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.generatedOn)) throw new Error(`renderDocx: generatedOn must be YYYY-MM-DD, got "${meta.generatedOn}"`);
  const docx = await import('docx');
  const { default: MarkdownIt } = await import('markdown-it');
  const type = TYPESETTING[meta.locale];
  const tokens = new MarkdownIt({ html: false }).use(documentParts(meta.words)).parse(markdown, {});
  const children = typesetBlocks(docx, readDocxBlocks(tokens, type.softBreak), type);

  // GB/T 9704 7.5: page numbers one character in from the outer edge, odd
  // pages at the right and even pages at the left.
  const pageNumberFooter = (side: 'right' | 'left') =>
    new docx.Footer({
      children: [
        new docx.Paragraph({
          style: FOOTER_STYLE,
          alignment: side === 'right' ? docx.AlignmentType.RIGHT : docx.AlignmentType.LEFT,
          indent: side === 'right' ? { right: type.pageNumber.size * 10 } : { left: type.pageNumber.size * 10 },
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
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: type.body.font, size: type.body.size, language: type.language },
          paragraph: { spacing: type.bodySpacing },
        },
        title: headingStyle(type.title, type.titleSpacing),
        heading1: headingStyle(type.heading, type.headingSpacing, 0),
        heading2: headingStyle(type.subheading, type.headingSpacing, 1),
        heading3: headingStyle(type.minorHeading, type.headingSpacing, 2),
      },
      paragraphStyles: [
        {
          // Word counts the grid's character pitch from the Normal style's
          // size, and LibreOffice reads it from nowhere else: docx writes no
          // Normal style unless asked.
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: type.body.font, size: type.body.size },
          paragraph: { spacing: type.bodySpacing },
        },
        {
          // 附件1: 黑体 三号 at the top left of the attachment's first page.
          id: ATTACHMENT_LABEL_STYLE,
          name: 'Attachment Label',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: type.attachmentLabel.font, size: type.attachmentLabel.size, bold: type.attachmentLabel.bold },
          paragraph: { spacing: type.headingSpacing, indent: { firstLine: 0 }, keepNext: true },
        },
        {
          id: TABLE_TEXT_STYLE,
          name: 'Table Text',
          basedOn: 'Normal',
          run: { font: type.table.font, size: type.table.size },
          paragraph: { spacing: type.table.spacing, indent: { firstLine: 0 } },
        },
        {
          // 注：… under a table, in the table's type, flush left.
          id: TABLE_NOTE_STYLE,
          name: 'Table Note',
          basedOn: 'Normal',
          run: { font: type.table.font, size: type.table.size },
          paragraph: { spacing: { ...type.table.spacing, before: 60, after: 0 }, indent: { firstLine: 0 } },
        },
        {
          // The page number's type lives here, not on its run: LibreOffice
          // drops a run's size for a field and the text after it.
          id: FOOTER_STYLE,
          name: 'footer',
          basedOn: 'Normal',
          run: { font: type.pageNumber.font, size: type.pageNumber.size },
          paragraph: { spacing: { line: type.pageNumber.size * 12, lineRule: 'exact', before: 0, after: 0 }, indent: { firstLine: 0 } },
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
          ...(type.grid ? { grid: type.grid } : {}),
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children,
      },
    ],
  });

  // docx stamps docProps/core.xml with the current time and writes an empty
  // font table; the `overrides` of Packer's public signature replace both.
  const packed = await docx.Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(meta) },
    { path: 'word/fontTable.xml', data: fontTableXml(meta.locale) },
  ]);
  return stampZip(new Uint8Array(packed), meta.generatedOn, { 'word/styles.xml': type.grid ? offLineGrid : (styles) => styles });
}

/**
 * Every paragraph off the grid's line snapping (w:snapToGrid in the paragraph
 * defaults, which docx cannot write). Word loses nothing: every line here has
 * exact spacing, which the line grid does not change, and the character grid
 * (the 28 a line) is a run property that stays on. LibreOffice, which cannot
 * set characters closer than their size, would otherwise spread each 16 pt
 * character over two 15.8 pt grid cells, 14 to a line.
 */
function offLineGrid(styles: string): string {
  if (!styles.includes('<w:pPrDefault><w:pPr>')) throw new Error('renderDocx: styles.xml has no paragraph defaults to take off the line grid');
  return styles.replace('<w:pPrDefault><w:pPr>', '<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/>');
}

const escapeXml = (text: string) => xmlSafeText(text).replace(/[<>&"']/g, (character) => `&#${character.codePointAt(0)};`);

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
