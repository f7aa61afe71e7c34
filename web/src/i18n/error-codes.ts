// Compile-time check that every error code the API can answer has words in the message tables.

import type { ErrorCode } from '../../../src/server/errors.js';
import type { MessageKey } from './vi.js';

/** The codes of src/server/errors.ts without an `error.<code>` message; must stay empty. */
export type UntranslatedErrorCode = Exclude<`error.${ErrorCode}`, MessageKey>;

/** Fails to compile, naming the missing key, when the server adds a code the tables do not word. */
export const EVERY_ERROR_CODE_TRANSLATED: [UntranslatedErrorCode] extends [never]
  ? true
  : UntranslatedErrorCode = true;
