/**
 * An exceljs workbook that is the same file whenever it is made from the
 * same content: its properties (author, title, creation and change dates)
 * are the caller's, dated the day given and never the clock, made
 * XML-safe (xml-safe-text.ts), and the zip it is written to has every
 * entry dated that day too (stable-zip.ts). The XLSX report and the
 * fill-in sheet are both made this way.
 */
import type { Workbook } from 'exceljs';
import { stampZip } from './stable-zip.js';
import { xmlSafeText } from './xml-safe-text.js';

export interface WorkbookProperties {
  /** The workbook's author and last editor: the region it speaks for. */
  author: string;
  title: string;
  /** YYYY-MM-DD: the day it was created and last changed. */
  day: string;
}

/**
 * The workbook, given these properties. The caller makes it: exceljs is
 * loaded only by the modules that own it (a test holds them to that).
 */
export function withStableProperties(workbook: Workbook, { author, title, day }: WorkbookProperties): Workbook {
  const date = new Date(`${day}T00:00:00Z`);
  workbook.creator = xmlSafeText(author);
  workbook.lastModifiedBy = xmlSafeText(author);
  workbook.created = date;
  workbook.modified = date;
  workbook.title = xmlSafeText(title);
  return workbook;
}

/** The workbook as XLSX bytes, every part dated `day`. */
export async function stableWorkbookBytes(workbook: Workbook, day: string): Promise<Uint8Array> {
  return stampZip(new Uint8Array(await workbook.xlsx.writeBuffer()), day);
}
