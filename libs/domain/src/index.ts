export * from './contact';
export * from './household-import';
export * from './ledger';
export * from './phone';
export * from './roles';
export * from './wishes';
export * from './date-bounds';
export * from './text';
