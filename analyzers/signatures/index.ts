import type { Rule } from '../../src/engine/rule.js';
import { booleanPositionalFlag } from './boolean-positional-flag.js';
import { firstArgumentName } from './first-argument-name.js';
import { madeUpDunder } from './made-up-dunder.js';
import { mangledNameAccess } from './mangled-name-access.js';
import { mutableDefaultArgument } from './mutable-default-argument.js';
import { staticmethodSelf } from './staticmethod-self.js';

/** The signature rules, in the order their findings are listed. */
export const rules: Rule[] = [mutableDefaultArgument, firstArgumentName, staticmethodSelf, madeUpDunder, mangledNameAccess, booleanPositionalFlag];
