/**
 * Where a write to a path lands: through every link on the way (a link to
 * a folder, a file that is a link, a link to a link), even when the file or
 * some of its folders do not exist yet, or a link points at nothing yet.
 * Outputs are compared with inputs by this, never by the path as typed, so
 * that no link (an output folder that is a link into the logs, a report
 * file that is a link to the config) can make a write land on something
 * the tool reads; and a log that is a link is written through to its
 * target, the link left as it is.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The file access realTarget needs; the write stage passes its own. */
export type LinkFs = Pick<typeof nodeFs, 'realpath' | 'lstat' | 'readlink'>;

/** As the kernel allows (Linux follows 40 links before ELOOP). */
const MAX_LINKS = 40;

export async function realTarget(file: string, fs: LinkFs = nodeFs): Promise<string> {
  return follow(path.resolve(file), fs, { hops: 0 });
}

async function follow(file: string, fs: LinkFs, count: { hops: number }): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Missing (or under a file, which the write will report): resolved part by part below.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  const parent = path.dirname(file);
  if (parent === file) return file;
  const folder = await follow(parent, fs, count);
  const here = path.join(folder, path.basename(file));
  const link = await fs.lstat(here).catch(() => undefined);
  if (!link?.isSymbolicLink()) return here;
  // A link to nothing (yet): the write lands where it points.
  if (++count.hops > MAX_LINKS) throw Object.assign(new Error(`${file}: too many levels of links`), { code: 'ELOOP' });
  return follow(path.resolve(folder, await fs.readlink(here)), fs, count);
}
