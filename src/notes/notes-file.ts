/**
 * Where a month's notes live: notes/YYYY-MM.md in the workspace. A name
 * that is recognisably a month written another way (2023-4.md,
 * 2023年4月.md, 2023.04.md) is not read, but its right name can be told.
 */
import type { YearMonth } from '../metrics/report-period.js';
import { YEAR_PATTERN } from '../schema/log-schema.js';

export const NOTES_FOLDER = 'notes';

// Years from 1900 to 9999 (log-schema.ts); notes named for another year are not read, and no right name is told.
const NOTES_NAME = new RegExp(`^${YEAR_PATTERN}-(0[1-9]|1[0-2])\\.md$`);
const MONTH_WRITTEN_OTHERWISE = new RegExp(`^(${YEAR_PATTERN})\\s*(?:[-_./年]\\s*)?(0?[1-9]|1[0-2])\\s*月?$`);

/** The notes file of a month, relative to the workspace. */
export function notesFile(month: YearMonth): string {
  return `${NOTES_FOLDER}/${month}.md`;
}

export function isNotesName(name: string): boolean {
  return NOTES_NAME.test(name);
}

/** The right name for a notes file named like a month in another way, or undefined. */
export function rightNotesName(name: string): string | undefined {
  const match = MONTH_WRITTEN_OTHERWISE.exec(name.replace(/\.md$/i, '').trim());
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}.md` : undefined;
}
