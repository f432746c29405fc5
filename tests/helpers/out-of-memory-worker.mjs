// A parse worker that runs out of memory on every batch, for tests/unit/parse-in-parallel.test.ts.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  const hoard = [];
  for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
});
