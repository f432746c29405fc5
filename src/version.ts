import { createRequire } from 'node:module';

/**
 * revitalize's version, from package.json. Named through the package's
 * `imports` map, so it is found from src/, from dist/ and from the bundled
 * chunks alike, whatever their depth.
 */
export const VERSION: string = (createRequire(import.meta.url)('#package.json') as { version: string }).version;
