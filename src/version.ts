import { createRequire } from 'node:module';

/** revitalize's version, from package.json (one folder up from src/ and from dist/ alike). */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
