export * from './api';
export * from './categories';
export * from './docs';
export * from './errors';
export * from './privacy';
export * from './roles';
export * from './routes';
export * from './time';
