export * from './code';
export * from './decide';
export * from './geo';
export * from './minutes';
export * from './window';
