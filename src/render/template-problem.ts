/**
 * A mistake in a workspace's own template (an unknown variable or filter, a
 * missing include, broken syntax) is the clerk's to fix, like a mistake in a
 * log: it becomes a located problem. A failure in a built-in template is a
 * bug and is left to propagate.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastGlob from 'fast-glob';
import type { Problem } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import { TEMPLATE_LIMITS, WORKSPACE_TEMPLATES } from './template-engine.js';

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
  if (!(error instanceof Error)) return undefined;
  const token = (error as { token?: LiquidToken }).token ?? (await tooLongTemplate(error, workspace));
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
  if (token.file) return inFolder(token.file) ? { file: token.file, text: await readFile(token.file, 'utf8') } : undefined;
  if (token.input === undefined) return undefined;
  for (const file of await fastGlob('**/*.liquid', { cwd: folder, absolute: true })) {
    const text = await readFile(file, 'utf8');
    if (text === token.input) return { file, text };
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
  [/parse length limit exceeded/, 'length', TEMPLATE_LIMITS.parseLimit],
  [/Maximum call stack size exceeded/, 'depth'],
];

/** LiquidJS names no template when one is too long to parse: it is the workspace's template longer than the limit. */
async function tooLongTemplate(error: Error, workspace: string): Promise<LiquidToken | undefined> {
  if (!/parse length limit exceeded/.test(error.message)) return undefined;
  for (const file of await fastGlob('**/*.liquid', { cwd: path.join(workspace, WORKSPACE_TEMPLATES), absolute: true })) {
    if ((await readFile(file, 'utf8')).length > TEMPLATE_LIMITS.parseLimit) return { file };
  }
  return undefined;
}

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
