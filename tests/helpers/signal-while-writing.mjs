// A process of the built command (dist/) caught writing a temporary file: it
// sets up the command's signal handling (main), tracks a temporary as a
// writer does, says so, and waits for a signal. See tests/e2e/kill.test.ts.
import { writeFileSync } from 'node:fs';

const [dist, temporary] = process.argv.slice(2);
const { main } = await import(new URL('cli/main.js', dist).href);
const { trackTemporary } = await import(new URL('temporary-files.js', dist).href);
await main(['--version']);
trackTemporary(temporary);
writeFileSync(temporary, 'half a file');
process.stdout.write('writing\n');
setInterval(() => undefined, 1000);
