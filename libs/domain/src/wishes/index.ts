export * from './state-machine';
export * from './actors';
export * from './decide';
export * from './points';
export * from './posting';
export * from './voice';
