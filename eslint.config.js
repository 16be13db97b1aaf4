import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'geodata/build/',
      'server/src/store/sqlite/generated/',
      'server/src/store/postgis/generated/',
      'prisma/generated/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // maplibre-gl and terra-draw stay inside client/src/map (STYLE.md).
    files: ['client/**/*.{ts,tsx}'],
    ignores: ['client/src/map/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', 'maplibre-gl/*', 'terra-draw*'],
              message: 'Import map code from client/src/map only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain knows nothing of HTTP or the database (design/README.md, Boundaries).
    files: ['server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                '@fastify/*',
                '@prisma/*',
                'better-sqlite3',
                'pg',
                '**/store/**',
                '**/routes/**',
              ],
              message: 'The domain is pure.',
            },
          ],
        },
      ],
    },
  },
);
