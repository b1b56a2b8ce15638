import type { Rule } from '../../src/engine/rule.js';

/** The indentation rules, in the order their findings are listed. */
export const rules: Rule[] = [];
