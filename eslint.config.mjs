import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** The organisation units live in the database (organisation_units); workflows trust the codes they get. */
const UNITS_ARE_DATA = {
  group: ['**/persistence/*', '**/persistence/**', '**/apps/**'],
  message: 'The organisation units are data: workflow and domain code must not read them (the API checks unit codes).',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.temporal/**',
      '.tools/**',
      '.data/**',
      '.cluster/**',
      'coverage/**',
      'test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Layout is Prettier's (`npm run format`); ESLint keeps to what code means.
  prettier,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The web page: plain ES modules run by the browser (no build step, no Node).
    files: ['apps/api/web/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'sessionStorage',
          'fetch',
          'URL',
          'URLSearchParams',
          'FormData',
          'CSS',
          'Intl',
          'setTimeout',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: { 'no-restricted-globals': ['error', 'require', 'module', 'process', '__dirname'] },
  },
  {
    // Tests read JSON answers whose shape each assertion states.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The API, the worker's activities and the libraries know workflows by type and message names only
    // (libs/domain/case/case-workflows.ts); the worker loads the bundle by path.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'activities/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/workflows/*', '**/workflows'], message: 'Name the workflow, do not import it.' }] },
      ],
    },
  },
  {
    // Workflow code is bundled into Temporal's deterministic sandbox: no Node, Nest, TypeORM or validators.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'class-validator',
                'class-transformer',
                'node:*',
                'fs',
                'path',
                'crypto',
              ],
              message: 'Workflow code must stay deterministic and bundleable.',
            },
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
              message: 'Workflows may import only @temporalio/workflow.',
            },
            UNITS_ARE_DATA,
          ],
        },
      ],
    },
  },
  {
    // The domain is importable by workflows: it holds the units' types and pure helpers, never the units.
    files: ['libs/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [UNITS_ARE_DATA] }] },
  },
);
