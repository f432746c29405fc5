#!/usr/bin/env node
// The installed command: all of it lives in dist/bundle/ (built by `npm run build`).
import module from 'node:module';
import path from 'node:path';

// Node 22.1 and later can keep the compiled code of our modules between
// runs, which a clerk's every command starts by loading (a report on Node
// 24: 285 → 240 ms). The cache is the user's, never the workspace's; Node
// checks each entry against the module's source, and NODE_COMPILE_CACHE or
// NODE_DISABLE_COMPILE_CACHE, when set, decide instead. Older Node has no
// such function and runs as before, without loading what finds the folder.
if (typeof module.enableCompileCache === 'function' && !process.env.NODE_COMPILE_CACHE && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  try {
    const { userCacheFolder } = await import('./user-cache-folder.js');
    module.enableCompileCache(path.join(userCacheFolder(), 'revitalize', 'compile-cache'));
  } catch {
    // A cache that cannot be made only costs the speed it would have given.
  }
}

// With --debug, a stack trace names lines of src/ rather than of the
// bundle. Source maps are read only when asked for: reading them is a cost
// every run would pay (and only modules loaded after this point are mapped).
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

const { main } = await import('../dist/bundle/revitalize.js');
process.exitCode = await main(process.argv.slice(2));
