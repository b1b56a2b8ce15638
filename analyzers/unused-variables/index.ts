import type { Rule } from '../../src/engine/rule.js';

/** The unused-variables rules, in the order their findings are listed. */
export const rules: Rule[] = [];
