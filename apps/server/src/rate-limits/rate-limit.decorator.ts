import { SetMetadata } from '@nestjs/common';
import { RateRule } from './rules';

export const RATE_RULES = Symbol('rateRules');

/** Limits a route: every rule counts each request (see RATE_LIMITS); the first one exceeded answers 429. */
export const RateLimit = (...rules: RateRule[]) => SetMetadata(RATE_RULES, rules);
