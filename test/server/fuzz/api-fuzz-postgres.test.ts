// API fuzzing on PostgreSQL (issue 8 §4): a fifth of TINNHIEM_FUZZ_RUNS (default 2,000), for what only
// PostgreSQL refuses (NUL in text, stricter types). See fuzz-suite.ts for what is checked.

import { describe } from 'vitest';
import { fuzzSuite } from './fuzz-suite.js';

const RUNS = Math.ceil(Number(process.env.TINNHIEM_FUZZ_RUNS ?? 10_000) / 5);

describe('API fuzzing on PostgreSQL', () => fuzzSuite('postgres', RUNS));
