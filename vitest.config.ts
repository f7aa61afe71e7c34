// Vitest: unit, property and contract tests colocated in src/ and in test/; e2e/ runs separately in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
