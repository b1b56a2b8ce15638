import type { Rule } from '../../src/engine/rule.js';

/** The docstrings rules, in the order their findings are listed. */
export const rules: Rule[] = [];
