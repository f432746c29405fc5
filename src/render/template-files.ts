/**
 * How LiquidJS reads templates: through readRegularFileSync, like every
 * file revitalize reads, instead of its own `fs.readFileSync` (which would
 * wait forever on a FIFO and read /dev/zero until memory ran out). A
 * workspace's template must be a regular file of at most MAX_TEMPLATE_MB
 * whose real path is in the workspace; one that is not is refused with a
 * TemplateFileRefused, which template-problem.ts turns into a problem at the
 * file. Something at a template's place is never skipped for the built-in
 * template: the clerk is told what is wrong with theirs.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { FS } from 'liquidjs';
import { MAX_TEMPLATE_MB } from '../limits.js';
import type { FileRefusal } from '../load/read-regular-file.js';
import { isInside, readRegularFileSync } from '../load/read-regular-file.js';

const MB = 1024 * 1024;

/** A template that is there but may not be read: what it is, and why. */
export class TemplateFileRefused extends Error {
  constructor(
    readonly file: string,
    readonly refusal: FileRefusal,
  ) {
    super(`template ${file} refused: ${refusal.reason}`);
  }
}

/** `workspace`: the workspace whose templates may be read, besides the built-in ones under `builtIn`. */
export function templateFileSystem(builtIn: string, workspace: string | undefined): FS {
  const read = (file: string): string => {
    const within = workspace !== undefined && isInside(path.resolve(file), path.resolve(workspace)) ? workspace : builtIn;
    const found = readRegularFileSync(file, { maxBytes: MAX_TEMPLATE_MB * MB, within });
    if (!found.ok) throw new TemplateFileRefused(file, found);
    return new TextDecoder('utf-8').decode(found.bytes);
  };
  // Anything at the path counts, a FIFO or a broken link too: reading it then says what it is.
  const exists = (file: string): boolean => {
    try {
      lstatSync(file);
      return true;
    } catch {
      return false;
    }
  };
  // Lexical: the real path is checked when the file is read, so a link out of the folder is refused, not skipped.
  const contains = (folder: string, file: string) => isInside(path.resolve(file), path.resolve(folder));
  return {
    exists: async (file) => exists(file),
    existsSync: exists,
    readFile: async (file) => read(file),
    readFileSync: read,
    resolve: (folder, file, extension) => path.resolve(folder, path.extname(file) ? file : file + extension),
    contains: async (folder, file) => contains(folder, file),
    containsSync: contains,
    dirname: (file) => path.dirname(file),
    sep: path.sep,
  };
}
