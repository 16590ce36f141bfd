import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Node's modules and the globals only Node defines: the engine (src/core) must use neither. */
const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
const NODE_GLOBALS = ['Buffer', 'process', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'media/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The engine runs in the extension host, in a browser and in the CLI: no vscode, no Node.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...NODE_BUILTINS],
        patterns: ['node:*', 'fs/*', 'path/*', 'util/*', 'stream/*', 'timers/*'],
      }],
      'no-restricted-globals': ['error', ...NODE_GLOBALS.map((name) => ({ name, message: 'src/core runs in a browser too: no Node globals.' }))],
    },
  },
  {
    // The view models are plain functions over the analysis: the VS Code adapters live in src/features.
    files: ['src/presentation/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/presentation is pure: adapt to VS Code in src/features.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
