export * from './client';
export * from './transport';
