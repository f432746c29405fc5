/**
 * A mistake in a workspace's own template (an unknown variable or filter, a
 * missing include, broken syntax) is the clerk's to fix, like a mistake in a
 * log: it becomes a located problem; so does a template that may not be
 * read (a FIFO, a link out of the workspace: template-files.ts). A failure
 * in a built-in template is a bug and is left to propagate.
 */
import path from 'node:path';
import { MAX_TEMPLATE_MB } from '../limits.js';
import { findWorkspaceFiles } from '../load/find-workspace-files.js';
import { readRegularFile } from '../load/read-regular-file.js';
import { MB, refusalProblem } from '../load/read-source.js';
import type { Problem } from '../problems/problem.js';
import { problem, wholeFile } from '../problems/problem.js';
import { TEMPLATE_LIMITS, WORKSPACE_TEMPLATES } from './template-engine.js';
import { TemplateFileRefused } from './template-files.js';

interface LiquidToken {
  file?: string;
  input?: string;
  getPosition?: () => [number, number];
}

export interface TemplateProblem {
  problem: Problem;
  /** The template's text, for the excerpt. */
  text: string;
}

export async function templateProblem(error: unknown, workspace: string): Promise<TemplateProblem | undefined> {
  const refused = refusedTemplate(error);
  if (refused) {
    const file = path.relative(workspace, refused.file).split(path.sep).join('/');
    if (file.startsWith('..') || path.isAbsolute(file)) return undefined;
    return { problem: refusalProblem(refused.refusal, wholeFile(file), MAX_TEMPLATE_MB, true), text: '' };
  }
  if (!(error instanceof Error)) return undefined;
  const token = (error as { token?: LiquidToken }).token;
  if (!token) return undefined;
  const found = await templateFile(token, workspace);
  if (!found) return undefined;
  const [line, col] = token.getPosition?.() ?? [0, 0];
  const file = path.relative(workspace, found.file).split(path.sep).join('/');
  return { problem: problem('E-TEMPLATE', { file, line, col }, describe(error.message)), text: found.text };
}

/**
 * The workspace template the error is in. LiquidJS names the file for most
 * errors, but not for an undefined variable; then the template is the one
 * whose text the error quotes.
 */
async function templateFile(token: LiquidToken, workspace: string): Promise<{ file: string; text: string } | undefined> {
  const folder = path.join(workspace, WORKSPACE_TEMPLATES);
  const inFolder = (file: string) => !path.relative(folder, file).startsWith('..');
  const read = async (file: string) => {
    const found = await readRegularFile(file, { maxBytes: MAX_TEMPLATE_MB * MB, within: workspace });
    return found.ok ? new TextDecoder('utf-8').decode(found.bytes) : undefined;
  };
  if (token.file) {
    const text = inFolder(token.file) ? await read(token.file) : undefined;
    return text === undefined ? undefined : { file: token.file, text };
  }
  if (token.input === undefined) return undefined;
  const found = await findWorkspaceFiles(folder, ['**/*.liquid'], { onlyFiles: true }).catch(() => undefined);
  for (const match of found?.matches ?? []) {
    const file = path.join(folder, match);
    const text = await read(file);
    if (text === token.input) return { file, text };
  }
  return undefined;
}

/** The refused template behind a LiquidJS error, which wraps what its file system throws (sometimes twice). */
function refusedTemplate(error: unknown): TemplateFileRefused | undefined {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof TemplateFileRefused) return cause;
    cause = (cause as { originalError?: unknown; cause?: unknown }).originalError ?? (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A limit a template ran into, by the words of LiquidJS's limits
 * (template-engine.ts) and of the JavaScript engine's own (an output too
 * long for a string, a template that includes itself).
 */
const LIMITS: [RegExp, string, number?][] = [
  [/template render limit exceeded/, 'time', TEMPLATE_LIMITS.renderLimit / 1000],
  [/memory alloc limit exceeded|Invalid string length|Invalid array length/, 'memory'],
  [/Maximum call stack size exceeded/, 'depth'],
];

/** LiquidJS's message, reduced to what went wrong and the name involved. */
function describe(message: string): { reason: string; name?: string; limit?: number; detail: string } {
  const detail = message.split(/, file:|, line:/)[0]!;
  const limit = LIMITS.find(([pattern]) => pattern.test(message));
  if (limit) return { reason: 'limit', name: limit[1], ...(limit[2] === undefined ? {} : { limit: limit[2] }), detail };
  const variable = /undefined variable: ([^,\s]+)/.exec(message);
  if (variable) return { reason: 'variable', name: variable[1]!, detail };
  const filter = /undefined filter: ([^,\s]+)/.exec(message);
  if (filter) return { reason: 'filter', name: filter[1]!, detail };
  const lookup = /Failed to lookup "([^"]+)"/.exec(message);
  if (lookup) return { reason: 'include', name: lookup[1]!, detail };
  return { reason: 'syntax', detail };
}
