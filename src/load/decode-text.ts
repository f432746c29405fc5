/**
 * Bytes to text. Logs come from Windows editors too: a UTF-8 byte-order mark
 * is dropped; bytes that are not UTF-8 are refused rather than shown as
 * mojibake in a report.
 */
export type DecodeResult = { ok: true; text: string } | { ok: false };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false };
  }
}
