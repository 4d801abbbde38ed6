export * from './book';
export * from './totals';
export * from './decide';
