/**
 * The notes files of a workspace (notes/YYYY-MM.md), from disk to
 * MonthNotes and problems. Read like logs (readSource: byte-order marks,
 * CRLF, GB18030 with its warning, the size limit, unreadable files);
 * parsed by the pure parseMonthNotes. A missing notes file matters only
 * for a month being reported or checked.
 */
import type { YearMonth } from '../metrics/report-period.js';
import type { MonthNotes } from '../notes/note-sections.js';
import { NOTES_FOLDER, isNotesName, notesFile, rightNotesName } from '../notes/notes-file.js';
import { parseMonthNotes } from '../notes/parse-month-notes.js';
import type { Problem } from '../problems/problem.js';
import { problem, sortProblems, wholeFile } from '../problems/problem.js';
import { DEFAULT_MAX_FILE_SIZE_MB } from '../schema/config-schema.js';
import type { WorkspaceFs } from './read-regular-file.js';
import { findWorkspaceFiles } from './find-workspace-files.js';
import { readSource } from './read-source.js';

export interface MonthNotesRead {
  /** null when the file is missing or cannot be read. */
  notes: MonthNotes | null;
  problems: Problem[];
  /** The file's text when it has problems, for excerpts. */
  text?: string;
}

/** The notes of a month; W-NOTES-MISSING when there are none. */
export async function readMonthNotes(root: string, month: YearMonth, fs?: WorkspaceFs, maxSizeMB = DEFAULT_MAX_FILE_SIZE_MB): Promise<MonthNotesRead> {
  const file = notesFile(month);
  const read = await readSource(root, file, maxSizeMB, fs);
  if (!read.ok) {
    const missing = read.problems.some((found) => found.code === 'E-FILE-UNREADABLE' && found.params.detail === 'ENOENT');
    return { notes: null, problems: missing ? [problem('W-NOTES-MISSING', wholeFile(file), { month })] : read.problems };
  }
  const parsed = parseMonthNotes(read.source.text, file);
  const problems = sortProblems([...read.problems, ...parsed.problems]);
  return { notes: parsed.notes, problems, ...(problems.length > 0 ? { text: read.source.text } : {}) };
}

/** Every notes file there is: its name, and what reading it finds. Texts are those of the files with problems. */
export async function checkNotesFolder(
  root: string,
  fs?: WorkspaceFs,
  maxSizeMB = DEFAULT_MAX_FILE_SIZE_MB,
): Promise<{ problems: Problem[]; texts: Map<string, string> }> {
  // Not only files: a FIFO or a device named like notes is then refused by name when it is read.
  const found = await findWorkspaceFiles(root, [`${NOTES_FOLDER}/*.md`], { caseSensitiveMatch: false });
  const problems: Problem[] = found.unreadableFolders.map(({ folder, code }) =>
    problem('E-FILE-UNREADABLE', wholeFile(folder), { detail: code, folder: 'yes' }),
  );
  const texts = new Map<string, string>();
  for (const file of found.matches.filter((match) => !match.endsWith('/')).sort()) {
    const name = file.slice(NOTES_FOLDER.length + 1);
    if (!isNotesName(name)) {
      const suggestion = rightNotesName(name);
      problems.push(problem('W-NOTES-BAD-NAME', wholeFile(file), { name, ...(suggestion ? { suggestion } : {}) }));
      continue;
    }
    const read = await readMonthNotes(root, name.slice(0, -'.md'.length), fs, maxSizeMB);
    for (const each of read.problems) problems.push(each);
    if (read.text !== undefined) texts.set(file, read.text);
  }
  return { problems: sortProblems(problems), texts };
}
