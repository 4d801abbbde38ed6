import preset from '@redvest/config/eslint';
import globals from 'globals';

export default [
  ...preset,
  { files: ['src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
];
