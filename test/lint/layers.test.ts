// The dependency direction of architecture.md is enforced: a lower layer importing a higher one fails lint.

import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import config from '../../eslint.config.js';

const layerConfigs = config.filter(
  (entry) => entry.rules && 'no-restricted-imports' in entry.rules,
);

function importErrors(filename: string, source: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    source,
    [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
      ...layerConfigs,
    ],
    filename,
  );
  return messages.map((m) => m.message);
}

describe('layer rule', () => {
  it.each([
    ['src/crypto/x.ts', "import '../rules/index.js';"],
    ['src/crypto/x.ts', "import 'zod';"],
    ['src/crypto/x.ts', "import 'node:crypto';"],
    ['src/rules/x.ts', "import '../core/csv.js';"],
    ['src/core/x.ts', "import '../store/index.js';"],
    ['src/core/x.ts', "import 'node:fs';"],
    ['src/store/x.ts', "import '../documents/index.js';"],
    ['src/documents/x.ts', "import '../server/app.js';"],
    ['src/server/x.ts', "import '../cli/main.js';"],
    ['web/src/x.tsx', "import '../../src/store/index.js';"],
    ['web/src/x.tsx', "import { createApp } from '../../src/server/app.js';"],
  ])('refuses in %s: %s', (filename, source) => {
    expect(importErrors(filename, source).join('\n')).toMatch(/is restricted/);
  });

  it.each([
    ['src/crypto/x.ts', "import '@noble/curves/ed25519.js';"],
    ['src/rules/x.ts', "import './bands.js';"],
    ['src/core/x.ts', "import '../rules/index.js';"],
    ['src/server/x.ts', "import '../store/index.js';"],
    ['src/cli/x.ts', "import '../server/app.js';"],
    ['web/src/x.tsx', "import type { App } from '../../src/server/app.js';"],
    ['web/src/x.tsx', "import '../../src/rules/index.js';"],
  ])('allows in %s: %s', (filename, source) => {
    expect(importErrors(filename, source)).toEqual([]);
  });
});
