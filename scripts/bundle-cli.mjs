/**
 * The command as it runs: src/cli/main.ts and the parse worker bundled with
 * their dependencies into ES modules in dist/bundle/ (part of `npm run
 * build`, after tsc has built the library and its declarations in dist/).
 *
 * Each `import()` of the sources is a place the bundle splits: a command's
 * module, a format's renderer and the libraries only they use (ECharts,
 * docx, the prompts, the file watcher) are chunks of their own, loaded when
 * that command or format runs, so `--version` and `--help` load little more
 * than the command-line parser. Loading a few chunks instead of hundreds of
 * files is most of what a bundle saves.
 *
 * Every file of the bundle sits directly in dist/bundle/, two folders below
 * the package like the modules of src/ and dist/ that find files beside
 * the package by a path relative to their own (templates/, scaffold/,
 * schema/); the worker is `parse-worker.js` beside the chunk that starts
 * it. Source maps point into src/ and node_modules/
 * (`node --enable-source-maps`).
 *
 * Left outside the bundle, loaded from node_modules as they are:
 * playwright-core, which finds its own files at run time, and exceljs, a
 * CommonJS package of many dependencies that only `sheet`, `import` and
 * `--format xlsx` need.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE_FOLDER = path.join(ROOT, 'dist', 'bundle');

/** Packages loaded from node_modules at run time instead of being bundled. */
const EXTERNAL = [/^playwright-core(\/|$)/, /^exceljs(\/|$)/];

/**
 * A chunk named, for whoever reads a stack trace, after the package most of
 * its modules come from (`echarts-….js`), or after its first source file
 * when most are ours (`render-report-….js`).
 */
function chunkName(chunk) {
  const counts = new Map();
  for (const id of chunk.moduleIds) {
    const owner = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1] ?? '';
    counts.set(owner, (counts.get(owner) ?? 0) + 1);
  }
  const [owner] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [''];
  return (owner || chunk.name).replace(/^@/, '').replace(/[^\w.-]+/g, '-');
}

export async function bundleCli() {
  await build({
    cwd: ROOT,
    input: {
      revitalize: 'src/cli/main.ts',
      // Started by src/load/parse-in-parallel.ts as ./parse-worker.js, beside it.
      'parse-worker': 'src/load/parse-worker.ts',
    },
    platform: 'node',
    // A package's ES module build before its CommonJS one (jsonc-parser's
    // UMD build requires its own files by relative paths, which a bundle
    // cannot follow).
    resolve: {
      mainFields: ['module', 'main'],
      // fdir's ES module build loads picomatch with a require() made at run
      // time, a second copy from node_modules beside the bundled one that
      // tinyglobby uses; its CommonJS build's plain require() is bundled.
      alias: { fdir: createRequire(import.meta.url).resolve('fdir') },
    },
    external: EXTERNAL,
    logLevel: 'warn',
    output: {
      dir: BUNDLE_FOLDER,
      format: 'esm',
      cleanDir: true,
      sourcemap: true,
      sourcemapExcludeSources: true,
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => `${chunkName(chunk)}-[hash].js`,
    },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli();
}
