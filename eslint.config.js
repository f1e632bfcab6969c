import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '**/*.gen.*', '**/gen/**', 'apps/mobile/android/**', 'apps/mobile/ios/**', 'apps/mobile/.expo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Expo, Metro, Babel and Jest read these as CommonJS.
    files: ['apps/mobile/*.js', 'apps/mobile/plugins/**/*.js', 'apps/mobile/scripts/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
