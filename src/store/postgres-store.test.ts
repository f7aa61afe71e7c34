// The store contract on a real PostgreSQL (TEST_DATABASE_URL, default 127.0.0.1:5432/test), in a fresh schema.

import { postgresHarness } from './testing/harnesses.js';
import { describeStoreContract } from './testing/store-contract.js';

describeStoreContract('PostgreSQL', postgresHarness, 'postgres');
