// Crash safety of the real server on PostgreSQL (issue 8 §2), in a database made for the run and dropped after.
// Short form in CI (TINNHIEM_CRASH_KILLS, default 10); `npm run test:crash` kills 50 times.

import { describe } from 'vitest';
import { crashSuite } from './crash-suite.js';

describe('crash safety on PostgreSQL', () => crashSuite('postgres'));
