/**
 * The Word report: the Markdown report read as markdown-it tokens, its parts
 * found by document-parts.ts, and laid out as a 公文 after GB/T 9704-2012
 * (docx-typesetting.ts: A4, 28 × 22 grid, 仿宋 三号 body, 黑体/楷体 headings;
 * docx-paragraphs.ts: the parts; "— 1 —" page numbers at the outer edge).
 * Byte-identical for the same input, because scheduled jobs compare this
 * month's outputs with the last run's.
 */
import { documentParts, type DocumentWords } from './document-parts.js';
import { readDocxBlocks } from './docx-blocks.js';
import { fontTableXml } from './docx-font-table.js';
import { typesetBlocks } from './docx-paragraphs.js';
import { FOOTER_STYLE, documentStyles } from './docx-styles.js';
import { A4, FOOTER_DISTANCE, HEADER_DISTANCE, MARGINS, TYPESETTING } from './docx-typesetting.js';
import { stampZip } from './stable-zip.js';
import { escapeXml } from './xml-safe-text.js';

export interface DocxMeta {
  title: string;
  region: string;
  locale: 'zh-CN' | 'en';
  /** YYYY-MM-DD, the report's date */
  generatedOn: string;
  /** The catalogue's words that mark the document's parts (`catalogue.report.document`). */
  words: DocumentWords;
}

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

  // Title, author and dates are left out here: coreProperties writes them.
  const document = new docx.Document({
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(type),
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
  return stampZip(new Uint8Array(packed), meta.generatedOn, type.grid ? { 'word/styles.xml': offLineGrid } : {});
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
