import type { Rule } from '../../src/engine/rule.js';
import { runsForWhatItRaises, statementExpression } from './statements.js';

const COMPARISON_METHOD = /\bdef\s+__(?:eq|ne|lt|le|gt|ge|contains)__\s*\(/;

/** flake8-bugbear B015: a comparison whose result is thrown away. */
export const uselessComparison: Rule = {
  id: 'useless-comparison',
  category: 'function-logic',
  title: 'Comparison whose result is thrown away',
  severity: 'medium',
  codes: ['B015'],
  partialCodes: ['B015'],
  doc: {
    what: "A comparison on a line of its own (`x == 1`), outside a `try` body or a `with pytest.raises(...)` block, where it may be there for what it raises, and outside test files that define comparison methods (which compare for the methods' effect).",
    why: 'The result goes nowhere: usually an `assert` was left out (the test checks nothing) or `==` was typed for `=` (the assignment never happens).',
    example: 'def test_total():\n    total = add(2, 2)\n    total == 4',
    useInstead: 'def test_total():\n    total = add(2, 2)\n    assert total == 4',
    fix: 'Add the missing `assert`, turn `==` into the intended `=`, or delete the line.',
  },
  create(ctx) {
    // A test of a class's comparison methods compares for their effect (`testme == 1`, then assert the call was made).
    const testsComparisons = ctx.conventions.testCode && COMPARISON_METHOD.test(ctx.file.source);
    return {
      expression_statement(node) {
        const expression = statementExpression(node);
        if (expression?.type !== 'comparison_operator' || testsComparisons || runsForWhatItRaises(node)) return;
        ctx.report({
          node: expression,
          message: `The result of \`${expression.text.length > 40 ? `${expression.text.slice(0, 37)}...` : expression.text}\` is thrown away; add the missing \`assert\`, or \`=\` if an assignment was meant.`,
        });
      },
    };
  },
};
