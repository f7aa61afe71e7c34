// ESLint: type-aware rules, and the dependency direction of ../shared/architecture.md enforced per layer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Layers in dependency order: a layer may import only the layers listed before it. */
const LAYERS = ['crypto', 'rules', 'core', 'store', 'documents', 'server', 'cli'];
/** Layers that may import each layer, beyond the ordering above (store and documents are siblings). */
const ALLOWED = {
  crypto: [],
  rules: ['crypto'],
  core: ['crypto', 'rules'],
  store: ['crypto', 'rules', 'core'],
  documents: ['crypto', 'rules', 'core'],
  server: ['crypto', 'rules', 'core', 'store', 'documents'],
  cli: ['crypto', 'rules', 'core', 'store', 'documents', 'server'],
};

function layerRule(layer) {
  const forbidden = LAYERS.filter((other) => other !== layer && !ALLOWED[layer].includes(other));
  const patterns = [
    {
      regex: `^(\\.\\./)+(${[...forbidden, 'web'].join('|')})(/|$)`,
      message: `src/${layer} may import only ${ALLOWED[layer].join(', ') || '@noble/*'} (architecture.md).`,
    },
  ];
  if (layer === 'crypto') {
    patterns.push({
      regex: '^(?!@noble/|\\.)',
      message: 'src/crypto imports @noble/* only: the same files run in the browser and in Node.',
    });
  }
  if (['crypto', 'rules', 'core'].includes(layer)) {
    patterns.push({ regex: '^node:', message: `src/${layer} is pure: no node:* modules.` });
  }
  return {
    files: [`src/${layer}/**/*.ts`],
    ignores: [`src/${layer}/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  {
    // wasm/edwards25519.ts is AssemblyScript (its own types: i64, usize, load<T>), checked by its compiler
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'coverage/',
      'test-results/',
      'web/dist/',
      'wasm/edwards25519.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...LAYERS.map(layerRule),
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(store|documents|cli)(/|$)',
              message: 'web imports src/core, src/crypto and src/rules only.',
            },
            {
              regex: '^(\\.\\./)+src/server(/|$)',
              allowTypeImports: true,
              message: 'web imports only types from src/server.',
            },
          ],
        },
      ],
    },
  },
);
