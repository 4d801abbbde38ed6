import { Foundation1763892000000 } from './1763892000000-Foundation';

/** Every migration, in order. New ones are appended. */
export const MIGRATIONS = [Foundation1763892000000];
