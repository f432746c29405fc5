/**
 * Before any test runs the built bin: dist/ must be the build of src/ as it
 * is now. A stale build would test yesterday's code and pass (or fail) for
 * nothing, so every source file needs its compiled file (the library's), at
 * least as new, and the command's bundle (dist/bundle/, written whole by
 * each build) must be newer than every source file, than the script that
 * bundles it and than the lock file that fixes the dependencies it holds.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');

/** The bundle's entry: every build writes it, so its time is the bundle's. */
export const BUNDLE_ENTRY = path.join('dist', 'bundle', 'revitalize.js');

/** Inputs of the bundle besides src/, relative to the repository. */
const BUNDLE_INPUTS = [path.join('scripts', 'bundle-cli.mjs'), 'package-lock.json'];

/** Files (relative to the repository) that are newer than what was built from them, or that nothing was built from. */
export function staleBuilds(repo: string): string[] {
  const src = path.join(repo, 'src');
  const bundle = path.join(repo, BUNDLE_ENTRY);
  const bundled = existsSync(bundle) ? statSync(bundle).mtimeMs : Number.NEGATIVE_INFINITY;
  const sources = (readdirSync(src, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .filter((file) => {
      const changed = statSync(path.join(src, file)).mtimeMs;
      const built = path.join(repo, 'dist', file.replace(/\.ts$/, '.js'));
      return !existsSync(built) || statSync(built).mtimeMs < changed || bundled < changed;
    })
    .map((file) => path.join('src', file));
  const inputs = BUNDLE_INPUTS.filter((file) => existsSync(path.join(repo, file)) && bundled < statSync(path.join(repo, file)).mtimeMs);
  return [...sources, ...inputs];
}

export default function distIsFresh(): void {
  const stale = staleBuilds(REPO);
  if (stale.length === 0) return;
  const shown = stale.slice(0, 5).map((file) => file.split(path.sep).join('/'));
  throw new Error(
    `dist/ is older than ${shown.join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}: run npm run build before the tests that run the built bin`,
  );
}
