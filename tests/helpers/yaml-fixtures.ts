import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { decodeText } from '../../src/load/decode-text.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A fixture's text as the loader decodes it; undefined for files that are not text. */
export function fixtureText(file: string): string | undefined {
  const decoded = decodeText(readFileSync(path.join(REPO, file)));
  return decoded.ok ? decoded.text : undefined;
}

/** Every YAML file of the examples and test fixtures, relative to the repository; not links (the catalogue's links lead to nothing, to themselves, or out of the repository). */
export function fixtureYamlFiles(): string[] {
  return ['examples', 'tests/fixtures', 'tests/errors']
    .filter((folder) => existsSync(path.join(REPO, folder)))
    .flatMap((folder) =>
      (readdirSync(path.join(REPO, folder), { recursive: true }) as string[])
        .map((file) => path.join(folder, file))
        .filter((file) => /\.ya?ml$/.test(file) && lstatSync(path.join(REPO, file), { throwIfNoEntry: false })?.isFile()),
    )
    .sort();
}
