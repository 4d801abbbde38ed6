export { default } from '@redvest/config/eslint';
