import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'Only src/store/sqlite/ may import the SQLite driver.' },
            { name: 'wink-nlp', message: 'Only src/nlp/ may import wink-nlp.' },
          ],
        },
      ],
    },
  },
  { files: ['src/store/sqlite/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/nlp/**', 'bench/**'], rules: { 'no-restricted-imports': 'off' } },
);
