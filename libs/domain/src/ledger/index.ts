export * from './book';
export * from './totals';
