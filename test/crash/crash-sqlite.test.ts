// Crash safety of the real server on SQLite (issue 8 §2): SIGKILL at random moments while writes are in flight;
// after every restart each acknowledged write is stored exactly once, integrity_check passes, the chain verifies.
// Short form in CI (TINNHIEM_CRASH_KILLS, default 10); `npm run test:crash` kills 50 times.

import { describe } from 'vitest';
import { crashSuite } from './crash-suite.js';

describe('crash safety on SQLite', () => crashSuite('sqlite'));
