import type { Rule } from '../../src/engine/rule.js';
import { missingDocstring } from './missing-docstring.js';

/** The docstrings rules, in the order their findings are listed. */
export const rules: Rule[] = [missingDocstring];
