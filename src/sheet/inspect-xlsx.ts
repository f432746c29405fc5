/**
 * An .xlsx looked at before exceljs unpacks it: a workbook is a zip, and a
 * zip of a few kilobytes can unpack to gigabytes (a zip bomb), or hold a
 * sheet of a million rows that would take all memory to load. Each part is
 * inflated here with a ceiling on what it may become (never trusting the
 * sizes the zip declares), and each worksheet's rows are counted, so that
 * such a file is refused with a message before it costs anything.
 */
import { inflateRawSync } from 'node:zlib';

export type XlsxInspection =
  | { ok: true }
  | { ok: false; reason: 'not-xlsx' }
  | { ok: false; reason: 'unpacked'; limit: number }
  | { ok: false; reason: 'rows'; found: number };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Whether the zip unpacks to at most `maxUnpackedBytes` in all, and no worksheet has more than `maxRows` rows. */
export function inspectXlsx(bytes: Uint8Array, { maxUnpackedBytes, maxRows }: { maxUnpackedBytes: number; maxRows: number }): XlsxInspection {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(data);
  if (end < 0) return { ok: false, reason: 'not-xlsx' };
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  let budget = maxUnpackedBytes;
  let sawWorkbook = false;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== DIRECTORY_ENTRY) return { ok: false, reason: 'not-xlsx' };
    const method = data.readUInt16LE(offset + 10);
    const compressed = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const local = data.readUInt32LE(offset + 42);
    const name = data.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (name === 'xl/workbook.xml') sawWorkbook = true;
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL_HEADER) return { ok: false, reason: 'not-xlsx' };
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + compressed > data.length) return { ok: false, reason: 'not-xlsx' };
    const packed = data.subarray(start, start + compressed);
    let unpacked: Buffer;
    if (method === 0) unpacked = packed;
    else if (method === 8) {
      try {
        unpacked = inflateRawSync(packed, { maxOutputLength: Math.max(budget, 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          return { ok: false, reason: 'unpacked', limit: maxUnpackedBytes };
        }
        return { ok: false, reason: 'not-xlsx' };
      }
    } else return { ok: false, reason: 'not-xlsx' };
    budget -= unpacked.length;
    if (budget < 0) return { ok: false, reason: 'unpacked', limit: maxUnpackedBytes };
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const rows = countRows(unpacked);
      if (rows > maxRows) return { ok: false, reason: 'rows', found: rows };
    }
  }
  return sawWorkbook ? { ok: true } : { ok: false, reason: 'not-xlsx' };
}

/** The end-of-directory record, searched from the end past a comment of up to 64 KB; -1 when there is none. */
function findEndOfDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** `<row` elements of a worksheet's XML (with or without a namespace prefix). */
function countRows(xml: Buffer): number {
  const text = xml.toString('latin1');
  let rows = 0;
  const pattern = /<(?:\w+:)?row[\s>/]/g;
  while (pattern.exec(text)) rows++;
  return rows;
}
