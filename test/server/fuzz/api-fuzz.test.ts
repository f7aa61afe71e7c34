// API fuzzing on SQLite (issue 8 §4): TINNHIEM_FUZZ_RUNS requests (default 10,000; `npm run test:fuzz:long`
// sends 100,000) over every operation of the OpenAPI document. See fuzz-suite.ts for what is checked.

import { describe } from 'vitest';
import { fuzzSuite } from './fuzz-suite.js';

describe('API fuzzing on SQLite', () =>
  fuzzSuite('sqlite', Number(process.env.TINNHIEM_FUZZ_RUNS ?? 10_000)));
