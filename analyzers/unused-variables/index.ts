import type { Rule } from '../../src/engine/rule.js';
import { unusedVariable } from './unused-variable.js';

/** The unused-variables rules, in the order their findings are listed. */
export const rules: Rule[] = [unusedVariable];
