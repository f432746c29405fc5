import { spawn } from 'node:child_process';

export interface ToolRun {
  /** null when the tool could not be started at all. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** The command is not installed, so the caller can say what to install. */
  missing: boolean;
}

/** An external checker's output, without blocking the event loop (so vitest's timeouts still fire). */
export function runTool(command: string, args: readonly string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, stdout, stderr: error.message, missing: error.code === 'ENOENT' }));
    child.on('close', (code) => resolve({ code, stdout, stderr, missing: false }));
  });
}
