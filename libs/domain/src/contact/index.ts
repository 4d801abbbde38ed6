export * from './demands';
export * from './decide-demand';
export * from './households';
