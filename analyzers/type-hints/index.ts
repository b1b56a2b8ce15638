import type { Rule } from '../../src/engine/rule.js';
import { missingArgumentAnnotation } from './missing-argument-annotation.js';
import { missingReturnAnnotation } from './missing-return-annotation.js';

/** The type-hint rules, in the order their findings are listed. */
export const rules: Rule[] = [missingArgumentAnnotation, missingReturnAnnotation];
