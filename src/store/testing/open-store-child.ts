// A second process for the lock test: opens the store in argv[2], prints "opened" or the error code, and
// with argv[3] = "hold" keeps it open until killed.

import { openStore } from '../open-store.js';
import { StoreOpenError } from '../store-config.js';

const dir = process.argv[2] ?? '';
const hold = process.argv[3] === 'hold';
try {
  const store = await openStore({ kind: 'sqlite', dataDir: dir });
  process.stdout.write('opened\n');
  if (hold) {
    setInterval(() => undefined, 1000);
  } else {
    await store.close();
  }
} catch (error) {
  if (error instanceof StoreOpenError) {
    process.stdout.write(`${error.code}\n${error.message}\n`);
    process.exitCode = 3;
  } else {
    throw error;
  }
}
