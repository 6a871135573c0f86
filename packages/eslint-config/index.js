// Shared lint rules: strict TypeScript, no `any`, named exports are a review habit.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export function config({ browser = false, ignores = [] } = {}) {
  return tseslint.config(
    { ignores: ['dist/**', 'coverage/**', 'src/generated/**', ...ignores] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      languageOptions: { globals: browser ? { ...globals.browser } : { ...globals.node, ...globals.jest } },
      rules: {
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      },
    },
  );
}
