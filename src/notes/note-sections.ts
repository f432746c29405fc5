/**
 * The parts of a month's notes (notes/YYYY-MM.md): the clerk's own words
 * for the report. A section is found by its heading, written in either
 * language or as its id, with or without a numbering prefix (一、 （一）
 * 1. 1、), spaces and a trailing colon; 下步工作打算 is the one every
 * 月报 must have.
 */
import { PILLARS } from '../schema/log-schema.js';
import { nearestName } from '../validate/nearest-name.js';

export const NOTE_SECTIONS = ['overview', ...PILLARS, 'problems', 'plans'] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

/** Sections a month's notes must have, with some text. */
export const REQUIRED_NOTE_SECTIONS: readonly NoteSection[] = ['plans'];

/** A month's notes: each section's Markdown, sanitised for the report; a section with no text is absent. */
export interface MonthNotes {
  /** Path relative to the workspace, with forward slashes. */
  file: string;
  sections: Partial<Record<NoteSection, string>>;
}

/** The headings each section answers to, besides its id. */
const HEADINGS: Record<NoteSection, readonly string[]> = {
  overview: ['总体情况', '工作概述', 'Overview'],
  organization: ['组织联建', 'Joint organisation building', 'Joint organization building'],
  talent: ['人才联育', 'Talent cultivation'],
  'night-talk': ['夜谈联访', 'Night talks and visits'],
  ecology: ['生态联治', 'Joint ecological management'],
  problems: ['存在问题', 'Problems'],
  plans: ['下步工作打算', '下步打算', '下一步工作打算', 'Next steps', 'Plans'],
};

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[、.．)）]|\s))/;

/** A heading as it is compared: no numbering, spaces, emphasis marks or trailing colon; lower case. */
export function normalizeHeading(heading: string): string {
  let name = heading.replace(/[*_`]/g, '').trim();
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(NUMBERING, '').trim();
  }
  return name
    .replace(/[:：]+$/, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

const BY_NAME: ReadonlyMap<string, NoteSection> = new Map(
  NOTE_SECTIONS.flatMap((section) => [section, ...HEADINGS[section]].map((name) => [normalizeHeading(name), section] as const)),
);

/** The section a heading names, or undefined. */
export function sectionOfHeading(heading: string): NoteSection | undefined {
  return BY_NAME.get(normalizeHeading(heading));
}

/** The section a mistyped heading most likely meant, for "did you mean". */
export function nearestSection(heading: string): NoteSection | undefined {
  return nearestName(normalizeHeading(heading), [], BY_NAME) as NoteSection | undefined;
}

/** Every section with its text or null, as the report model carries them. */
export function noteTexts(notes: MonthNotes | null | undefined): Record<NoteSection, string | null> {
  return Object.fromEntries(NOTE_SECTIONS.map((section) => [section, notes?.sections[section] ?? null])) as Record<NoteSection, string | null>;
}
