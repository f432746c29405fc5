/**
 * The Word report's blocks set as paragraphs and tables, part by part after
 * GB/T 9704-2012: recipient flush left, body indented two characters,
 * 附件说明 with its items aligned under the first, 落款 with the standard's
 * right indents, attachments each on a new page under their label. The docx
 * library comes in as a parameter: render-docx.ts alone loads it, on demand.
 */
import type * as Docx from 'docx';
import { signatureIndents } from './document-parts.js';
import type { Alignment, Block, Span, TableRowBlock } from './docx-blocks.js';
import { spansText } from './docx-blocks.js';
import { ATTACHMENT_LABEL_STYLE, TABLE_NOTE_STYLE, TABLE_TEXT_STYLE } from './docx-styles.js';
import { CELL_PADDING, SAFETY_HALF_EMS, cellLines, layOutTable } from './docx-table-layout.js';
import type { TextStyle, Typesetting } from './docx-typesetting.js';
import { TEXT_WIDTH, twipsFromCharacters } from './docx-typesetting.js';
import { xmlSafeText } from './xml-safe-text.js';

/** The docx library and the locale's type: what every function here sets blocks with. */
interface Setter {
  docx: typeof Docx;
  type: Typesetting;
}

type Output = Docx.Paragraph | Docx.Table;

export function typesetBlocks(docx: typeof Docx, blocks: Block[], type: Typesetting): Output[] {
  const setter: Setter = { docx, type };
  return blocks.flatMap((block) => typesetBlock(setter, block));
}

function typesetBlock(setter: Setter, block: Block): Output[] {
  const { docx, type } = setter;
  const pageBreakBefore = block.pageBreakBefore || undefined;
  switch (block.kind) {
    case 'title':
      return [
        new docx.Paragraph({
          heading: docx.HeadingLevel.TITLE,
          alignment: docx.AlignmentType.CENTER,
          pageBreakBefore,
          // An attachment's title stands on the third line of its page, a blank line below the label.
          spacing: block.attachment ? { before: type.bodySpacing.line } : undefined,
          children: runsOf(setter, block.spans),
        }),
      ];
    case 'heading':
      if (block.attachmentLabel) return [new docx.Paragraph({ style: ATTACHMENT_LABEL_STYLE, pageBreakBefore, children: runsOf(setter, block.spans) })];
      return [
        new docx.Paragraph({
          heading: block.level === 2 ? docx.HeadingLevel.HEADING_1 : block.level === 3 ? docx.HeadingLevel.HEADING_2 : docx.HeadingLevel.HEADING_3,
          indent: bodyIndent(setter),
          pageBreakBefore,
          children: runsOf(setter, block.spans),
        }),
      ];
    case 'paragraph':
      return [typesetParagraph(setter, block)];
    case 'signature':
      return typesetSignature(setter, block);
    case 'preformatted':
      return [new docx.Paragraph({ pageBreakBefore, children: runsOf(setter, block.spans) })];
    case 'bullet':
      // A 公文 has no bullet marks: in Chinese each item is a paragraph of its own.
      if (type.bulletsAsParagraphs) {
        return [
          new docx.Paragraph({ pageBreakBefore, alignment: docx.AlignmentType.JUSTIFIED, indent: bodyIndent(setter), children: runsOf(setter, block.spans) }),
        ];
      }
      return [new docx.Paragraph({ pageBreakBefore, bullet: { level: block.level }, children: runsOf(setter, block.spans) })];
    case 'table':
      // A table cannot start a page by itself: an empty paragraph does it.
      return [...(block.pageBreakBefore ? [new docx.Paragraph({ pageBreakBefore: true })] : []), typesetTable(setter, block.rows)];
  }
}

function typesetParagraph(setter: Setter, block: Extract<Block, { kind: 'paragraph' }>): Docx.Paragraph {
  const { docx, type } = setter;
  const common = { pageBreakBefore: block.pageBreakBefore || undefined, children: runsOf(setter, block.spans) };
  switch (block.role) {
    case 'recipient':
      // 主送机关: flush left, under the title.
      return new docx.Paragraph({ ...common, alignment: docx.AlignmentType.LEFT, indent: { firstLine: 0 } });
    case 'table-note':
      return new docx.Paragraph({ ...common, style: TABLE_NOTE_STYLE, alignment: docx.AlignmentType.JUSTIFIED });
    case 'attachment-list': {
      // 附件：1. …, the later items under "1.": a hanging indent as wide as the lead.
      const lead = twipsFromCharacters(type, block.leadWidth ?? 0);
      const left = bodyIndent(setter).firstLine + lead;
      return new docx.Paragraph({
        ...common,
        // Kept whole and with the 落款 after it: a signature alone on the last page is not a 公文's.
        keepLines: true,
        keepNext: true,
        alignment: docx.AlignmentType.LEFT,
        indent: { left, hanging: lead },
        tabStops: [{ type: docx.TabStopType.LEFT, position: left }],
      });
    }
    case 'body':
      return new docx.Paragraph({ ...common, alignment: docx.AlignmentType.JUSTIFIED, indent: bodyIndent(setter) });
  }
}

/**
 * 落款 (GB/T 9704 7.3.5.2): right-aligned, one blank line above the issuer,
 * the date's first character two to the right of the issuer's. The widths
 * are measured as the office suites print them (printedWidth), not as the
 * HTML page does, hence the indents are worked out here again.
 */
function typesetSignature(setter: Setter, block: Extract<Block, { kind: 'signature' }>): Docx.Paragraph[] {
  const { docx, type } = setter;
  const indents = signatureIndents(printedWidth(spansText(block.issuer)), printedWidth(spansText(block.date)));
  const line = (spans: Span[], right: number, first: boolean) =>
    new docx.Paragraph({
      alignment: docx.AlignmentType.RIGHT,
      indent: { firstLine: 0, right: twipsFromCharacters(type, right) },
      spacing: first ? { before: type.bodySpacing.line } : undefined,
      keepNext: first || undefined,
      pageBreakBefore: (first && block.pageBreakBefore) || undefined,
      children: runsOf(setter, spans),
    });
  return [line(block.issuer, indents.issuer, true), line(block.date, indents.date, false)];
}

function typesetTable(setter: Setter, rows: TableRowBlock[]): Docx.Table {
  const { docx, type } = setter;
  const { columnWidths } = layOutTable(rows, type.table.size, TEXT_WIDTH);
  const headStyle: TextStyle = { font: type.table.headFont, size: type.table.size, bold: type.table.headBold };
  const bodyStyle: TextStyle = { font: type.table.font, size: type.table.size, bold: false };
  const line = { style: docx.BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (row: TableRowBlock, column: number, width: number) =>
    new docx.TableCell({
      width: { size: width, type: docx.WidthType.DXA },
      verticalAlign: docx.VerticalAlignTable.CENTER,
      children: [
        new docx.Paragraph({
          style: TABLE_TEXT_STYLE,
          // Header cells are centred over their column, as in printed 公文 tables.
          alignment: row.isHeader ? docx.AlignmentType.CENTER : alignmentOf(setter, row.cells[column]?.align),
          children: runsOf(
            setter,
            brokenBetweenPieces(row.cells[column]?.spans ?? [], (width - 2 * CELL_PADDING) / (type.table.size * 5) - SAFETY_HALF_EMS),
            row.isHeader ? headStyle : bodyStyle,
          ),
        }),
      ],
    });
  return new docx.Table({
    width: { size: TEXT_WIDTH, type: docx.WidthType.DXA },
    columnWidths,
    layout: docx.TableLayoutType.FIXED,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    // The header row repeats on every page; no row is split across two.
    rows: rows.map(
      (row) => new docx.TableRow({ tableHeader: row.isHeader, cantSplit: true, children: columnWidths.map((width, column) => cell(row, column, width)) }),
    ),
  });
}

/** Runs in the given style; emphasis is 楷体 in Chinese and italic in English. Text reaches docx XML-safe. */
function runsOf({ docx, type }: Setter, spans: Span[], style?: Partial<TextStyle>): Docx.ParagraphChild[] {
  return spans.map((span) => {
    if (span.kind === 'line-break') return new docx.TextRun({ break: 1 });
    if (span.kind === 'tab') return new docx.TextRun({ children: [new docx.Tab()] });
    const emphasis = span.emphasis ? type.emphasis : undefined;
    return new docx.TextRun({
      text: xmlSafeText(span.text),
      bold: span.bold || style?.bold || undefined,
      italics: emphasis?.italic || undefined,
      font: emphasis?.font ?? style?.font,
      size: style?.size,
    });
  });
}

const bodyIndent = ({ type }: Setter) => ({ firstLine: twipsFromCharacters(type, type.firstLineIndent) });

/** A plain cell's text with line breaks between its pieces where it would wrap inside one (see cellLines). */
function brokenBetweenPieces(spans: Span[], width: number): Span[] {
  const first = spans[0];
  if (spans.length !== 1 || first?.kind !== 'text') return spans;
  const lines = cellLines(first.text, width);
  return lines ? lines.flatMap((text, index): Span[] => [...(index > 0 ? [{ kind: 'line-break' } as const] : []), { ...first, text }]) : spans;
}

/**
 * A line's printed width in characters of the body type, as Word and
 * LibreOffice set it: CJK 1, Times New Roman digits and letters 0.5, and the
 * quarter character both put between CJK and a digit or Latin letter
 * (LibreOffice always does, whatever the document says).
 */
function printedWidth(text: string): number {
  const isWide = (character: string) => character.codePointAt(0)! >= 0x2010;
  const isWordCharacter = (character: string) => /[\p{L}\p{N}]/u.test(character);
  let width = 0;
  let previous = '';
  for (const character of text.trim()) {
    width += isWide(character) ? 1 : 0.5;
    if (previous !== '' && isWide(previous) !== isWide(character) && isWordCharacter(previous) && isWordCharacter(character)) width += 0.25;
    previous = character;
  }
  return width;
}

function alignmentOf({ docx }: Setter, align: Alignment | undefined) {
  return align === 'right' ? docx.AlignmentType.RIGHT : align === 'center' ? docx.AlignmentType.CENTER : docx.AlignmentType.LEFT;
}
