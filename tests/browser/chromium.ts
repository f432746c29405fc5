/**
 * The browser for the browser tests. A missing browser fails them with an
 * install hint: a skipped check would let a broken print layout through CI.
 */
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { findChromium } from '../../src/render/find-chromium.js';
import { HEADLESS_CHROMIUM_ARGS } from '../../src/render/print-pdf.js';

export function requireChromium(): string {
  const found = findChromium(process.env);
  if (found) return found;
  throw new Error(
    "No Chromium-family browser found for the browser tests. Install Debian's chromium (sudo apt-get install chromium) " +
      'or set REVITALIZE_CHROMIUM to a Chrome, Chromium or Edge executable. Never run "npx playwright install": browser downloads fail here.',
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: [...HEADLESS_CHROMIUM_ARGS] });
}
