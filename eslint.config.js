// ESLint for the framework and everything beside it: typescript-eslint's type-checked rules
// (floating promises, misused promises, unsafe any) on top of ESLint's recommended ones.
// `npm run lint` runs it with Prettier's check and the import table (scripts/check-deps.mjs).
// Every rule below that differs from the presets says why; an `eslint-disable` comment in code must
// say why on the same line (`-- reason`); reportUnusedDisableDirectives fails one that no longer
// silences anything, so none outlives its reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'var/', 'node_modules/', 'coverage/', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Already errors in recommendedTypeChecked; named here because they are why this config is
      // type-checked at all: a promise nobody awaits loses its error, and a bot that moves on
      // before the queue recorded an item breaks exactly-once.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A leading underscore is the house sign for a name that must exist but is not read: a
      // parameter an interface demands, or a field dropped from a copy with `{ secret: _s, ...rest }`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // vitest's `expect(obj.method).toHaveBeenCalled()`, `vi.spyOn` targets and helpers that hand
      // back bound functions (`const { url } = usePgSchemas()`) pass methods around on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // vitest types its asymmetric matchers (`expect.stringContaining`, `expect.objectContaining`,
      // `expect.any`) as `any`; every `toMatchObject({ field: expect.… })` would otherwise be flagged.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
