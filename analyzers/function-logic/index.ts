import type { Rule } from '../../src/engine/rule.js';

/** The function-logic rules, in the order their findings are listed. */
export const rules: Rule[] = [];
