import type { Category } from '../../engine/finding.js';

/** The summary's words for each category: the item's title (the sample's) and a noun for "Overall,". */
export const CATEGORY_TEXT: Record<Category, { title: string; noun: string }> = {
  security: { title: 'Security suppressions', noun: 'security suppressions' },
  naming: { title: 'Consistent naming conventions', noun: 'naming' },
  'type-hints': { title: 'Type hints and annotations', noun: 'type hints' },
  signatures: { title: 'Function signature consistency', noun: 'function signatures' },
  docstrings: { title: 'Docstrings', noun: 'docstrings' },
  indentation: { title: 'Consistent indentation', noun: 'indentation' },
  'unused-imports': { title: 'Unused imports', noun: 'unused imports' },
  'unused-variables': { title: 'Unused variables', noun: 'unused variables' },
  'function-logic': { title: 'Function logic', noun: 'function logic' },
};
