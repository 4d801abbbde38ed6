export * from './book';
export * from './totals';
export * from './decide';
export * from './statement';
