/**
 * Before any test runs the built bin: dist/ must be the build of src/ as it
 * is now. A stale build would test yesterday's code and pass (or fail) for
 * nothing, so every source file needs its compiled file, at least as new.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');

/** Source files (relative to src/) whose compiled file is missing or older than they are. */
export function staleBuilds(repo: string): string[] {
  const src = path.join(repo, 'src');
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .filter((file) => {
      const built = path.join(repo, 'dist', file.replace(/\.ts$/, '.js'));
      return !existsSync(built) || statSync(built).mtimeMs < statSync(path.join(src, file)).mtimeMs;
    });
}

export default function distIsFresh(): void {
  const stale = staleBuilds(REPO);
  if (stale.length === 0) return;
  const shown = stale.slice(0, 5).map((file) => `src/${file.split(path.sep).join('/')}`);
  throw new Error(
    `dist/ is older than ${shown.join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}: run npm run build before the tests that run the built bin`,
  );
}
