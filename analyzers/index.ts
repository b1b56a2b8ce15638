import type { Rule } from '../src/engine/rule.js';
import { unusedSuppression } from '../src/engine/unused-suppression.js';
import { rules as docstrings } from './docstrings/index.js';
import { rules as functionLogic } from './function-logic/index.js';
import { rules as indentation } from './indentation/index.js';
import { rules as naming } from './naming/index.js';
import { rules as security } from './security/index.js';
import { rules as signatures } from './signatures/index.js';
import { rules as typeHints } from './type-hints/index.js';
import { rules as unusedImports } from './unused-imports/index.js';
import { rules as unusedVariables } from './unused-variables/index.js';

/** Every rule, in one list. Each category's own index lists its rules. */
export const RULES: readonly Rule[] = [
  ...security,
  ...naming,
  ...typeHints,
  ...signatures,
  ...docstrings,
  ...indentation,
  ...unusedImports,
  ...unusedVariables,
  ...functionLogic,
  unusedSuppression,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
