import type { Rule } from '../../src/engine/rule.js';
import { redefinedUnusedName } from './redefined-unused-name.js';
import { unusedVariable } from './unused-variable.js';

/** The unused-variables rules, in the order their findings are listed. */
export const rules: Rule[] = [unusedVariable, redefinedUnusedName];
