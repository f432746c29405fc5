/**
 * Page facts read straight from the PDF's bytes, so the tests need no PDF
 * library. Chromium writes PDF 1.4 without object streams, so every page
 * object and its /MediaBox are plain text.
 */
export interface PdfPage {
  widthPt: number;
  heightPt: number;
}

export function pdfPages(pdf: Uint8Array): PdfPage[] {
  const text = Buffer.from(pdf).toString('latin1');
  const pageCount = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g)].map(([, x0, y0, x1, y1]) => ({
    widthPt: Number(x1) - Number(x0),
    heightPt: Number(y1) - Number(y0),
  }));
  if (boxes.length !== pageCount) throw new Error(`expected one /MediaBox per page, found ${boxes.length} for ${pageCount} pages`);
  return boxes;
}

/** A4 is 595.28 × 841.89 pt; Chromium rounds through CSS pixels to 594.96 × 841.92. */
export function isA4Portrait({ widthPt, heightPt }: PdfPage): boolean {
  return Math.abs(widthPt - 595.28) < 1 && Math.abs(heightPt - 841.89) < 1;
}
