// Types of eslint.config.js, for the test that checks the layer rule.
import type { Linter } from 'eslint';

declare const config: Linter.Config[];
export default config;
