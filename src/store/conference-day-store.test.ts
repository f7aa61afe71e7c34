// The conference-day repositories on SQLite and on PostgreSQL (fails, not skips, when PostgreSQL is down).

import { postgresHarness, sqliteHarness } from './testing/harnesses.js';
import { describeConferenceDayContract } from './testing/conference-day-contract.js';

describeConferenceDayContract('SQLite', sqliteHarness);
describeConferenceDayContract('PostgreSQL', postgresHarness);
