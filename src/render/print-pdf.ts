import type { Browser } from 'playwright-core';

/**
 * Chromium flags for printing: no sandbox because scheduled jobs often run as
 * root or in containers where it cannot start; nothing that reaches the
 * network, because the report is self-contained and a job must not depend on
 * (or wait for) Google's servers.
 */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * The browser at `executablePath` could not be started; `cause` holds
 * Playwright's reason, an English log of the launch that is kept for
 * debugging and not shown: what a clerk is told is the catalogue's, with the
 * browser's exit code when it started and ended at once.
 */
export class ChromiumLaunchError extends Error {
  /** The exit code of a browser that started and ended at once, as Playwright's log records it. */
  readonly exitCode: number | undefined;

  constructor(
    readonly executablePath: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`could not start the browser at ${executablePath}: ${reason}`, { cause });
    this.name = 'ChromiumLaunchError';
    const exited = /process did exit: exitCode=(\d+)/.exec(reason);
    this.exitCode = exited ? Number(exited[1]) : undefined;
  }
}

/** The browser started but failed (closed, crashed) while loading or printing the page. */
export class PrintFailedError extends Error {
  constructor(cause: unknown) {
    super(`the browser failed while printing: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PrintFailedError';
  }
}

/** Printing took longer than allowed, so the browser was closed and nothing was written. */
export class PrintTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the browser did not finish printing within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'PrintTimeoutError';
  }
}

export interface PrintPdfOptions {
  /** Path of a Chromium-family browser, from findChromium. */
  chromium: string;
  /** The report's date (YYYY-MM-DD); it becomes the PDF's creation date. */
  generatedOn: string;
  /** One deadline for launch, layout and printing together. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
// A browser that hangs on close must not hold the job either; Playwright kills
// whatever is left when the process exits.
const CLOSE_GRACE_MS = 5_000;

/**
 * The self-contained HTML report printed to PDF by headless Chromium. The
 * page's own @page rules decide paper, margins and page numbers. The same
 * HTML and date give the same bytes, so scheduled jobs can compare files.
 */
export async function printPdf(html: string, { chromium, generatedOn, timeoutMs = DEFAULT_TIMEOUT_MS }: PrintPdfOptions): Promise<Uint8Array> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(generatedOn)) throw new RangeError(`generatedOn must be YYYY-MM-DD, got ${JSON.stringify(generatedOn)}`);
  // Loaded here so that commands which never print do not pay for it.
  const { chromium: launcher } = await import('playwright-core');

  const launching: Promise<Browser> = launcher
    .launch({ executablePath: chromium, args: [...HEADLESS_CHROMIUM_ARGS], timeout: timeoutMs })
    .catch((error: unknown) => {
      throw new ChromiumLaunchError(chromium, error);
    });
  let deadline: NodeJS.Timeout | undefined;
  try {
    const printing = (async () => {
      const browser = await launching;
      try {
        const page = await browser.newPage();
        // The one deadline below governs, so a slow page always ends as PrintTimeoutError.
        page.setDefaultTimeout(0);
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true });
      } catch (error) {
        throw new PrintFailedError(error);
      }
    })();
    const expired = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => reject(new PrintTimeoutError(timeoutMs)), timeoutMs);
    });
    return stampCreationDates(await Promise.race([printing, expired]), generatedOn);
  } finally {
    clearTimeout(deadline);
    await closeWithin(launching, CLOSE_GRACE_MS);
  }
}

async function closeWithin(launching: Promise<Browser>, graceMs: number): Promise<void> {
  // Chained onto the launch, so a browser that finishes starting after the
  // deadline is still closed.
  const closing = launching.then(
    (browser) => browser.close(),
    () => undefined,
  );
  let grace: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    grace = setTimeout(resolve, graceMs);
    grace.unref();
  });
  try {
    await Promise.race([closing.catch(() => undefined), waited]);
  } finally {
    clearTimeout(grace);
  }
}

/**
 * Chromium (Skia) writes the moment of printing into the Info dictionary's
 * /CreationDate and /ModDate, always as UTC `D:YYYYMMDDHHmmSS+00'00'`. They
 * are the only bytes that differ between two prints of the same HTML on the
 * same machine (compared with `cmp -l` on Chromium 156, tagged PDF or not:
 * there is no /ID and no XMP packet). Both become the report's date at
 * midnight. The replacement keeps each value's length, because the xref
 * table at the end of the file records byte offsets that must stay valid.
 */
function stampCreationDates(pdf: Uint8Array, generatedOn: string): Uint8Array {
  const stampDigits = `${generatedOn.replaceAll('-', '')}000000`;
  // latin1 maps each byte to one character and back, so binary streams survive.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const stamped = text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)(\d*)([^)]*)\)/g, (_, key: string, digits: string, zone: string) => {
    const sameLengthDigits = stampDigits.slice(0, digits.length).padEnd(digits.length, '0');
    const utcZone = zone.replace(/\d/g, '0').replace('-', '+');
    return `${key}${sameLengthDigits}${utcZone})`;
  });
  return Buffer.from(stamped, 'latin1');
}
