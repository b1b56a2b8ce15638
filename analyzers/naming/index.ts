import type { Rule } from '../../src/engine/rule.js';
import { argumentName } from './argument-name.js';
import { builtinArgumentShadowing } from './builtin-argument-shadowing.js';
import { builtinVariableShadowing } from './builtin-variable-shadowing.js';
import { className } from './class-name.js';
import { dunderFunctionName } from './dunder-function-name.js';
import { exceptionName } from './exception-name.js';
import { functionName } from './function-name.js';
import { importAlias } from './import-alias-case.js';
import { mixedCaseVariable } from './mixed-case-variable.js';
import { variableInFunction } from './variable-in-function.js';

/** The naming rules, in the order their findings are listed. */
export const rules: Rule[] = [
  className,
  functionName,
  argumentName,
  variableInFunction,
  mixedCaseVariable,
  dunderFunctionName,
  importAlias,
  exceptionName,
  builtinVariableShadowing,
  builtinArgumentShadowing,
];
