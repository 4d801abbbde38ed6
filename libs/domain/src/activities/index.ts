export * from './plan';
export * from './phase';
