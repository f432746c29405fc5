/**
 * The Word report's styles: the body type in the defaults and in Normal, the
 * title and the heading levels (一、 黑体, （一） 楷体, a clerk's own in body
 * type), the attachment label, the tables' one type size and their notes,
 * and the page number. Plain data for docx's Document.
 */
import type { ISpacingProperties, IStylesOptions } from 'docx';
import type { TextStyle, Typesetting } from './docx-typesetting.js';

export const TABLE_TEXT_STYLE = 'TableText';
export const TABLE_NOTE_STYLE = 'TableNote';
export const ATTACHMENT_LABEL_STYLE = 'AttachmentLabel';
export const FOOTER_STYLE = 'Footer';

const headingStyle = (style: TextStyle, spacing: ISpacingProperties, outlineLevel?: number) => ({
  run: { font: style.font, size: style.size, bold: style.bold, color: '000000' },
  paragraph: { spacing, keepNext: true, keepLines: true, outlineLevel },
});

export function documentStyles(type: Typesetting): IStylesOptions {
  return {
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
  };
}
