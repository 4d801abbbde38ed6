export * from './household-import';
export * from './phone';
export * from './roles';
