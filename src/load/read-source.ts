/**
 * One workspace file from disk to text, or the problem that stops it: too
 * large, a link to nothing or in a loop, a link out of the workspace, a
 * FIFO or device in a file's place, unreadable, or not text in an encoding
 * we know. The reading itself is readRegularFile's.
 */
import path from 'node:path';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem, wholeFile } from '../problems/problem.js';
import { decodeText } from './decode-text.js';
import type { FileRead, FileRefusal, FileStamp, InspectedFile, ReadRules, RealFolders, WorkspaceFs } from './read-regular-file.js';
import { inspectRegularFile, readInspectedFile, readInspectedFileSync, readRegularFile } from './read-regular-file.js';

export interface SourceText {
  file: string;
  text: string;
  /** What the file looked like on disk (taken on the open handle just before reading), for the workspace cache. */
  stamp: FileStamp;
  /** Decoded as GB18030 (with a warning), not UTF-8. */
  gb18030: boolean;
  /** Where the file really is (links followed), so a file reached by two paths is read once. */
  realPath: string;
}

export type ReadOutcome = { ok: true; source: SourceText; problems: Problem[] } | { ok: false; problems: Problem[] };

export const MB = 1024 * 1024;

export async function readSource(root: string, file: string, maxSizeMB: number, fs?: WorkspaceFs): Promise<ReadOutcome> {
  return sourceFrom(file, await readRegularFile(path.join(root, file), readRules(root, maxSizeMB), fs), maxSizeMB);
}

/** What inspectSource found first, read; for the files whose text the workspace cache cannot do without. */
export async function readInspectedSource(root: string, file: string, inspected: InspectedFile, maxSizeMB: number, fs?: WorkspaceFs): Promise<ReadOutcome> {
  return sourceFrom(file, await readInspectedFile(inspected, readRules(root, maxSizeMB), fs), maxSizeMB);
}

/** readInspectedSource, synchronously, on the real file system: how a parse worker reads the files it parses. */
export function readInspectedSourceSync(root: string, file: string, inspected: InspectedFile, maxSizeMB: number): ReadOutcome {
  return sourceFrom(file, readInspectedFileSync(inspected, readRules(root, maxSizeMB)), maxSizeMB);
}

/** The first half of readSource: whether the file may be read, where it is, and its stamp; or the problem that stops it. `realFolders`: shared by the files of one run. */
export async function inspectSource(
  root: string,
  file: string,
  maxSizeMB: number,
  fs?: WorkspaceFs,
  realFolders?: RealFolders,
): Promise<{ ok: true; inspected: InspectedFile } | { ok: false; problems: Problem[] }> {
  const inspected = await inspectRegularFile(path.join(root, file), { ...readRules(root, maxSizeMB), realFolders }, fs);
  return inspected.ok ? { ok: true, inspected } : { ok: false, problems: [refusalProblem(inspected, wholeFile(file), maxSizeMB)] };
}

/** The warning a file decoded as GB18030 gets. */
export function gb18030Problem(file: string): Problem {
  return problem('W-FILE-GB18030', wholeFile(file));
}

function readRules(root: string, maxSizeMB: number): ReadRules {
  return { maxBytes: Math.floor(maxSizeMB * MB), within: root };
}

function sourceFrom(file: string, read: FileRead, maxSizeMB: number): ReadOutcome {
  const at = wholeFile(file);
  if (!read.ok) return { ok: false, problems: [refusalProblem(read, at, maxSizeMB)] };
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { ok: false, problems: [problem('E-FILE-ENCODING', at)] };
  const gb18030 = decoded.encoding === 'gb18030';
  return {
    ok: true,
    source: { file, text: decoded.text, stamp: read.stamp, gb18030, realPath: read.realPath },
    problems: gb18030 ? [gb18030Problem(file)] : [],
  };
}

/** Why a workspace file was not read, as a problem at it. */
/** `fixedLimit`: the size limit is revitalize's own (a template's), not the config's maxFileSizeMB. */
export function refusalProblem(refusal: FileRefusal, at: SourceLocation, maxSizeMB: number, fixedLimit = false): Problem {
  switch (refusal.reason) {
    case 'missing':
      return problem('E-FILE-UNREADABLE', at, { detail: 'ENOENT' });
    case 'broken-link':
      return problem('E-BROKEN-LINK', at);
    case 'link-loop':
      return problem('E-LINK-LOOP', at);
    case 'outside':
      return problem('E-FILE-OUTSIDE-WORKSPACE', at);
    case 'not-a-file':
      return problem('E-NOT-A-FILE', at, { type: refusal.type });
    case 'too-large':
      return problem('E-FILE-TOO-LARGE', at, { bytes: refusal.bytes, limit: maxSizeMB, ...(fixedLimit ? { file: 'template' } : {}) });
    case 'unreadable':
      return problem('E-FILE-UNREADABLE', at, { detail: refusal.code });
  }
}
