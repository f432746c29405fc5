// Writes schema/*.schema.json from the zod definitions (run `npm run build` first).
import { writeFileSync } from 'node:fs';
import { configJsonSchema, logFileJsonSchema } from '../dist/schema/json-schemas.js';

const target = new URL('../schema/', import.meta.url);
writeFileSync(new URL('log.schema.json', target), `${JSON.stringify(logFileJsonSchema(), null, 2)}\n`);
writeFileSync(new URL('revitalize.schema.json', target), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
