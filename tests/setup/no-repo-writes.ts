/**
 * Tests never write into the repository's own folders: a test that runs on
 * `examples/` or a fixture in place would leave a workspace cache, a report
 * or a lock there, and the next run (or a commit) would read it. Git's view
 * of `examples/` and `tests/` (untracked and ignored files included) is
 * taken before the run and compared after it; anything new or changed
 * fails the run, named. Without git (an unpacked package), or when golden
 * files are being written on purpose (UPDATE_GOLDEN), nothing is checked.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WATCHED = ['examples', 'tests'];

/** `git status` of the watched folders, one line a path, or undefined without git. */
function repositoryState(): Set<string> | undefined {
  const status = spawnSync('git', ['status', '--porcelain=v1', '-z', '--ignored=matching', '--untracked-files=all', '--', ...WATCHED], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (status.error || status.status !== 0) return undefined;
  return new Set(status.stdout.split('\0').filter((line) => line !== ''));
}

export function setup(): () => void {
  if (process.env.UPDATE_GOLDEN) return () => undefined;
  const before = repositoryState();
  return () => {
    const after = repositoryState();
    if (!before || !after) return;
    const appeared = [...after].filter((line) => !before.has(line));
    if (appeared.length > 0) {
      // A teardown's error alone is printed, not counted: the exit code says it too.
      process.exitCode = 1;
      throw new Error(`tests wrote into the repository (copy the workspace to a temporary folder instead):\n${appeared.join('\n')}`);
    }
  };
}
