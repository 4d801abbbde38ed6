export * from './assignments';
export * from './coverage';
export * from './demands';
export * from './decide-demand';
export * from './groups';
export * from './households';
export * from './three-lists';
export * from './visits';
