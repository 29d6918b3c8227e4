// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-vsix/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-output/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // Pure layers must never depend on the editor or on the LSP connection.
    files: [
      'server/src/language/**',
      'server/src/builders/**',
      'server/src/simulator/**',
      'client/src/api/**',
      'sandbox/src/**',
      'lib/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'Pure code must not import vscode.' },
            { name: 'vscode-languageserver', message: 'Pure code must not import the LSP connection.' },
            { name: 'vscode-languageserver/node', message: 'Pure code must not import the LSP connection.' },
          ],
        },
      ],
    },
  },
);
