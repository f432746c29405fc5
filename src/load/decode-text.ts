/**
 * Bytes to text. Logs come from Windows editors too: UTF-8 with or without a
 * byte-order mark, UTF-16 with one, and files saved as GBK/GB18030, which
 * are read as such (with a warning) rather than shown as mojibake. Bytes
 * that are none of these, or text with NUL characters (a binary file), are
 * refused.
 */
export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type DecodeResult = { ok: true; text: string; encoding: SourceEncoding } | { ok: false };

const strict = (encoding: SourceEncoding) => new TextDecoder(encoding, { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): DecodeResult {
  const encoding = byteOrderMark(bytes);
  const attempts: SourceEncoding[] = encoding ? [encoding] : ['utf-8', 'gb18030'];
  for (const attempt of attempts) {
    let text: string;
    try {
      text = strict(attempt).decode(bytes);
    } catch {
      continue;
    }
    return text.includes('\u0000') ? { ok: false } : { ok: true, text, encoding: attempt };
  }
  return { ok: false };
}

function byteOrderMark(bytes: Uint8Array): SourceEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
