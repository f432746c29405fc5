/**
 * Checks that imports in src/ only point down the layers, with the rules in
 * .dependency-cruiser.cjs. dependency-cruiser 17 (the last for Node 20) reads
 * TypeScript only through the TypeScript compiler's JS API, which
 * TypeScript 7 no longer has; so this script reads each module's imports with
 * oxc (oxc-parser), writes them as a mirror tree of
 * import-only JS files, and lets dependency-cruiser judge that tree. Type-only
 * imports count: a type that points up a layer is an upward import too.
 *
 * Usage: node scripts/check-layers.mjs [root]   (exit 0 clean, 1 violations, 2 failure)
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise } from 'dependency-cruiser';
import { parseSync } from 'oxc-parser';

/** Every module under `dir`, as paths relative to `root` with forward slashes. */
function typeScriptFiles(root, dir) {
  const found = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) found.push(...typeScriptFiles(root, path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(path);
  }
  return found.sort();
}

/** The specifiers a module imports or re-exports, statically or by a literal `import()`, types included. */
export function importedSpecifiers(fileName, text) {
  const { module, errors } = parseSync(fileName, text, { lang: 'ts' });
  if (errors.length > 0) throw new Error(`${fileName}: ${errors[0].message}`);
  const specifiers = [
    ...module.staticImports.map((found) => found.moduleRequest.value),
    ...module.staticExports.flatMap((found) => found.entries.map((entry) => entry.moduleRequest?.value)),
    ...module.dynamicImports.map((found) => text.slice(found.moduleRequest.start, found.moduleRequest.end)).map(literalValue),
    // `typeof import('x')` in a type: oxc lists it nowhere above.
    ...[...text.matchAll(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g)].map((match) => match[2]),
  ];
  return [...new Set(specifiers.filter((specifier) => typeof specifier === 'string'))];
}

function literalValue(source) {
  const match = /^\s*(['"])([^'"]+)\1\s*$/.exec(source);
  return match ? match[2] : undefined;
}

/** Writes, for each module under root/src, a .js file holding only its imports; returns the mirror's root. */
function writeImportMirror(root, sourceDir) {
  const mirror = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const path of typeScriptFiles(root, sourceDir)) {
    const lines = importedSpecifiers(path, readFileSync(join(root, path), 'utf8')).map((specifier) => `import ${JSON.stringify(specifier)};`);
    const target = join(mirror, path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${lines.join('\n')}\n`);
  }
  return mirror;
}

/** The rules of root/.dependency-cruiser.cjs. */
export function layerRules(root) {
  return createRequire(join(root, 'package.json'))(join(root, '.dependency-cruiser.cjs'));
}

/**
 * The violations of the layer rules among root/src's modules (or another
 * folder's, for tests), as `{ rule, from, to }` with .ts paths.
 */
export async function checkLayers(root, { sourceDir = 'src', rules = layerRules(root) } = {}) {
  const mirror = writeImportMirror(root, sourceDir);
  const here = process.cwd();
  try {
    // dependency-cruiser reads paths against the working directory.
    process.chdir(mirror);
    // The rules name modules as .ts; the mirror holds them as .js.
    const forbidden = JSON.parse(JSON.stringify(rules.forbidden).replaceAll('\\\\.ts', '\\\\.js'));
    const result = await cruise([sourceDir], { validate: true, ruleSet: { forbidden }, ...rules.options });
    const asSource = (path) => path.replace(/\.js$/, '.ts');
    return result.output.summary.violations.map((violation) => ({
      rule: violation.rule.name,
      from: asSource(violation.from),
      to: violation.cycle ? violation.cycle.map((step) => asSource(step.name ?? step)).join(' → ') : asSource(violation.to),
    }));
  } finally {
    process.chdir(here);
    rmSync(mirror, { recursive: true, force: true });
  }
}

async function main() {
  const root = process.argv[2] ?? process.cwd();
  const violations = await checkLayers(root);
  for (const { rule, from, to } of violations) console.error(`${rule}: ${from} → ${to}`);
  if (violations.length > 0) {
    console.error(`${violations.length} import(s) against the layer rules in .dependency-cruiser.cjs`);
    process.exitCode = 1;
  } else {
    console.log(`layers: no import points up (${typeScriptFiles(root, 'src').length} modules)`);
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 2;
  });
}
