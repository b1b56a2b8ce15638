import type { Rule } from '../../src/engine/rule.js';

/** The security rules, in the order their findings are listed. */
export const rules: Rule[] = [];
