import type { Rule } from '../../src/engine/rule.js';
import { indentationWidth } from './indentation-width.js';
import { mixedSpacesAndTabs } from './mixed-spaces-and-tabs.js';
import { overIndented } from './over-indented.js';
import { tabIndentation } from './tab-indentation.js';
import { unexpectedIndentation } from './unexpected-indentation.js';

/** The indentation rules, in the order their findings are listed. */
export const rules: Rule[] = [indentationWidth, overIndented, unexpectedIndentation, mixedSpacesAndTabs, tabIndentation];
