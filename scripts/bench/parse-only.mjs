#!/usr/bin/env node
/**
 * The floor a report is compared with: find the workspace's log files, read
 * each and parse it with js-yaml, one after another, and nothing else (no
 * validation, no metrics, no rendering). The parsed documents are kept, as
 * any loader must keep them until the report is built, so its peak memory is
 * the cost of holding the parsed logs.
 *
 *   node scripts/bench/parse-only.mjs <workspace>
 *
 * Prints {"files":…,"entries":…} so the bench can check it saw the same logs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

// The tool's default globs are logs/**/*.yaml and logs/**/*.yml.
function findLogFiles(folder) {
  const files = [];
  for (const item of readdirSync(folder, { withFileTypes: true })) {
    const itemPath = path.join(folder, item.name);
    if (item.isDirectory()) files.push(...findLogFiles(itemPath));
    else if (item.isFile() && /\.ya?ml$/.test(item.name)) files.push(itemPath);
  }
  return files;
}

const workspace = process.argv[2];
if (!workspace) {
  console.error('usage: node scripts/bench/parse-only.mjs <workspace>');
  process.exit(2);
}
const documents = findLogFiles(path.join(workspace, 'logs')).map((file) => load(readFileSync(file, 'utf8')));
const entries = documents.reduce((count, document) => count + (Array.isArray(document?.entries) ? document.entries.length : 0), 0);
console.log(JSON.stringify({ files: documents.length, entries }));
