export * from './demands';
export * from './households';
