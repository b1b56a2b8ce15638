import type { Category } from '../../engine/finding.js';

/**
 * The summary's words for each category: the sample's title when the items are what it names,
 * a plainer one when they are mixed, and a noun for the "Overall," paragraph.
 */
export const CATEGORY_TEXT: Record<Category, { title: string; mixed: string; noun: string }> = {
  security: { title: 'Security suppressions', mixed: 'Security suppressions', noun: 'security suppressions' },
  naming: { title: 'Consistent naming conventions', mixed: 'Naming', noun: 'naming' },
  'type-hints': { title: 'Type hints and annotations', mixed: 'Type hints and annotations', noun: 'type hints' },
  signatures: { title: 'Function signature consistency', mixed: 'Function signatures', noun: 'function signatures' },
  docstrings: { title: 'Docstrings', mixed: 'Docstrings', noun: 'docstrings' },
  indentation: { title: 'Consistent indentation', mixed: 'Indentation', noun: 'indentation' },
  'unused-imports': { title: 'Unused imports', mixed: 'Unused imports', noun: 'unused imports' },
  'unused-variables': { title: 'Unused variables', mixed: 'Unused variables', noun: 'unused variables' },
  'function-logic': { title: 'Function logic', mixed: 'Function logic', noun: 'function logic' },
};

/** Rules whose findings are not what their category's sample title says. */
const RULE_HEADING: Record<string, string> = {
  'builtin-variable-shadowing': 'Names that shadow Python built-ins',
  'builtin-argument-shadowing': 'Names that shadow Python built-ins',
  'mutable-default-argument': 'Mutable default arguments',
  'made-up-dunder': 'Special method names',
  'mangled-name-access': 'Access to private names',
};

/** The item's heading: the one every rule of it agrees on, else the category's plain title. */
export function categoryHeading(category: Category, rules: readonly string[]): string {
  const headings = new Set(rules.map((id) => RULE_HEADING[id] ?? CATEGORY_TEXT[category].title));
  return headings.size === 1 ? [...headings][0]! : CATEGORY_TEXT[category].mixed;
}
