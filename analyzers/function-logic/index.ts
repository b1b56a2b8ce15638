import type { Rule } from '../../src/engine/rule.js';
import { bareExcept } from './bare-except.js';
import { complexFunction } from './complex-function.js';
import { deepNesting } from './deep-nesting.js';
import { jumpInFinally } from './jump-in-finally.js';
import { nestedDecoratedFunction } from './nested-decorated-function.js';
import { raiseWithoutFrom } from './raise-without-from.js';
import { tooManyArguments } from './too-many-arguments.js';
import { tooManyBranches } from './too-many-branches.js';
import { tooManyStatements } from './too-many-statements.js';
import { implicitConcatenationMissingSpace } from './implicit-concatenation-missing-space.js';
import { incompleteDeprecationWarning } from './incomplete-deprecation-warning.js';
import { isLiteralComparison } from './is-literal-comparison.js';
import { loopVariableClosure } from './loop-variable-closure.js';
import { typeComparison } from './type-comparison.js';
import { uselessComparison } from './useless-comparison.js';
import { uselessExpression } from './useless-expression.js';

/** The function-logic rules, in the order their findings are listed. */
export const rules: Rule[] = [
  nestedDecoratedFunction,
  complexFunction,
  tooManyBranches,
  tooManyStatements,
  tooManyArguments,
  deepNesting,
  raiseWithoutFrom,
  bareExcept,
  jumpInFinally,
  uselessComparison,
  uselessExpression,
  isLiteralComparison,
  typeComparison,
  loopVariableClosure,
  incompleteDeprecationWarning,
  implicitConcatenationMissingSpace,
];
