// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * typescript-eslint with type information: the rules that catch real faults (promises left
 * floating or passed where a callback is expected, awaits of non-promises, `any` leaking into
 * typed code, objects stringified as "[object Object]"). Formatting is Prettier's, not ESLint's.
 */
export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'bench/.cache/', '.ci/node/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // `const { queuedAt: _, ...job } = queued` leaves a key out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Passing on what a catch caught (`Promise.reject(error)`) is fine; rejecting with a string is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Without noUncheckedIndexedAccess, `list[i]!` is a note to the reader, not a fault.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Async functions without await implement async interfaces (queue workers, Probot handlers).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests and benchmarks read JSON, fixtures and jest's asymmetric matchers, which are `any` by nature.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Terminal output is checked with its ANSI escapes.
      'no-control-regex': 'off',
    },
  },
  {
    // Plain JavaScript outside the TypeScript project: jest's and ESLint's configs, jest's CommonJS hooks, test workers.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
