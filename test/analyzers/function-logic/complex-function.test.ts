import { complexFunction } from '../../../analyzers/function-logic/complex-function.js';
import { ruleTester, runRule } from '../../helpers/rule-tester.js';

/** Complexity as the rule computes it, with the limit at 0 so every function is reported. */
function complexity(code: string): number[] {
  return runRule(complexFunction, code, 'm.py', { maxComplexity: 0 }).map((f) => Number(/complexity (\d+)/.exec(f.message)![1]));
}

const elifs = (n: number): string =>
  `def f(x):\n    if x == 0:\n        return 0\n${Array.from({ length: n }, (_, i) => `    elif x == ${i + 1}:\n        return ${i}\n`).join('')}`;

ruleTester(complexFunction, {
  flagged: [
    { code: elifs(10), lines: [1], message: '`f` is too complex: cyclomatic complexity 12 (limit 10)' },
    { code: elifs(3), lines: [1], options: { maxComplexity: 3 } },
  ],
  clean: [{ code: elifs(8) }, { code: elifs(3), options: { maxComplexity: 5 } }],
});

// Each case is checked against Ruff 0.17's C901 counts.
describe('counts as mccabe and Ruff do', () => {
  test.each([
    ['straight line', 'def f():\n    x = 1\n    return x\n', [1]],
    ['if/elif/else', 'def f(n):\n    if n > 3:\n        return 1\n    elif n > 4:\n        return 2\n    else:\n        return 3\n', [3]],
    ['for-else and while', 'def f(a):\n    for i in a:\n        pass\n    else:\n        pass\n    while a:\n        pass\n', [3]],
    [
      'try: each except and the else',
      'def f():\n    try:\n        pass\n    except A:\n        pass\n    except B:\n        pass\n    else:\n        pass\n    finally:\n        pass\n',
      [4],
    ],
    ['nested functions add their own complexity', 'def f():\n    def g(x):\n        if x:\n            pass\n    if y:\n        pass\n    lambda: 1\n', [4, 2]],
    ['boolean operators and comprehensions do not count', 'def f():\n    x = [a for a in b if a]\n    y = a if b else c\n    z = a and b or c\n', [1]],
    ['match: each case but a catch-all', 'def f():\n    match x:\n        case 1:\n            pass\n        case [1] | _:\n            pass\n', [2]],
    ['match: a guarded wildcard counts', 'def f():\n    match x:\n        case 1:\n            pass\n        case _ if y:\n            pass\n', [3]],
    ['a class body inside a function counts', 'def f():\n    class A:\n        def m(self):\n            if x:\n                pass\n', [3, 2]],
  ])('%s', (_name, code, expected) => {
    expect(complexity(code as string).sort()).toEqual((expected as number[]).sort());
  });
});
