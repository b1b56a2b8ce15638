import type { Rule } from '../../src/engine/rule.js';
import { unusedImport } from './unused-import.js';

/** The unused-imports rules, in the order their findings are listed. */
export const rules: Rule[] = [unusedImport];
